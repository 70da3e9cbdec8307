package io.kopij.author;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Collection;
import java.util.List;
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

    public List<Author> findBySlugs(Collection<String> slugs) {
        return slugs.isEmpty() ? List.of() : list("slug in ?1", slugs);
    }

    public List<Author> findByIds(Collection<UUID> ids) {
        return ids.isEmpty() ? List.of() : list("id in ?1", ids);
    }

    public long countArticles(UUID authorId) {
        return getEntityManager()
                .createQuery("select count(a) from Article a join a.authors au where au.id = :id", Long.class)
                .setParameter("id", authorId)
                .getSingleResult();
    }
}
