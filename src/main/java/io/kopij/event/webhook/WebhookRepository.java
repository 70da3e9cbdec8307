package io.kopij.event.webhook;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;

@ApplicationScoped
public class WebhookRepository implements PanacheRepositoryBase<Webhook, UUID> {
}
