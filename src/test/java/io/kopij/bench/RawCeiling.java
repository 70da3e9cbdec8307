package io.kopij.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Types;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The raw SQL ceiling of case A: the exact statements (with their parameters) that the app sent PostgreSQL for one
 * case-A request, captured from PostgreSQL's own statement log, replayed directly against the same database at the
 * same concurrency. One transaction = all statements of one request. pgbench when installed, else a JDBC loop.
 */
final class RawCeiling {

    /** One statement as the app sent it: SQL with $n placeholders and the parameter values as text (null = NULL). */
    record Captured(String sql, List<String> params) {
    }

    record Outcome(String tool, int clients, double seconds, long transactions, double tps, double latencyMs,
            double pgCpuMsPerTx, double sqlPerTx, String note) {
    }

    private static final Pattern PARAM = Pattern.compile("\\$(\\d+) = (NULL|'((?:[^']|'')*)')");
    private static final Pattern PLACEHOLDER = Pattern.compile("\\$(\\d+)");
    private static final ObjectMapper JSON = new ObjectMapper();

    private RawCeiling() {
    }

    /** Switches statement logging on, runs {@code request} once, switches it off and reads the app's statements. */
    static List<Captured> capture(BenchDatabase db, Runnable request) throws Exception {
        db.setLogStatement("all");
        Thread.sleep(500); // backends apply the reload before their next command; the margin is generous
        request.run();
        Thread.sleep(300);
        db.setLogStatement("none");
        Thread.sleep(700); // the logging collector writes asynchronously
        List<Captured> out = new ArrayList<>();
        List<Path> files;
        try (Stream<Path> s = Files.list(db.logDir)) {
            files = s.filter(p -> p.toString().endsWith(".json")).sorted().toList();
        }
        for (Path f : files) {
            for (String line : Files.readAllLines(f)) {
                if (line.isBlank()) {
                    continue;
                }
                JsonNode e = JSON.readTree(line);
                if (!BenchDatabase.APP_USER.equals(e.path("user").asText())
                        || "kopij-bench".equals(e.path("application_name").asText())) {
                    continue;
                }
                String msg = e.path("message").asText();
                String sql;
                if (msg.startsWith("execute ") && !msg.startsWith("execute fetch from")) {
                    sql = msg.substring(msg.indexOf(": ") + 2);
                } else if (msg.startsWith("statement: ")) {
                    sql = msg.substring("statement: ".length());
                } else {
                    continue;
                }
                List<String> params = new ArrayList<>();
                Matcher m = PARAM.matcher(e.path("detail").asText(""));
                while (m.find()) {
                    int n = Integer.parseInt(m.group(1));
                    while (params.size() < n) {
                        params.add(null);
                    }
                    params.set(n - 1, m.group(2).equals("NULL") ? null : m.group(3).replace("''", "'"));
                }
                out.add(new Captured(sql.replaceAll("\\s+", " ").trim(), params));
            }
        }
        return out;
    }

    static Path findPgbench() {
        String configured = System.getProperty("bench.pgbench");
        if (configured != null && !configured.isBlank()) {
            return Path.of(configured);
        }
        for (String dir : System.getenv().getOrDefault("PATH", "").split(":")) {
            Path p = Path.of(dir.isEmpty() ? "." : dir, "pgbench");
            if (Files.isExecutable(p)) {
                return p;
            }
        }
        try (Stream<Path> s = Files.list(Path.of("/usr/lib/postgresql"))) {
            return s.map(v -> v.resolve("bin/pgbench")).filter(Files::isExecutable)
                    .sorted(Comparator.reverseOrder()).findFirst().orElse(null);
        } catch (IOException e) {
            return null;
        }
    }

    /** Writes the pgbench script: $n become pgbench variables (:s1p1, ...) passed with -D, sent as parameters. */
    static List<String> pgbenchArgs(Path pgbench, List<Captured> stmts, Path script, BenchDatabase db, int clients,
            Duration length) throws IOException {
        StringBuilder sb = new StringBuilder("-- case A of the Kopij benchmark: the statements of one request\n");
        List<String> args = new ArrayList<>(List.of(pgbench.toString(), "-n", "-M", "prepared",
                "-c", Integer.toString(clients), "-j", Integer.toString(Math.max(1, Math.min(clients,
                        Runtime.getRuntime().availableProcessors()))),
                "-T", Long.toString(Math.max(1, Math.round(length.toMillis() / 1000.0))),
                "-h", "localhost", "-p", Integer.toString(db.port()), "-U", BenchDatabase.APP_USER,
                "-f", script.toString()));
        for (int i = 0; i < stmts.size(); i++) {
            Captured c = stmts.get(i);
            int si = i + 1;
            sb.append(PLACEHOLDER.matcher(c.sql()).replaceAll(m -> ":s" + si + "p" + m.group(1))).append(";\n");
            for (int p = 0; p < c.params().size(); p++) {
                // pgbench cannot pass NULL; none of case A's parameters is NULL.
                args.add("-D");
                args.add("s" + si + "p" + (p + 1) + "=" + (c.params().get(p) == null ? "" : c.params().get(p)));
            }
        }
        Files.writeString(script, sb.toString());
        args.add("postgres");
        return args;
    }

    static Outcome runPgbench(Path pgbench, List<Captured> stmts, BenchDatabase db, int clients, Duration warmup,
            Duration length, Path dir) throws Exception {
        Path script = dir.resolve("case-a.pgbench.sql");
        if (!warmup.isZero()) {
            exec(pgbenchArgs(pgbench, stmts, script, db, clients, warmup), dir.resolve("pgbench-warmup.log"),
                    warmup.toSeconds());
        }
        List<String> args = pgbenchArgs(pgbench, stmts, script, db, clients, length);
        Files.writeString(dir.resolve("case-a.pgbench.cmd"), String.join(" ", args.stream()
                .map(a -> a.matches("[A-Za-z0-9_./=:-]+") ? a : "'" + a.replace("'", "'\\''") + "'").toList()) + "\n");
        double pgBefore = db.cpuMs();
        long[] sqlBefore = db.statementCalls();
        long t0 = System.nanoTime();
        String out = exec(args, dir.resolve("pgbench.log"), length.toSeconds());
        double seconds = (System.nanoTime() - t0) / 1e9;
        double pgAfter = db.cpuMs();
        long[] sqlAfter = db.statementCalls();
        Matcher tps = Pattern.compile("tps = ([0-9.]+) \\(without initial connection time\\)").matcher(out);
        Matcher tx = Pattern.compile("number of transactions actually processed: (\\d+)").matcher(out);
        Matcher lat = Pattern.compile("latency average = ([0-9.]+) ms").matcher(out);
        if (!tps.find() || !tx.find()) {
            throw new IllegalStateException("pgbench failed:\n" + out);
        }
        long transactions = Long.parseLong(tx.group(1));
        return new Outcome("pgbench " + pgbenchVersion(pgbench) + " -M prepared", clients, seconds, transactions,
                Double.parseDouble(tps.group(1)), lat.find() ? Double.parseDouble(lat.group(1)) : Double.NaN,
                (pgAfter - pgBefore) / transactions, (double) (sqlAfter[0] - sqlBefore[0]) / transactions,
                "script: " + script + ", command: " + dir.resolve("case-a.pgbench.cmd"));
    }

    static Outcome runJdbc(List<Captured> stmts, BenchDatabase db, int clients, Duration warmup, Duration length)
            throws Exception {
        if (!warmup.isZero()) {
            jdbcPhase(stmts, db, clients, warmup);
        }
        double pgBefore = db.cpuMs();
        long[] sqlBefore = db.statementCalls();
        long t0 = System.nanoTime();
        long[] txAndNanos = jdbcPhase(stmts, db, clients, length);
        double seconds = (System.nanoTime() - t0) / 1e9;
        double pgAfter = db.cpuMs();
        long[] sqlAfter = db.statementCalls();
        long transactions = txAndNanos[0];
        return new Outcome("JDBC loop (pgbench not found)", clients, seconds, transactions, transactions / seconds,
                txAndNanos[1] / 1e6 / Math.max(1, transactions), (pgAfter - pgBefore) / transactions,
                (double) (sqlAfter[0] - sqlBefore[0]) / transactions, "");
    }

    /** Connections are opened before the clock starts, as pgbench's figure excludes connection time too. */
    private static long[] jdbcPhase(List<Captured> stmts, BenchDatabase db, int clients, Duration length)
            throws Exception {
        List<Connection> conns = new ArrayList<>();
        AtomicLong tx = new AtomicLong();
        AtomicLong nanos = new AtomicLong();
        try {
            for (int i = 0; i < clients; i++) {
                conns.add(DriverManager.getConnection(db.appJdbcUrl()));
            }
            long deadline = System.nanoTime() + length.toNanos();
            List<Thread> threads = new ArrayList<>();
            List<Exception> failures = Collections.synchronizedList(new ArrayList<>());
            for (Connection c : conns) {
                Thread t = new Thread(() -> {
                    try {
                        List<PreparedStatement> ps = new ArrayList<>();
                        for (Captured s : stmts) {
                            ps.add(c.prepareStatement(s.sql().replaceAll("\\$\\d+", "?")));
                        }
                        while (System.nanoTime() < deadline) {
                            long t0 = System.nanoTime();
                            for (int i = 0; i < ps.size(); i++) {
                                PreparedStatement p = ps.get(i);
                                List<String> params = stmts.get(i).params();
                                for (int j = 0; j < params.size(); j++) {
                                    p.setObject(j + 1, params.get(j), Types.OTHER);
                                }
                                if (p.execute()) {
                                    try (ResultSet rs = p.getResultSet()) {
                                        while (rs.next()) {
                                            rs.getObject(1);
                                        }
                                    }
                                }
                            }
                            nanos.addAndGet(System.nanoTime() - t0);
                            tx.incrementAndGet();
                        }
                    } catch (Exception e) {
                        failures.add(e);
                    }
                });
                t.setDaemon(true);
                threads.add(t);
                t.start();
            }
            for (Thread t : threads) {
                t.join();
            }
            if (!failures.isEmpty()) {
                throw failures.get(0);
            }
        } finally {
            for (Connection c : conns) {
                c.close();
            }
        }
        return new long[] {tx.get(), nanos.get()};
    }

    private static String pgbenchVersion(Path pgbench) {
        try {
            Process p = new ProcessBuilder(pgbench.toString(), "--version").redirectErrorStream(true).start();
            String v = new String(p.getInputStream().readAllBytes()).trim();
            p.waitFor();
            return v.replaceAll("^pgbench \\(PostgreSQL\\) ", "");
        } catch (Exception e) {
            return "?";
        }
    }

    private static String exec(List<String> args, Path log, long timeoutSeconds) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(args).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        try {
            if (!p.waitFor(30 + timeoutSeconds, TimeUnit.SECONDS)) {
                throw new IllegalStateException("timed out: " + String.join(" ", args));
            }
        } finally {
            if (p.isAlive()) {
                p.destroyForcibly();
            }
        }
        return Files.readString(log);
    }
}
