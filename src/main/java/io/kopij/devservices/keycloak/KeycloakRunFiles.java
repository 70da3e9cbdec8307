package io.kopij.devservices.keycloak;

import java.io.IOException;
import java.io.InputStream;
import java.io.RandomAccessFile;
import java.io.StringWriter;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.stream.Stream;
import org.jboss.logging.Logger;

/**
 * The files through which Keycloak starts are coordinated across JVMs: the pid file of an instance (which JVM
 * owns the server, its processes, ports and realm), and the start lock of a home (two first starts must not
 * build at the same time).
 */
final class KeycloakRunFiles {

    private static final Logger LOG = Logger.getLogger(KeycloakRunFiles.class);

    private KeycloakRunFiles() {
    }

    /** What a pid file says about a server started earlier. */
    static final class RunState {
        long ownerPid;
        long pid;
        List<Long> childPids = new ArrayList<>();
        String home;
        int httpPort;
        int managementPort;
        String realmHash;
        String extraArgs;
        String javaOpts;

        /** Processes of the pid file that still run and are Keycloak processes of this home (guards pid reuse). */
        List<ProcessHandle> handles() {
            List<ProcessHandle> handles = new ArrayList<>();
            Stream.concat(Stream.of(pid), childPids.stream())
                    .map(ProcessHandle::of)
                    .flatMap(Optional::stream)
                    .filter(ProcessHandle::isAlive)
                    .filter(p -> p.info().commandLine().map(c -> c.contains(home)).orElse(false))
                    .forEach(handles::add);
            return handles;
        }

        boolean alive() {
            return !handles().isEmpty();
        }

        boolean ownerAlive() {
            return ProcessHandle.of(ownerPid).filter(ProcessHandle::isAlive)
                    .map(p -> p.info().command().map(c -> c.contains("java")).orElse(true))
                    .orElse(false);
        }

        boolean matches(KeycloakServerConfig config, String currentRealmHash) {
            return ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)
                    && (config.httpPort() == 0 || config.httpPort() == httpPort)
                    && (config.managementPort() == 0 || config.managementPort() == managementPort)
                    && currentRealmHash.equals(realmHash)
                    && String.join("\u0001", config.extraArgs()).equals(extraArgs)
                    && config.javaOpts().equals(javaOpts);
        }
    }

    static void writePidFile(Path pidFile, ProcessHandle root, KeycloakServerConfig config, int httpPort,
            int managementPort, String realmHash, String url) throws IOException {
        Properties props = new Properties();
        props.setProperty("ownerPid", Long.toString(ProcessHandle.current().pid()));
        props.setProperty("pid", Long.toString(root.pid()));
        StringBuilder children = new StringBuilder();
        root.descendants().forEach(d -> children.append(children.length() == 0 ? "" : ",").append(d.pid()));
        props.setProperty("childPids", children.toString());
        props.setProperty("home", config.home().toString());
        props.setProperty("httpPort", Integer.toString(httpPort));
        props.setProperty("managementPort", Integer.toString(managementPort));
        props.setProperty("realmSha256", realmHash);
        props.setProperty("extraArgs", String.join("\u0001", config.extraArgs()));
        props.setProperty("javaOpts", config.javaOpts());
        props.setProperty("url", url);
        StringWriter out = new StringWriter();
        props.store(out, "Keycloak started by io.kopij KeycloakServer");
        RealmImport.writeAtomically(pidFile, out.toString().getBytes(StandardCharsets.UTF_8));
    }

    /** The pid file's state, or null when there is none (or it cannot be read). */
    static RunState readPidFile(Path pidFile, KeycloakServerConfig config) {
        if (!Files.isRegularFile(pidFile)) {
            return null;
        }
        try (InputStream in = Files.newInputStream(pidFile)) {
            Properties props = new Properties();
            props.load(in);
            RunState state = new RunState();
            state.ownerPid = Long.parseLong(props.getProperty("ownerPid", "-1"));
            state.pid = Long.parseLong(props.getProperty("pid", "-1"));
            for (String child : props.getProperty("childPids", "").split(",")) {
                if (!child.isBlank()) {
                    state.childPids.add(Long.parseLong(child.trim()));
                }
            }
            state.home = config.home().toString();
            state.httpPort = Integer.parseInt(props.getProperty("httpPort", "0"));
            state.managementPort = Integer.parseInt(props.getProperty("managementPort", "0"));
            state.realmHash = props.getProperty("realmSha256", "");
            state.extraArgs = props.getProperty("extraArgs", "");
            state.javaOpts = props.getProperty("javaOpts", "");
            return state;
        } catch (IOException | RuntimeException e) {
            LOG.warnf("Ignoring unreadable Keycloak pid file %s: %s", pidFile, e);
            return null;
        }
    }

    /** Serializes starts of one Keycloak home across JVMs (file lock) and threads (retry on overlap). */
    static final class HomeLock implements AutoCloseable {
        private final RandomAccessFile file;
        private final FileLock lock;

        private HomeLock(RandomAccessFile file, FileLock lock) {
            this.file = file;
            this.lock = lock;
        }

        static HomeLock acquire(Path home, Duration timeout) throws IOException {
            Path path = home.resolve("data").resolve("kopij-start.lock");
            Files.createDirectories(path.getParent());
            long deadline = System.nanoTime() + timeout.toNanos();
            boolean logged = false;
            while (true) {
                RandomAccessFile file = new RandomAccessFile(path.toFile(), "rw");
                try {
                    FileLock lock = file.getChannel().tryLock();
                    if (lock != null) {
                        return new HomeLock(file, lock);
                    }
                } catch (OverlappingFileLockException sameJvm) {
                    // another thread of this JVM is starting an instance of this home
                }
                file.close();
                if (!logged) {
                    LOG.infof("Waiting for another Keycloak of %s to finish starting", home);
                    logged = true;
                }
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("Timed out waiting for the start lock " + path);
                }
                KeycloakProcesses.sleep(500);
            }
        }

        @Override
        public void close() throws IOException {
            try {
                lock.release();
            } finally {
                file.close();
            }
        }
    }
}
