package io.kopij.author;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.TestTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.List;
import java.util.UUID;
import org.hibernate.SessionFactory;
import org.junit.jupiter.api.Test;

/**
 * The projections read over JDBC ({@code NativeRows}) behave like Hibernate native queries where it matters: they
 * see changes made through entities earlier in the same transaction, and they count as statements in Hibernate's
 * statistics, which the statement-count tests rely on.
 */
@QuarkusTest
class AuthorViewsTest {

    @Inject
    AuthorRepository authors;

    @Inject
    SessionFactory sessionFactory;

    @Test
    @TestTransaction
    void seesAnAuthorPersistedButNotYetFlushed() {
        Author author = new Author("native-rows-" + UUID.randomUUID(), "Nog Niet Geschreven");
        authors.persist(author);

        List<AuthorView> views = authors.views(List.of(author.id()), false);

        assertEquals(1, views.size());
        assertEquals("Nog Niet Geschreven", views.get(0).name());
    }

    @Test
    @TestTransaction
    void countsAsOneStatement() {
        Author author = new Author("native-rows-" + UUID.randomUUID(), "Geteld");
        authors.persist(author);
        authors.flush();
        long before = sessionFactory.getStatistics().getPrepareStatementCount();

        assertEquals(1, authors.views(List.of(author.id()), false).size());

        assertEquals(1, sessionFactory.getStatistics().getPrepareStatementCount() - before);
    }
}
