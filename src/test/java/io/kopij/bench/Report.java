package io.kopij.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** The Markdown results: header with date and machine, one table row per case and concurrency, then notes. */
final class Report {

    private Report() {
    }

    /** One measured case: with the render cache on or off, and its hit ratio over the case (warm-up included). */
    record Row(String cache, LoadDriver.Result result, String hitRatio) {
    }

    static String markdown(BenchConfig config, List<Row> rows, RawCeiling.Outcome ceiling,
            Map<String, String> unavailable, List<String> notes, Map<String, Long> startups, long firstStartupMs,
            DataSet.Seeded seeded, String dbSize, BenchDatabase db, List<RawCeiling.Captured> caseASql,
            Map<String, Double> rss) throws Exception {
        StringBuilder md = new StringBuilder();
        md.append("### Benchmark run of ").append(ZonedDateTime.now().format(DateTimeFormatter.ISO_OFFSET_DATE_TIME
                .withLocale(Locale.ROOT)).replaceAll("\\.\\d+", "")).append("\n\n");
        md.append("- Machine: ").append(Runtime.getRuntime().availableProcessors()).append(" CPUs (nproc), ")
                .append(cpuModel()).append(", ").append(memTotal()).append(" RAM, Linux ")
                .append(System.getProperty("os.version")).append('\n');
        md.append("- JVM (benchmark and app): ").append(System.getProperty("java.vm.name")).append(' ')
                .append(System.getProperty("java.runtime.version")).append(config.appJvmArgs().isEmpty() ? ""
                        : ", app JVM options " + String.join(" ", config.appJvmArgs())).append('\n');
        md.append("- PostgreSQL ").append(db.show("server_version")).append(" (zonky embedded binaries), fsync ")
                .append(db.show("fsync")).append(", shared_buffers ").append(db.show("shared_buffers"))
                .append(", same machine; database ").append(dbSize).append('\n');
        md.append("- Data: ").append(seeded.articleRows()).append(" published articles (nl/en), ")
                .append(config.authors()).append(" authors, ").append(config.tags()).append(" tags, ")
                .append(seeded.authorLinks()).append(" author links, ").append(seeded.tagLinks())
                .append(" tag links, ").append(seeded.relatedLinks()).append(" related links\n");
        md.append("- Load: ").append(config.describe()).append("; closed loop, JDK HttpClient, HTTP/1.1 "
                + "keep-alive, 127.0.0.1, no compression requested\n");
        md.append("- Startup (process start to first 200 from /q/health/ready): ");
        startups.forEach((mode, ms) -> md.append(ms).append(" ms (cache ").append(mode).append(" run), "));
        md.append("on the seeded database; ").append(firstStartupMs)
                .append(" ms on the empty one including the Flyway migrations\n");
        md.append("- App RSS (VmRSS) at the end of each run: ");
        rss.forEach((mode, mib) -> md.append(String.format(Locale.ROOT, "%.0f MiB (cache %s), ", mib, mode)));
        md.setLength(md.length() - 2);
        md.append("\n\n");

        md.append("| case | cache | conc | req/s | p50 ms | p99 ms | bytes/resp | statuses | SQL/req | app CPU ms/req "
                + "| PG CPU ms/req | driver CPU ms/req | hit ratio |\n");
        md.append("| --- | --- | ---: | ---: | ---: | ---: | ---: | --- | ---: | ---: | ---: | ---: | ---: |\n");
        for (Row row : rows) {
            LoadDriver.Result r = row.result();
            md.append(String.format(Locale.ROOT, "| %s %s | %s | %d | %.1f | %.2f | %.2f | %.0f | %s | %.2f "
                            + "| %.3f | %.3f | %.3f | %s |\n", r.spec().id(), r.spec().label(), row.cache(),
                    r.concurrency(), r.rps(), r.p50Ms(), r.p99Ms(), r.meanBytes(), r.statusText(), r.sqlPerRequest(),
                    r.appCpuMsPerRequest(), r.pgCpuMsPerRequest(), r.driverCpuMsPerRequest(), row.hitRatio()));
        }
        unavailable.forEach((id, why) -> md.append("| ").append(id).append(" | | - | not available: ").append(why)
                .append(" | | | | | | | | | |\n"));
        if (ceiling != null) {
            md.append(String.format(Locale.ROOT, "| A raw SQL ceiling (%s) | | %d | %.1f tx/s | avg %.2f | | | | %.2f "
                            + "| | %.3f | | |\n", ceiling.tool(), ceiling.clients(), ceiling.tps(), ceiling.latencyMs(),
                    ceiling.sqlPerTx(), ceiling.pgCpuMsPerTx()));
        }
        md.append('\n');

        int top = config.concurrencies().stream().mapToInt(Integer::intValue).max().orElse(32);
        Optional<LoadDriver.Result> aOff = find(rows, "A", "off", top);
        for (String mode : config.cacheModes()) {
            Optional<LoadDriver.Result> a = find(rows, "A", mode, top);
            if (a.isEmpty()) {
                continue;
            }
            StringBuilder ratios = new StringBuilder();
            for (Row row : rows) {
                LoadDriver.Result r = row.result();
                if (row.cache().equals(mode) && r.concurrency() == top && !r.spec().id().equals("A")) {
                    ratios.append(String.format(Locale.ROOT, "%s %.2f × A, ", r.spec().id(), r.rps() / a.get().rps()));
                }
            }
            if (!mode.equals("off") && aOff.isPresent()) {
                ratios.append(String.format(Locale.ROOT, "A %.2f × A with the cache off, ", a.get().rps() / aOff.get().rps()));
            }
            if (ceiling != null) {
                ratios.append(String.format(Locale.ROOT, "A = %.0f %% of the raw SQL ceiling, ",
                        100 * a.get().rps() / ceiling.tps()));
            }
            if (ratios.length() > 0) {
                md.append("Throughput at concurrency ").append(top).append(", render cache ").append(mode).append(": ")
                        .append(ratios.substring(0, ratios.length() - 2)).append(".\n\n");
            }
        }
        md.append("Case A's statements as PostgreSQL received them (").append(caseASql.size())
                .append(", transaction control included; full text with parameters in case-a.sql):\n\n");
        for (RawCeiling.Captured c : caseASql) {
            String sql = c.sql().length() > 160 ? c.sql().substring(0, 160) + " …" : c.sql();
            md.append("- `").append(sql.replace("`", "'")).append("`\n");
        }
        md.append('\n');
        if (!notes.isEmpty()) {
            md.append("Notes:\n\n");
            notes.forEach(n -> md.append("- ").append(n).append('\n'));
            md.append('\n');
        }
        md.append("""
                How it is measured: each cache mode is its own app process (restarted with \
                -Dkopij.delivery.render-cache.enabled=true|false), JIT-warmed first; the hit ratio is render cache \
                hits / lookups from the app's metrics over the case (warm-up included), or the 304s answered from \
                the content watermark where nothing was looked up. SQL/req is the delta of sum(calls) in pg_stat_statements for the app's role \
                (the benchmark's own queries run as another role), BEGIN/COMMIT/SET and other utility statements \
                left out (pg_stat_statements does not see each of them reliably; case A's captured list below shows \
                them), divided by the requests of the measured interval. CPU ms/req is the delta of utime+stime \
                from /proc over the measured interval divided by its requests: the app's JVM process; PostgreSQL = \
                postmaster (plus cutime/cstime of its reaped children) plus all its live children (the app's pool \
                keeps its backends alive); driver = this benchmark JVM, which shares the machine's CPUs. The \
                ceiling replays case A's captured statements (with their parameters, prepared) at the top \
                concurrency for the same duration; one transaction = one request's statements.
                """);
        return md.toString();
    }

    private static Optional<LoadDriver.Result> find(List<Row> rows, String id, String cache, int conc) {
        return rows.stream().filter(r -> r.cache().equals(cache)).map(Row::result)
                .filter(r -> r.spec().id().equals(id) && r.concurrency() == conc).findFirst();
    }

    private static String cpuModel() {
        try {
            return Files.readAllLines(Path.of("/proc/cpuinfo")).stream().filter(l -> l.startsWith("model name"))
                    .map(l -> l.substring(l.indexOf(':') + 1).trim()).findFirst().orElse("unknown CPU");
        } catch (IOException e) {
            return "unknown CPU";
        }
    }

    private static String memTotal() {
        try {
            return Files.readAllLines(Path.of("/proc/meminfo")).stream().filter(l -> l.startsWith("MemTotal"))
                    .map(l -> String.format(Locale.ROOT, "%.1f GiB",
                            Long.parseLong(l.replaceAll("\\D", "")) / 1024.0 / 1024.0))
                    .findFirst().orElse("?");
        } catch (IOException e) {
            return "?";
        }
    }
}
