package io.kopij.author;

import io.kopij.shared.persistence.NativeRows;
import io.kopij.shared.persistence.SqlValues;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

@ApplicationScoped
public class AuthorRepository implements PanacheRepositoryBase<Author, UUID> {

    private final NativeRows rows;

    AuthorRepository(NativeRows rows) {
        this.rows = rows;
    }

    public Optional<Author> findBySlug(String slug) {
        return find("slug", slug).firstResultOptional();
    }

    public Optional<Author> findBySubject(String subject) {
        return find("keycloakSubject", subject).firstResultOptional();
    }

    public boolean slugTaken(String slug) {
        return count("slug", slug) > 0;
    }

    /** How many articles credit this author (any status). */
    public long countArticles(UUID authorId) {
        Object count = getEntityManager()
                .createNativeQuery("select count(*) from article_author where author_id = :id")
                .setParameter("id", authorId)
                .getSingleResult();
        return ((Number) count).longValue();
    }

    /**
     * Authors by id as served, in one statement and straight from SQL: GraphQL asks for the authors of a whole page
     * of articles, and hydrating (and dirty-tracking) entities for a read is most of what that would cost.
     */
    public List<AuthorView> views(Collection<UUID> ids, boolean showEmail) {
        List<Object[]> found = rows.list("select id, slug, name, bio, avatar_url, email, version, created_at, "
                + "updated_at from author where id in (:ids)", Map.of("ids", ids));
        return found.stream().map(row -> new AuthorView((UUID) row[0], (String) row[1], (String) row[2],
                (String) row[3], (String) row[4], showEmail ? (String) row[5] : null, ((Number) row[6]).longValue(),
                SqlValues.instant(row[7]), SqlValues.instant(row[8]))).toList();
    }
}
