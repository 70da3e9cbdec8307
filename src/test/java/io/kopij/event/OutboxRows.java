package io.kopij.event;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.arc.Arc;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;

/** Test access to the outbox table as it is stored. */
public final class OutboxRows {

    /** A stored event, with the transaction that wrote it. */
    public record Row(UUID id, long position, String xid, String type, UUID subject, boolean isPublic, List<String> tags,
            List<String> languages, JsonNode data) {
    }

    private OutboxRows() {
    }

    public static DataSource dataSource() {
        return Arc.container().instance(DataSource.class).get();
    }

    /** The events of one subject, in position order. */
    public static List<Row> of(Object subject) {
        return query("where subject_id = ?::uuid order by position", subject.toString());
    }

    /** Every event after a position. */
    public static List<Row> after(long position) {
        return query("where position > ? order by position", position);
    }

    public static long head() {
        return longValue("select coalesce(max(position), 0) from outbox_event");
    }

    public static long longValue(String sql, Object... params) {
        try (Connection c = dataSource().getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                s.setObject(i + 1, params[i]);
            }
            try (ResultSet r = s.executeQuery()) {
                r.next();
                return r.getLong(1);
            }
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    public static void execute(String sql, Object... params) {
        try (Connection c = dataSource().getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                s.setObject(i + 1, params[i]);
            }
            s.execute();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<Row> query(String where, Object param) {
        ObjectMapper json = new ObjectMapper();
        try (Connection c = dataSource().getConnection(); PreparedStatement s = c.prepareStatement(
                "select id, position, xid::text, type, subject_id, public, tags, languages, data::text from outbox_event "
                        + where)) {
            s.setObject(1, param);
            List<Row> rows = new ArrayList<>();
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    rows.add(new Row(r.getObject(1, UUID.class), r.getLong(2), r.getString(3), r.getString(4),
                            r.getObject(5, UUID.class), r.getBoolean(6), Arrays.asList((String[]) r.getArray(7).getArray()),
                            Arrays.asList((String[]) r.getArray(8).getArray()), json.readTree(r.getString(9))));
                }
            }
            return rows;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
