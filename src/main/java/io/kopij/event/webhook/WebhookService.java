package io.kopij.event.webhook;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kopij.event.EventsConfig;
import io.kopij.event.outbox.Outbox;
import io.kopij.event.outbox.OutboxListener;
import io.kopij.shared.error.ConflictException;
import io.kopij.shared.error.KopijException;
import io.kopij.shared.paging.Page;
import io.kopij.shared.paging.PageRequest;
import io.kopij.shared.persistence.AuditedEntity;
import io.kopij.shared.persistence.SqlValues;
import io.kopij.shared.security.Roles;
import io.kopij.shared.web.ETags;
import io.kopij.shared.web.MergePatcher;
import io.quarkus.panache.common.Sort;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** The admin API of webhooks: endpoints, secrets, the delivery log, redelivery and ping. Admins only. */
@ApplicationScoped
public class WebhookService {

    private final WebhookRepository webhooks;
    private final EntityManager em;
    private final UrlGuard guard;
    private final Outbox outbox;
    private final MergePatcher patches;
    private final ObjectMapper json;
    private final EventsConfig config;

    WebhookService(WebhookRepository webhooks, EntityManager em, UrlGuard guard, Outbox outbox, MergePatcher patches,
            ObjectMapper json, EventsConfig config) {
        this.webhooks = webhooks;
        this.em = em;
        this.guard = guard;
        this.outbox = outbox;
        this.patches = patches;
        this.json = json;
        this.config = config;
    }

    /** Registers an endpoint for events committed from now on; the answer is the only one that shows the secret. */
    @Transactional
    @RolesAllowed(Roles.ADMIN)
    public WebhookView create(@NotNull @Valid WebhookInput input) {
        Webhook webhook = new Webhook(Signatures.newSecret(), outbox.head());
        apply(webhook, input);
        webhooks.persist(webhook);
        webhooks.flush();
        return view(webhook, webhook.secret);
    }

    @Transactional
    @RolesAllowed(Roles.ADMIN)
    public Page<WebhookView> list(PageRequest page) {
        List<Webhook> rows = webhooks.findAll(Sort.by("createdAt").and("id"))
                .range(page.offset(), page.offset() + page.limit() - 1).list();
        return new Page<>(rows.stream().map(w -> view(w, null)).toList(), new Page.PageInfo(page.limit(), null,
                webhooks.count()));
    }

    @Transactional
    @RolesAllowed(Roles.ADMIN)
    public WebhookView get(UUID id) {
        return view(load(id), null);
    }

    /** A JSON merge patch over the registration; {@code enabled: true} re-enables an endpoint a 410 disabled. */
    @Transactional
    @RolesAllowed(Roles.ADMIN)
    public WebhookView patch(UUID id, String ifMatch, @NotNull JsonNode patch) {
        Webhook webhook = load(id);
        ETags.requiredVersion(ifMatch, "webhook.version-conflict", webhook.version());
        apply(webhook, patches.apply(input(webhook), patch, WebhookInput.class));
        webhook.touch();
        webhooks.flush();
        return view(webhook, null);
    }

    /** Deletes the endpoint with its delivery log; nothing more is sent to it. */
    @Transactional
    @RolesAllowed(Roles.ADMIN)
    public void delete(UUID id, String ifMatch) {
        Webhook webhook = load(id);
        ETags.optionalVersion(ifMatch, "webhook.version-conflict", webhook.version());
        webhooks.delete(webhook);
    }

    /** A new secret; the old one keeps working for the configured overlap, and deliveries carry both signatures. */
    @Transactional
    @RolesAllowed(Roles.ADMIN)
    public WebhookView rotateSecret(UUID id) {
        Webhook webhook = load(id);
        webhook.rotate(Signatures.newSecret(), AuditedEntity.now().plus(config.webhooks().secretRotationOverlap()));
        webhook.touch();
        webhooks.flush();
        return view(webhook, webhook.secret);
    }

    /** Queues a {@code webhook.ping} event to the endpoint. */
    @Transactional
    @RolesAllowed(Roles.ADMIN)
    public DeliveryView ping(UUID id) {
        Webhook webhook = loadEnabled(id);
        ObjectNode envelope = json.createObjectNode();
        Instant now = AuditedEntity.now();
        envelope.put("type", "webhook.ping");
        envelope.put("timestamp", now.toString());
        envelope.putObject("data").put("webhookId", webhook.id().toString());
        return queue(webhook, UUID.randomUUID(), "webhook.ping", envelope.toString(), now);
    }

    /** The delivery log, newest first, each delivery with its attempts. */
    @Transactional
    @RolesAllowed(Roles.ADMIN)
    public Page<DeliveryView> deliveries(UUID id, PageRequest page) {
        Webhook webhook = load(id);
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                        select id, event_id, event_type, status, created_at, next_attempt_at from webhook_delivery
                        where webhook_id = :id order by created_at desc, id desc""")
                .setParameter("id", webhook.id())
                .setFirstResult(page.offset())
                .setMaxResults(page.limit())
                .getResultList();
        Map<UUID, List<DeliveryView.Attempt>> attempts = attempts(rows.stream().map(r -> (UUID) r[0]).toList());
        List<DeliveryView> views = rows.stream().map(r -> new DeliveryView((UUID) r[0], (UUID) r[1], (String) r[2],
                (String) r[3], SqlValues.instant(r[4]), "pending".equals(r[3]) ? SqlValues.instant(r[5]) : null,
                attempts.getOrDefault((UUID) r[0], List.of()))).toList();
        long total = ((Number) em.createNativeQuery("select count(*) from webhook_delivery where webhook_id = :id")
                .setParameter("id", webhook.id()).getSingleResult()).longValue();
        return new Page<>(views, new Page.PageInfo(page.limit(), null, total));
    }

    /** Sends a delivery again, with the same webhook-id and body, as a new delivery in the log. */
    @Transactional
    @RolesAllowed(Roles.ADMIN)
    public DeliveryView redeliver(UUID id, UUID deliveryId) {
        Webhook webhook = loadEnabled(id);
        @SuppressWarnings("unchecked")
        List<Object[]> found = em.createNativeQuery(
                        "select event_id, event_type, payload from webhook_delivery where id = :delivery and webhook_id = :id")
                .setParameter("delivery", deliveryId).setParameter("id", webhook.id()).getResultList();
        if (found.isEmpty()) {
            throw new KopijException(404, "webhook.delivery-not-found", "Not found",
                    "Webhook " + id + " has no delivery " + deliveryId);
        }
        Object[] original = found.get(0);
        return queue(webhook, (UUID) original[0], (String) original[1], (String) original[2], AuditedEntity.now());
    }

    /** A delivery outside the ordered stream (no subject, no position): pings and redeliveries. */
    private DeliveryView queue(Webhook webhook, UUID eventId, String type, String payload, Instant now) {
        UUID deliveryId = UUID.randomUUID();
        em.createNativeQuery("""
                        insert into webhook_delivery (id, webhook_id, event_id, event_type, payload, next_attempt_at, created_at)
                        values (:id, :webhook, :event, :type, :payload, :now, :now)""")
                .setParameter("id", deliveryId).setParameter("webhook", webhook.id()).setParameter("event", eventId)
                .setParameter("type", type).setParameter("payload", payload).setParameter("now", now)
                .executeUpdate();
        em.createNativeQuery("select pg_notify(:channel, '')").setParameter("channel", OutboxListener.DELIVERIES_CHANNEL)
                .getSingleResult();
        return new DeliveryView(deliveryId, eventId, type, "pending", now, now, List.of());
    }

    private Map<UUID, List<DeliveryView.Attempt>> attempts(List<UUID> deliveryIds) {
        Map<UUID, List<DeliveryView.Attempt>> attempts = new HashMap<>();
        if (deliveryIds.isEmpty()) {
            return attempts;
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                        select delivery_id, attempted_at, status_code, duration_ms, response_excerpt, error
                        from webhook_attempt where delivery_id in (:ids) order by attempted_at, id""")
                .setParameter("ids", deliveryIds).getResultList();
        for (Object[] r : rows) {
            attempts.computeIfAbsent((UUID) r[0], k -> new ArrayList<>()).add(new DeliveryView.Attempt(
                    SqlValues.instant(r[1]), r[2] == null ? null : ((Number) r[2]).intValue(),
                    ((Number) r[3]).longValue(), (String) r[4], (String) r[5]));
        }
        return attempts;
    }

    private void apply(Webhook webhook, WebhookInput input) {
        webhook.url = WebhookRules.url(input.url(), guard);
        webhook.events = new ArrayList<>(WebhookRules.events(input.events()));
        webhook.filterTags = new ArrayList<>(WebhookRules.tags(input.filter()));
        webhook.filterLanguages = new ArrayList<>(WebhookRules.languages(input.filter()));
        webhook.description = input.description() == null || input.description().isBlank() ? null
                : input.description().trim();
        boolean enable = input.enabled() == null || input.enabled();
        if (enable && !webhook.enabled) {
            webhook.disabledReason = null;
        } else if (!enable && webhook.enabled) {
            webhook.disabledReason = "Disabled by an admin";
        }
        webhook.enabled = enable;
    }

    private static WebhookInput input(Webhook webhook) {
        return new WebhookInput(webhook.url, List.copyOf(webhook.events),
                new WebhookFilter(List.copyOf(webhook.filterTags), List.copyOf(webhook.filterLanguages)),
                webhook.description, webhook.enabled);
    }

    private static WebhookView view(Webhook w, String secret) {
        Instant overlap = w.previousSecretExpiresAt != null && w.previousSecretExpiresAt.isAfter(Instant.now())
                ? w.previousSecretExpiresAt : null;
        return new WebhookView(w.id(), w.url, w.description, List.copyOf(w.events),
                new WebhookFilter(List.copyOf(w.filterTags), List.copyOf(w.filterLanguages)), w.enabled,
                w.disabledReason, overlap, w.createdAt(), w.updatedAt(), w.version(), secret);
    }

    private Webhook load(UUID id) {
        return webhooks.findByIdOptional(id).orElseThrow(() -> new WebhookNotFoundException(id.toString()));
    }

    private Webhook loadEnabled(UUID id) {
        Webhook webhook = load(id);
        if (!webhook.enabled) {
            throw new ConflictException("webhook.disabled", "Webhook disabled",
                    "Enable the webhook first (PATCH {\"enabled\": true}); it was disabled: " + webhook.disabledReason);
        }
        return webhook;
    }
}
