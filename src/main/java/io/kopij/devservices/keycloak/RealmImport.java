package io.kopij.devservices.keycloak;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.jboss.logging.Logger;

/**
 * The realm a Keycloak instance imports. Keycloak does not re-import an existing realm, so when the realm file's
 * SHA-256 differs from the one recorded at the last successful import, the instance's database is wiped and the
 * realm is imported afresh.
 */
final class RealmImport {

    private static final Logger LOG = Logger.getLogger(RealmImport.class);
    private static final Pattern REALM_NAME = Pattern.compile("\"realm\"\\s*:\\s*\"([^\"]+)\"");

    private RealmImport() {
    }

    /** The realm's name, read from the file. */
    static String realmName(Path realmFile) {
        try {
            Matcher m = REALM_NAME.matcher(Files.readString(realmFile));
            if (!m.find()) {
                throw new IllegalArgumentException("No \"realm\" name in " + realmFile);
            }
            return m.group(1);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read realm file " + realmFile, e);
        }
    }

    /**
     * Wipes the instance's database when the realm file changed since the last import (recorded in
     * {@code marker}) and stages the realm file in the home's import folder. Returns the file's hash.
     */
    static String prepare(KeycloakServerConfig config, Path instanceDir, Path marker) throws IOException {
        byte[] content = Files.readAllBytes(config.realmFile());
        String hash = sha256(content);
        String imported = Files.exists(marker) ? Files.readString(marker).trim() : "";
        Path h2 = instanceDir.resolve("h2");
        if (!hash.equals(imported)) {
            if (Files.exists(h2)) {
                LOG.infof("Realm file %s changed since the last import: wiping Keycloak database %s",
                        config.realmFile(), h2);
            }
            Files.deleteIfExists(marker);
            deleteRecursively(h2);
        }
        Path importDir = config.home().resolve("data").resolve("import");
        Files.createDirectories(importDir);
        Path target = importDir.resolve(config.realmFile().getFileName());
        if (!Files.exists(target) || !Arrays.equals(Files.readAllBytes(target), content)) {
            writeAtomically(target, content);
        }
        return hash;
    }

    static String sha256(Path file) {
        try {
            return sha256(Files.readAllBytes(file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static void writeAtomically(Path target, byte[] content) throws IOException {
        Path tmp = Files.createTempFile(target.getParent(), target.getFileName().toString(), ".tmp");
        try (OutputStream out = Files.newOutputStream(tmp)) {
            out.write(content);
        }
        try {
            Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    private static void deleteRecursively(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
