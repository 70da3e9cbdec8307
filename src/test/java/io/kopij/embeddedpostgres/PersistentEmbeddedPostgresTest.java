package io.kopij.embeddedpostgres;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A persistent embedded PostgreSQL (the single-node {@code java -jar} default) is a real database: durable commits,
 * a password only its owner can read, and a second Kopij on the same data refuses to start instead of stopping
 * the first one's database.
 */
class PersistentEmbeddedPostgresTest {

    @TempDir
    Path home;

    @Test
    void persistentDataIsDurableAndNeedsThePassword() throws Exception {
        Path data = home.resolve("postgres");
        EmbeddedPostgresServer.Endpoint endpoint = EmbeddedPostgresServer.endpoint(Optional.of(data), 0);

        Path passwordFile = home.resolve("postgres.kopij-password");
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(passwordFile)));
        assertEquals(endpoint.password(), Files.readString(passwordFile).trim());
        assertThrows(SQLException.class, () -> connect(endpoint.url(), "not-the-password").close());
        try (Connection connection = connect(endpoint.url(), endpoint.password());
                ResultSet settings = connection.createStatement().executeQuery(
                        "select current_setting('synchronous_commit'), current_setting('fsync')")) {
            settings.next();
            assertEquals("on", settings.getString(1));
            assertEquals("on", settings.getString(2));
        }

        // Another live Kopij (here: another JVM) owns the running server: refuse, and leave it running.
        Path sleeper = Files.writeString(home.resolve("Sleep.java"),
                "class Sleep { public static void main(String[] a) throws Exception { Thread.sleep(120_000); } }");
        Process otherJava = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                sleeper.toString()).start();
        try {
            Files.writeString(data.resolve("kopij-owner.pid"), Long.toString(otherJava.pid()));
            IllegalStateException refused = assertThrows(IllegalStateException.class,
                    () -> DataDirectoryOwner.stopOrphan(data));
            assertTrue(refused.getMessage().contains("in use by another running Kopij"), refused.getMessage());
        } finally {
            otherJava.destroyForcibly();
        }
        try (Connection stillThere = connect(endpoint.url(), endpoint.password())) {
            assertTrue(stillThere.isValid(2));
        }
    }

    private static Connection connect(String url, String password) throws SQLException {
        Properties properties = new Properties();
        properties.setProperty("user", "postgres");
        properties.setProperty("password", password);
        return DriverManager.getConnection(url, properties);
    }
}
