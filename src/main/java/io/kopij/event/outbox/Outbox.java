package io.kopij.event.outbox;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.UncheckedIOException;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * Reads committed events by position. Positions are handed out in commit order (V011), so "everything after
 * position p" never misses an event that commits later: a later commit always gets a higher position. Plain JDBC
 * on purpose: background readers must not disturb Hibernate's statement statistics or sessions.
 */
@ApplicationScoped
public class Outbox {

    private static final String COLUMNS = "id, position, type, subject_id, public, tags, languages, occurred_at, data";

    private final DataSource dataSource;
    private final ObjectMapper json;

    Outbox(DataSource dataSource, ObjectMapper json) {
        this.dataSource = dataSource;
        this.json = json;
    }

    /** Up to {@code limit} events after {@code position}, in order; only public ones when asked. */
    public List<OutboxEvent> after(long position, int limit, boolean publicOnly) {
        String sql = "select " + COLUMNS + " from outbox_event where position > ?"
                + (publicOnly ? " and public" : " and position is not null") + " order by position limit ?";
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setLong(1, position);
            statement.setInt(2, limit);
            return read(statement);
        } catch (SQLException e) {
            throw new OutboxUnavailableException(e);
        }
    }

    /** Events in (from, to] on the given connection, in order (used inside other transactions). */
    public List<OutboxEvent> between(Connection connection, long from, long to, int limit) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("select " + COLUMNS
                + " from outbox_event where position > ? and position <= ? order by position limit ?")) {
            statement.setLong(1, from);
            statement.setLong(2, to);
            statement.setInt(3, limit);
            return read(statement);
        }
    }

    /** The highest committed position (0 when there is none). */
    public long head() {
        return single("select coalesce(max(position), 0) from outbox_event");
    }

    /**
     * The highest committed position of a public event (0 when there is none), never below the public horizon:
     * after retention deleted every public event, a stream still starts where the deleted ones ended.
     */
    public long publicHead() {
        return single("select greatest((select coalesce(max(position), 0) from outbox_event where public), "
                + "(select public_position from outbox_horizon))");
    }

    /**
     * The highest position of a public event that retention has deleted: a public stream (sync, SSE) resumed from
     * below it would have a gap.
     */
    public long publicHorizon() {
        return single("select public_position from outbox_horizon");
    }

    private long single(String sql) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement(sql);
                ResultSet rows = statement.executeQuery()) {
            rows.next();
            return rows.getLong(1);
        } catch (SQLException e) {
            throw new OutboxUnavailableException(e);
        }
    }

    private List<OutboxEvent> read(PreparedStatement statement) throws SQLException {
        List<OutboxEvent> events = new ArrayList<>();
        try (ResultSet rows = statement.executeQuery()) {
            while (rows.next()) {
                events.add(new OutboxEvent(rows.getObject(1, UUID.class), rows.getLong(2), rows.getString(3),
                        rows.getObject(4, UUID.class), rows.getBoolean(5), strings(rows.getArray(6)),
                        strings(rows.getArray(7)), rows.getTimestamp(8).toInstant(), parse(rows.getString(9))));
            }
        }
        return events;
    }

    private static List<String> strings(Array array) throws SQLException {
        return array == null ? List.of() : Arrays.asList((String[]) array.getArray());
    }

    private JsonNode parse(String data) {
        try {
            return json.readTree(data);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
