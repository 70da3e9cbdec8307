package io.kopij.embeddedpostgres;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.jboss.logging.Logger;

/**
 * Which Kopij process a persistent data directory belongs to. A PostgreSQL still running on the directory is
 * stopped only when it is an orphan: the Kopij that started it is gone (killed), and the process really is that
 * directory's postmaster. A second Kopij started on the same directory refuses to start instead of stopping the
 * first one's database.
 */
final class DataDirectoryOwner {

    private static final Logger LOG = Logger.getLogger(DataDirectoryOwner.class);
    private static final String OWNER_FILE = "kopij-owner.pid";

    private DataDirectoryOwner() {
    }

    /** Records this JVM as the owner of the running server. */
    static void claim(Path dataDir) throws IOException {
        Files.writeString(dataDir.resolve(OWNER_FILE), Long.toString(ProcessHandle.current().pid()));
    }

    static void stopOrphan(Path dataDir) throws IOException {
        Optional<ProcessHandle> postmaster = runningPostmaster(dataDir);
        if (postmaster.isEmpty()) {
            return;
        }
        Optional<ProcessHandle> owner = owner(dataDir);
        if (owner.isPresent() && owner.get().pid() != ProcessHandle.current().pid()) {
            throw new IllegalStateException("The embedded PostgreSQL data directory " + dataDir
                    + " is in use by another running Kopij (pid " + owner.get().pid() + "); stop it first or "
                    + "configure another kopij.embedded-postgres.data-dir");
        }
        LOG.warnf("Stopping PostgreSQL %d left running on %s by a Kopij that is gone", postmaster.get().pid(), dataDir);
        ProcessHandle process = postmaster.get();
        process.destroy();
        try {
            process.onExit().get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            process.destroyForcibly();
        }
    }

    /** The live postmaster named in postmaster.pid, if it is a postgres serving this very directory. */
    private static Optional<ProcessHandle> runningPostmaster(Path dataDir) throws IOException {
        Path pidFile = dataDir.resolve("postmaster.pid");
        if (!Files.isRegularFile(pidFile)) {
            return Optional.empty();
        }
        List<String> lines = Files.readAllLines(pidFile);
        if (lines.isEmpty()) {
            return Optional.empty();
        }
        long pid;
        try {
            pid = Long.parseLong(lines.get(0).trim());
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
        String dir = dataDir.toString();
        return ProcessHandle.of(pid)
                .filter(ProcessHandle::isAlive)
                .filter(p -> p.info().command().map(c -> c.contains("postgres")).orElse(false))
                // a reused pid (or the machine's own PostgreSQL) has another command line: never stop that one
                .filter(p -> p.info().commandLine().map(c -> c.contains(dir)).orElse(true));
    }

    /** The Kopij JVM that last started a server here, if it still runs. */
    private static Optional<ProcessHandle> owner(Path dataDir) {
        try {
            Path file = dataDir.resolve(OWNER_FILE);
            if (!Files.isRegularFile(file)) {
                return Optional.empty();
            }
            long pid = Long.parseLong(Files.readString(file).trim());
            return ProcessHandle.of(pid).filter(ProcessHandle::isAlive)
                    .filter(p -> p.info().command().map(c -> c.contains("java")).orElse(true));
        } catch (IOException | NumberFormatException e) {
            return Optional.empty();
        }
    }
}
