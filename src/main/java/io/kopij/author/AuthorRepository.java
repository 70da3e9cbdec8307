package io.kopij.author;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;
import java.util.UUID;

@ApplicationScoped
public class AuthorRepository implements PanacheRepositoryBase<Author, UUID> {

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
}
