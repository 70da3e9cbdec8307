package io.kopij.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * CPU time of processes from /proc (Linux only), in clock ticks converted to milliseconds.
 *
 * <p>PostgreSQL: the postmaster's own time, plus its {@code cutime + cstime} (time of children it has already
 * reaped, which is how backends that exit are still counted), plus {@code utime + stime} of its live children
 * (backends, checkpointer, walwriter, autovacuum, logger, ...). A child that exits between two reads of one snapshot
 * may be missed or counted twice; with the app's long-lived pool that does not happen during a measurement.
 */
final class ProcCpu {

    static final long TICKS_PER_SECOND = ticksPerSecond();

    private ProcCpu() {
    }

    /** utime, stime, cutime, cstime and ppid of a process, or null when it is gone. */
    record Stat(int pid, int ppid, long utime, long stime, long cutime, long cstime) {
    }

    static Stat stat(long pid) {
        try {
            String s = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
            // The command name is in parentheses and may contain spaces: split after the last ')'.
            String[] f = s.substring(s.lastIndexOf(')') + 2).trim().split(" ");
            // f[0] is field 3 (state); field n is f[n - 3].
            return new Stat((int) pid, Integer.parseInt(f[1]), Long.parseLong(f[11]), Long.parseLong(f[12]),
                    Long.parseLong(f[13]), Long.parseLong(f[14]));
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    /** CPU ms (user + system, all threads) of one process; -1 if it cannot be read. */
    static double processMs(long pid) {
        Stat st = stat(pid);
        return st == null ? -1 : ticksToMs(st.utime() + st.stime());
    }

    /** CPU ms of a PostgreSQL server: postmaster incl. reaped children plus its live children. */
    static double postgresMs(long postmasterPid) {
        Stat pm = stat(postmasterPid);
        if (pm == null) {
            return -1;
        }
        long ticks = pm.utime() + pm.stime() + pm.cutime() + pm.cstime();
        try (Stream<Path> procs = Files.list(Path.of("/proc"))) {
            for (Path p : (Iterable<Path>) procs::iterator) {
                String name = p.getFileName().toString();
                if (!name.chars().allMatch(Character::isDigit)) {
                    continue;
                }
                Stat st = stat(Long.parseLong(name));
                if (st != null && st.ppid() == postmasterPid) {
                    ticks += st.utime() + st.stime();
                }
            }
        } catch (IOException e) {
            return -1;
        }
        return ticksToMs(ticks);
    }

    static double ticksToMs(long ticks) {
        return ticks * 1000.0 / TICKS_PER_SECOND;
    }

    private static long ticksPerSecond() {
        try {
            Process p = new ProcessBuilder("getconf", "CLK_TCK").redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes()).trim();
            p.waitFor();
            return Long.parseLong(out);
        } catch (Exception e) {
            return 100;
        }
    }
}
