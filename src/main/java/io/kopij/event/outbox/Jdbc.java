package io.kopij.event.outbox;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;

/**
 * Plain JDBC in a transaction of its own, for the background work of change propagation: it must not share a
 * Hibernate session with anything, nor show up in Hibernate's statement statistics.
 */
@ApplicationScoped
public class Jdbc {

    /** Work on a connection that commits when it returns normally. */
    @FunctionalInterface
    public interface Work<T> {
        T apply(Connection connection) throws SQLException;
    }

    private final DataSource dataSource;

    Jdbc(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    public <T> T inTransaction(Work<T> work) {
        return QuarkusTransaction.requiringNew().call(() -> {
            try (Connection connection = dataSource.getConnection()) {
                return work.apply(connection);
            } catch (SQLException e) {
                throw new OutboxUnavailableException(e);
            }
        });
    }

    /** Autocommit reads. */
    public <T> T read(Work<T> work) {
        try (Connection connection = dataSource.getConnection()) {
            return work.apply(connection);
        } catch (SQLException e) {
            throw new OutboxUnavailableException(e);
        }
    }
}
