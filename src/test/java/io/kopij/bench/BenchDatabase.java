package io.kopij.bench;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Comparator;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A real PostgreSQL 17 from the zonky binaries, in a fresh data directory under target/bench. The app connects as
 * {@code postgres}; the benchmark's own monitoring queries run as the role {@code bench}, so that counting the app's
 * statements in pg_stat_statements can leave them out (filter on userid).
 */
final class BenchDatabase implements AutoCloseable {

    static final String APP_USER = "postgres";
    static final String BENCH_USER = "bench";

    private final EmbeddedPostgres pg;
    final Path dataDir;
    final Path logDir;
    private Connection monitor;

    private BenchDatabase(EmbeddedPostgres pg, Path dataDir, Path logDir) {
        this.pg = pg;
        this.dataDir = dataDir;
        this.logDir = logDir;
    }

    static BenchDatabase start(Path benchDir) throws IOException, SQLException {
        Path dataDir = benchDir.resolve("pgdata");
        Path logDir = benchDir.resolve("pglog");
        stopLeftover(dataDir);
        deleteTree(dataDir);
        deleteTree(logDir);
        Files.createDirectories(logDir);
        EmbeddedPostgres pg = EmbeddedPostgres.builder()
                .setDataDirectory(dataDir.toFile())
                .setCleanDataDirectory(true)
                .setPGStartupWait(Duration.ofSeconds(60))
                .setLocaleConfig("encoding", "UTF8")
                .setLocaleConfig("locale", "C.UTF-8")
                // zonky starts PostgreSQL with fsync off (-F): irrelevant for a read benchmark, and said in the report.
                .setServerConfig("max_connections", "100")
                .setServerConfig("shared_buffers", "256MB")
                .setServerConfig("shared_preload_libraries", "pg_stat_statements")
                .setServerConfig("pg_stat_statements.track", "top")
                .setServerConfig("pg_stat_statements.track_utility", "on")
                // Statement logging stays at its default (none) and is switched on with ALTER SYSTEM for one request
                // to capture case A's SQL; setting log_statement here would pin it (command line beats ALTER SYSTEM).
                .setServerConfig("logging_collector", "on")
                .setServerConfig("log_destination", "jsonlog")
                .setServerConfig("log_directory", logDir.toString())
                .start();
        BenchDatabase db = new BenchDatabase(pg, dataDir, logDir);
        try (Connection c = db.connect(APP_USER); Statement s = c.createStatement()) {
            s.execute("create extension if not exists pg_stat_statements");
            s.execute("create role " + BENCH_USER + " login superuser");
        }
        db.monitor = db.connect(BENCH_USER);
        db.monitor.setAutoCommit(true);
        return db;
    }

    /** JDBC URL for the app (user postgres). */
    String appJdbcUrl() {
        return pg.getJdbcUrl(APP_USER, "postgres");
    }

    int port() {
        return pg.getPort();
    }

    Connection connect(String user) throws SQLException {
        return DriverManager.getConnection(pg.getJdbcUrl(user, "postgres")
                + "&ApplicationName=kopij-bench&reWriteBatchedInserts=true");
    }

    long postmasterPid() throws IOException {
        return Long.parseLong(Files.readAllLines(dataDir.resolve("postmaster.pid")).get(0).trim());
    }

    double cpuMs() {
        try {
            return ProcCpu.postgresMs(postmasterPid());
        } catch (IOException e) {
            return -1;
        }
    }

    /** Statements the app's role executed so far: {plain statements, transaction control/utility}. */
    long[] statementCalls() throws SQLException {
        try (Statement s = monitor.createStatement(); ResultSet rs = s.executeQuery("""
                select coalesce(sum(calls) filter (where not utility), 0),
                       coalesce(sum(calls) filter (where utility), 0)
                from (select calls,
                             query ~* '^\\s*(begin|commit|rollback|start|set|show|savepoint|release|discard|reset|deallocate)\\M'
                                 as utility
                      from pg_stat_statements
                      where userid = (select oid from pg_roles where rolname = 'postgres')) x
                """)) {
            rs.next();
            return new long[] {rs.getLong(1), rs.getLong(2)};
        }
    }

    String show(String setting) throws SQLException {
        try (Statement s = monitor.createStatement(); ResultSet rs = s.executeQuery("show " + setting)) {
            rs.next();
            return rs.getString(1);
        }
    }

    String version() throws SQLException {
        try (Statement s = monitor.createStatement(); ResultSet rs = s.executeQuery("select version()")) {
            rs.next();
            return rs.getString(1);
        }
    }

    void setLogStatement(String value) throws SQLException {
        try (Statement s = monitor.createStatement()) {
            s.execute("alter system set log_statement = '" + value + "'");
            s.execute("select pg_reload_conf()");
        }
    }

    @Override
    public void close() {
        try {
            if (monitor != null) {
                monitor.close();
            }
        } catch (SQLException ignored) {
            // closing anyway
        }
        try {
            pg.close();
        } catch (IOException e) {
            System.err.println("Could not stop PostgreSQL cleanly: " + e);
        }
    }

    /** A postmaster left running by a killed earlier run in the same data directory is stopped first. */
    private static void stopLeftover(Path dataDir) {
        Path pidFile = dataDir.resolve("postmaster.pid");
        if (!Files.exists(pidFile)) {
            return;
        }
        try {
            long pid = Long.parseLong(Files.readAllLines(pidFile).get(0).trim());
            ProcessHandle.of(pid).ifPresent(h -> {
                String cmd = h.info().command().orElse("");
                if (cmd.endsWith("postgres")) {
                    System.out.println("Stopping PostgreSQL left by an earlier run (pid " + pid + ")");
                    h.destroy(); // SIGTERM: smart shutdown
                    h.onExit().orTimeout(20, TimeUnit.SECONDS).exceptionally(t -> null).join();
                    if (h.isAlive()) {
                        h.destroyForcibly();
                    }
                }
            });
        } catch (IOException | RuntimeException e) {
            System.err.println("Could not check " + pidFile + ": " + e);
        }
    }

    static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : (Iterable<Path>) walk.sorted(Comparator.reverseOrder())::iterator) {
                Files.deleteIfExists(p);
            }
        }
    }
}
