package io.kopij.event.webhook;

import io.kopij.event.outbox.Jdbc;
import io.kopij.event.outbox.OutboxListener;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The delivery queue in PostgreSQL, shared by the workers of every instance. A worker claims due deliveries with
 * {@code FOR UPDATE SKIP LOCKED} and marks them with a lease (its own random owner id and an expiry) in the same
 * statement, then sends without holding a transaction open; the result is recorded only under that lease. So each
 * delivery has one sender at a time, and a worker that dies mid-send loses nothing: the lease expires and another
 * worker sends it again (webhook receivers deduplicate by webhook-id, as the Standard Webhooks spec says).
 */
@ApplicationScoped
public class DeliveryStore {

    private static final String CLAIM = """
            with busy as (select * from unnest(?::uuid[], ?::int[]) as b(webhook_id, sending)),
            picked as (
              select c.id
              from webhook w
              left join busy on busy.webhook_id = w.id
              cross join lateral (
                select d.id from webhook_delivery d
                where d.webhook_id = w.id and d.status = 'pending' and d.next_attempt_at <= now()
                  and (d.lease_until is null or d.lease_until < now())
                  -- events of one subject reach an endpoint in order: an earlier pending one holds this one back
                  and (d.subject_id is null or not exists (
                        select 1 from webhook_delivery e
                        where e.webhook_id = d.webhook_id and e.subject_id = d.subject_id
                          and e.status = 'pending' and e.position < d.position))
                order by d.next_attempt_at, d.position nulls first
                limit greatest(0, ? - coalesce(busy.sending, 0))
                for update skip locked
              ) c
              where w.enabled
              limit ?
            )
            update webhook_delivery d
            set lease_owner = ?, lease_until = now() + make_interval(secs => ?)
            from picked, webhook w
            where d.id = picked.id and w.id = d.webhook_id and d.status = 'pending'
            returning d.id, d.webhook_id, d.event_id, d.payload, d.attempt_count, w.url, w.secret,
                      w.previous_secret, w.previous_secret_expires_at""";

    private final Jdbc jdbc;

    DeliveryStore(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Claims up to {@code limit} due deliveries, at most {@code perEndpoint} minus what is already being sent
     * ({@code sending}) per endpoint, under a lease of {@code lease}.
     */
    List<Claimed> claim(Map<UUID, Integer> sending, int perEndpoint, int limit, Duration lease) {
        UUID owner = UUID.randomUUID();
        return jdbc.inTransaction(connection -> {
            try (PreparedStatement statement = connection.prepareStatement(CLAIM)) {
                statement.setArray(1, connection.createArrayOf("uuid", sending.keySet().toArray()));
                statement.setArray(2, connection.createArrayOf("int4", sending.values().toArray()));
                statement.setInt(3, perEndpoint);
                statement.setInt(4, limit);
                statement.setObject(5, owner);
                statement.setDouble(6, lease.toMillis() / 1000.0);
                List<Claimed> claimed = new ArrayList<>();
                try (ResultSet rows = statement.executeQuery()) {
                    while (rows.next()) {
                        Timestamp expires = rows.getTimestamp(9);
                        claimed.add(new Claimed(rows.getObject(1, UUID.class), rows.getObject(2, UUID.class),
                                rows.getObject(3, UUID.class), rows.getString(4), rows.getInt(5), owner,
                                rows.getString(6), rows.getString(7), rows.getString(8),
                                expires == null ? null : expires.toInstant()));
                    }
                }
                return claimed;
            }
        });
    }

    /**
     * Records an attempt and what follows from it: delivered (2xx), failed for good (410, which also disables the
     * endpoint, or no retries left), or pending until {@code retryAt}. Ignored when the lease was lost.
     */
    boolean record(Claimed delivery, AttemptResult result, Instant attemptedAt, Instant retryAt) {
        return jdbc.inTransaction(connection -> {
            // Nothing is recorded when the webhook was deleted while the attempt ran.
            try (PreparedStatement insert = connection.prepareStatement("""
                    insert into webhook_attempt (delivery_id, attempted_at, status_code, duration_ms, response_excerpt, error)
                    select d.id, ?, ?, ?, ?, ? from webhook_delivery d where d.id = ?""")) {
                insert.setTimestamp(1, Timestamp.from(attemptedAt));
                insert.setObject(2, result.statusCode());
                insert.setInt(3, (int) Math.min(Integer.MAX_VALUE, result.durationMs()));
                insert.setString(4, result.responseExcerpt());
                insert.setString(5, result.error());
                insert.setObject(6, delivery.id());
                insert.executeUpdate();
            }
            String status = result.succeeded() ? "delivered" : result.gone() || retryAt == null ? "failed" : "pending";
            int updated;
            try (PreparedStatement update = connection.prepareStatement("""
                    update webhook_delivery
                    set attempt_count = attempt_count + 1, status = ?, next_attempt_at = coalesce(?, next_attempt_at),
                        finished_at = case when ? = 'pending' then null else now() end,
                        lease_owner = null, lease_until = null
                    where id = ? and lease_owner = ?""")) {
                update.setString(1, status);
                update.setTimestamp(2, retryAt == null ? null : Timestamp.from(retryAt));
                update.setString(3, status);
                update.setObject(4, delivery.id());
                update.setObject(5, delivery.leaseOwner());
                updated = update.executeUpdate();
            }
            if (result.gone()) {
                try (PreparedStatement disable = connection.prepareStatement("""
                        update webhook set enabled = false, version = version + 1, updated_at = now(),
                            disabled_reason = 'The endpoint answered 410 Gone at ' || to_char(now() at time zone 'UTC',
                                'YYYY-MM-DD"T"HH24:MI:SS"Z"')
                        where id = ? and enabled""")) {
                    disable.setObject(1, delivery.webhookId());
                    disable.executeUpdate();
                }
            }
            return updated == 1;
        });
    }

    /** Queues deliveries (fan-out); a pair of endpoint and event is queued once whatever happens. */
    static int enqueue(Connection connection, String rowsJson) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("""
                insert into webhook_delivery (id, webhook_id, event_id, event_type, subject_id, position, payload,
                                              next_attempt_at, created_at)
                select gen_random_uuid(), (r->>'webhook')::uuid, (r->>'event')::uuid, r->>'type',
                       (r->>'subject')::uuid, (r->>'position')::bigint, r->>'payload', now(), now()
                from jsonb_array_elements(?::jsonb) with ordinality as x(r, n)
                order by n
                on conflict (webhook_id, event_id) where position is not null do nothing""")) {
            insert.setString(1, rowsJson);
            int queued = insert.executeUpdate();
            if (queued > 0) {
                try (PreparedStatement notify = connection.prepareStatement("select pg_notify(?, '')")) {
                    notify.setString(1, OutboxListener.DELIVERIES_CHANNEL);
                    notify.execute();
                }
            }
            return queued;
        }
    }
}
