package io.kopij.bench;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** Parameters, all system properties with defaults (see README, Performance). */
record BenchConfig(
        Duration duration,
        Duration warmup,
        Duration jitWarmup,
        List<Integer> concurrencies,
        int articles,
        int authors,
        int tags,
        String searchWord,
        String ceiling,
        Path dir,
        Path appJar,
        String java,
        List<String> appJvmArgs,
        Duration startTimeout,
        long seed,
        List<String> cacheModes,
        List<String> cases) {

    /** Whether a case is measured ({@code -Dbench.cases=A,B}; all when unset). The pre-flight checks all. */
    boolean measures(String id) {
        return cases.isEmpty() || cases.contains(id);
    }

    static BenchConfig fromSystemProperties() {
        Path dir = Path.of(prop("bench.dir", "target/bench")).toAbsolutePath().normalize();
        List<Integer> conc = new ArrayList<>();
        for (String c : prop("bench.concurrency", "1,32").split(",")) {
            conc.add(Integer.parseInt(c.trim()));
        }
        String jvmArgs = prop("bench.appJvmArgs", "").trim();
        return new BenchConfig(
                duration(prop("bench.duration", "15s")),
                duration(prop("bench.warmup", "5s")),
                duration(prop("bench.jitWarmup", "20s")),
                conc,
                Integer.parseInt(prop("bench.articles", "10000")),
                Integer.parseInt(prop("bench.authors", "200")),
                Integer.parseInt(prop("bench.tags", "500")),
                prop("bench.searchWord", "klimaat"),
                prop("bench.ceiling", "auto"),
                dir,
                Path.of(prop("bench.appJar", "target/quarkus-app/quarkus-run.jar")).toAbsolutePath().normalize(),
                prop("bench.java", Path.of(System.getProperty("java.home"), "bin", "java").toString()),
                jvmArgs.isEmpty() ? List.of() : List.of(jvmArgs.split("\\s+")),
                duration(prop("bench.startTimeout", "120s")),
                Long.parseLong(prop("bench.seed", "42")),
                List.of(prop("bench.cache", "off,on").split("\\s*,\\s*")),
                prop("bench.cases", "").isEmpty() ? List.of() : List.of(prop("bench.cases", "").split("\\s*,\\s*")));
    }

    private static String prop(String name, String def) {
        String v = System.getProperty(name);
        return v == null || v.isBlank() ? def : v.trim();
    }

    /** "15s", "500ms", "2m" or plain seconds. */
    static Duration duration(String v) {
        String s = v.trim().toLowerCase();
        if (s.endsWith("ms")) {
            return Duration.ofMillis(Long.parseLong(s.substring(0, s.length() - 2)));
        }
        if (s.endsWith("s")) {
            return Duration.ofMillis(Math.round(Double.parseDouble(s.substring(0, s.length() - 1)) * 1000));
        }
        if (s.endsWith("m")) {
            return Duration.ofSeconds(Long.parseLong(s.substring(0, s.length() - 1)) * 60);
        }
        return Duration.ofMillis(Math.round(Double.parseDouble(s) * 1000));
    }

    String describe() {
        return "duration " + duration.toMillis() / 1000.0 + " s, warm-up " + warmup.toMillis() / 1000.0
                + " s per case and concurrency (after a JIT warm-up of " + jitWarmup.toMillis() / 1000.0
                + " s over all cases), concurrency " + concurrencies + ", " + articles + " articles, " + authors
                + " authors, " + tags + " tags, search word \"" + searchWord + "\", seed " + seed + ", render cache "
                + String.join(" then ", cacheModes);
    }
}
