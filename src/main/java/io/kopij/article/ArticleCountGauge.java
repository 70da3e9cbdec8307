package io.kopij.article;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * {@code kopij_articles{status="..."}}: articles per status, read from the totals the database keeps with triggers
 * (article_status_count), at most every 15 seconds, so a frequent scraper cannot turn metrics into database load.
 */
@ApplicationScoped
public class ArticleCountGauge {

    private static final long MAX_AGE_MILLIS = 15_000;
    private static final String[] STATUSES = {"draft", "scheduled", "published", "archived"};

    private final EntityManager em;
    private final AtomicLong[] counts = new AtomicLong[STATUSES.length];
    private volatile long countedAt;

    ArticleCountGauge(EntityManager em) {
        this.em = em;
        for (int i = 0; i < counts.length; i++) {
            counts[i] = new AtomicLong();
        }
    }

    void register(@Observes StartupEvent event, MeterRegistry registry) {
        for (int i = 0; i < STATUSES.length; i++) {
            int index = i;
            Gauge.builder("kopij.articles", this, gauge -> gauge.count(index))
                    .description("Articles by status")
                    .tag("status", STATUSES[i])
                    .register(registry);
        }
    }

    private double count(int index) {
        long now = System.currentTimeMillis();
        if (now - countedAt > MAX_AGE_MILLIS) {
            countedAt = now;
            try {
                QuarkusTransaction.requiringNew().run(() -> {
                    @SuppressWarnings("unchecked")
                    List<Object[]> rows = em.createNativeQuery(
                            "select status, articles from article_status_count").getResultList();
                    for (Object[] row : rows) {
                        for (int i = 0; i < STATUSES.length; i++) {
                            if (STATUSES[i].equals(row[0])) {
                                counts[i].set(((Number) row[1]).longValue());
                            }
                        }
                    }
                });
            } catch (RuntimeException e) {
                return Double.NaN; // the database is down: the readiness check says so
            }
        }
        return counts[index].get();
    }
}
