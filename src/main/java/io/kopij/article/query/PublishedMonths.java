package io.kopij.article.query;

import io.kopij.shared.persistence.SqlValues;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;

/** The months (UTC) in which published articles first appeared, newest first: what a sitemap index lists. */
@ApplicationScoped
public class PublishedMonths {

    /** A month with published articles, and when the last of them changed. */
    public record Month(YearMonth month, Instant lastModified) {
    }

    private final EntityManager em;

    PublishedMonths(EntityManager em) {
        this.em = em;
    }

    @Transactional
    public List<Month> all() {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                select to_char(published_at at time zone 'UTC', 'YYYY-MM'), max(updated_at)
                from article where status = 'published'
                group by 1 order by 1 desc""").getResultList();
        List<Month> months = new ArrayList<>();
        for (Object[] row : rows) {
            months.add(new Month(YearMonth.parse((String) row[0]), SqlValues.instant(row[1])));
        }
        return months;
    }
}
