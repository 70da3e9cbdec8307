package io.kopij.embeddedpostgres;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HexFormat;
import java.util.Properties;

/**
 * Password authentication for a persistent embedded PostgreSQL. zonky initialises clusters with {@code trust}: any
 * local process could connect as the superuser. Kopij generates a password once, keeps it next to the data in a
 * file only its owner may read, sets it on the superuser and requires it (scram-sha-256) for every connection.
 */
final class EmbeddedPostgresCredentials {

    private static final String PASSWORD_FILE = "kopij-password";
    private static final SecureRandom RANDOM = new SecureRandom();

    private EmbeddedPostgresCredentials() {
    }

    /** The data directory's password, generated on first use. */
    static String password(Path dataDir) throws IOException {
        Path file = passwordFile(dataDir);
        if (Files.isRegularFile(file)) {
            return Files.readString(file).trim();
        }
        byte[] random = new byte[24];
        RANDOM.nextBytes(random);
        String password = HexFormat.of().formatHex(random);
        Files.createDirectories(file.getParent());
        Path tmp = Files.createTempFile(file.getParent(), PASSWORD_FILE, ".tmp",
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        Files.writeString(tmp, password + "\n");
        Files.move(tmp, file);
        return password;
    }

    /**
     * Sets the password on the superuser and makes the server require it, once: a cluster created by zonky (or by
     * an earlier Kopij) still trusts everyone until then.
     */
    static void requirePassword(Path dataDir, String url, String user, String password) {
        Path hba = dataDir.resolve("pg_hba.conf");
        try {
            if (Files.readString(hba).contains("# kopij: password required")) {
                return;
            }
            Properties credentials = new Properties();
            credentials.setProperty("user", user);
            credentials.setProperty("password", password);
            try (Connection connection = DriverManager.getConnection(url, credentials);
                    Statement statement = connection.createStatement()) {
                statement.execute("set password_encryption = 'scram-sha-256'");
                statement.execute("alter user " + user + " password '" + password + "'"); // hex: nothing to escape
                Files.writeString(hba, """
                        # kopij: password required (the password is in the file kopij-password, next to the data)
                        local all all scram-sha-256
                        host  all all 127.0.0.1/32 scram-sha-256
                        host  all all ::1/128 scram-sha-256
                        """);
                statement.execute("select pg_reload_conf()");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (SQLException e) {
            throw new IllegalStateException("Could not set the embedded PostgreSQL's password", e);
        }
    }

    /** Next to the data directory (initdb wants an empty one, and the password must survive it). */
    private static Path passwordFile(Path dataDir) {
        return dataDir.resolveSibling(dataDir.getFileName() + "." + PASSWORD_FILE);
    }
}
