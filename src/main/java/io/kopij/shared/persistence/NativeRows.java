package io.kopij.shared.persistence;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.hibernate.engine.jdbc.spi.JdbcCoordinator;
import org.hibernate.engine.spi.SharedSessionContractImplementor;

/**
 * Read-only native SQL run over JDBC on the current Hibernate session's connection, its rows as {@code Object[]} of
 * the driver's own types (uuid as UUID, timestamptz as Timestamp, see {@link SqlValues}). For the hot read paths
 * (lists, search and their relations): Hibernate's native query layer (query and parameter binding objects, a
 * result mapping resolved from the result set's metadata on every execution, row readers) cost more of a list
 * request's worker CPU than the JDBC driver itself. Statements still go through the session's JDBC coordinator: they
 * share its connection and transaction, are released with it, and are counted in Hibernate's statistics like any
 * other (the tests that count statements per request see them). Outside a transaction the connection goes back to
 * the pool after each statement.
 *
 * <p>Parameters are named ({@code :name}, as in Hibernate's native queries; {@code ::type} casts are left alone); a
 * collection stands for one placeholder per element (an empty one for {@code null}, which matches nothing in
 * {@code in (...)}).
 */
@ApplicationScoped
public class NativeRows {

    private final EntityManager em;

    NativeRows(EntityManager em) {
        this.em = em;
    }

    /** Every row of the statement. */
    public List<Object[]> list(String sql, Map<String, ?> params) {
        SharedSessionContractImplementor session = em.unwrap(SharedSessionContractImplementor.class);
        boolean inTransaction = session.isTransactionInProgress();
        if (inTransaction) {
            flushPendingChanges(session);
        }
        Expanded statement = expand(sql, params);
        JdbcCoordinator jdbc = session.getJdbcCoordinator();
        PreparedStatement prepared = jdbc.getStatementPreparer().prepareStatement(statement.sql());
        try {
            for (int i = 0; i < statement.values().size(); i++) {
                bind(prepared, i + 1, statement.values().get(i));
            }
            ResultSet results = jdbc.getResultSetReturn().extract(prepared, statement.sql());
            try {
                int columns = results.getMetaData().getColumnCount();
                List<Object[]> rows = new ArrayList<>();
                while (results.next()) {
                    Object[] row = new Object[columns];
                    for (int c = 0; c < columns; c++) {
                        row[c] = results.getObject(c + 1);
                    }
                    rows.add(row);
                }
                return rows;
            } finally {
                jdbc.getLogicalConnection().getResourceRegistry().release(results, prepared);
            }
        } catch (SQLException e) {
            throw session.getJdbcServices().getSqlExceptionHelper().convert(e, "Could not read rows", statement.sql());
        } finally {
            jdbc.getLogicalConnection().getResourceRegistry().release(prepared);
            jdbc.afterStatementExecution();
            if (!inTransaction) {
                // A read outside a transaction (the list and detail reads): the session would keep the connection
                // until the request ends, through rendering the answer; give it back to the pool now (taken again
                // if needed).
                jdbc.getLogicalConnection().manualDisconnect();
            }
        }
    }

    /** The first column of the only row. */
    public Object single(String sql, Map<String, ?> params) {
        List<Object[]> rows = list(sql, params);
        if (rows.size() != 1) {
            throw new IllegalStateException("Expected one row, got " + rows.size() + ": " + sql);
        }
        return rows.get(0)[0];
    }

    /**
     * As a Hibernate native query would in the default flush mode: changes made through entities in this
     * transaction and not yet written are written first, so the statement sees them. Read requests load no entities,
     * so for them this is one check.
     */
    private static void flushPendingChanges(SharedSessionContractImplementor session) {
        if (session.getPersistenceContextInternal().getNumberOfManagedEntities() > 0) {
            session.flush();
        }
    }

    record Expanded(String sql, List<Object> values) {
    }

    /** Named parameters to JDBC placeholders, in order; quoted text and {@code ::casts} are copied as they are. */
    static Expanded expand(String sql, Map<String, ?> params) {
        StringBuilder out = new StringBuilder(sql.length() + 16);
        List<Object> values = new ArrayList<>();
        int i = 0;
        int n = sql.length();
        while (i < n) {
            char c = sql.charAt(i);
            if (c == '\'') {
                int end = i + 1;
                while (end < n && (sql.charAt(end) != '\'' || (end + 1 < n && sql.charAt(end + 1) == '\''))) {
                    end += sql.charAt(end) == '\'' ? 2 : 1;
                }
                out.append(sql, i, Math.min(end + 1, n));
                i = end + 1;
            } else if (c == ':' && i + 1 < n && sql.charAt(i + 1) == ':') {
                out.append("::");
                i += 2;
            } else if (c == ':' && i + 1 < n && Character.isJavaIdentifierStart(sql.charAt(i + 1))) {
                int end = i + 1;
                while (end < n && Character.isJavaIdentifierPart(sql.charAt(end))) {
                    end++;
                }
                String name = sql.substring(i + 1, end);
                if (!params.containsKey(name)) {
                    throw new IllegalArgumentException("No value for parameter :" + name + " in " + sql);
                }
                Object value = params.get(name);
                if (value instanceof Collection<?> collection) {
                    if (collection.isEmpty()) {
                        out.append("null");
                    }
                    int k = 0;
                    for (Object element : collection) {
                        out.append(k++ == 0 ? "?" : ", ?");
                        values.add(element);
                    }
                } else {
                    out.append('?');
                    values.add(value);
                }
                i = end;
            } else {
                out.append(c);
                i++;
            }
        }
        return new Expanded(out.toString(), values);
    }

    private static void bind(PreparedStatement statement, int index, Object value) throws SQLException {
        if (value == null) {
            statement.setNull(index, Types.NULL);
        } else if (value instanceof Instant instant) {
            statement.setObject(index, OffsetDateTime.ofInstant(instant, ZoneOffset.UTC));
        } else if (value instanceof Enum<?>) {
            // Enums are stored by wire name, which only the caller knows.
            throw new IllegalArgumentException("Bind the stored name of " + value + ", not the enum constant");
        } else {
            statement.setObject(index, value);
        }
    }
}
