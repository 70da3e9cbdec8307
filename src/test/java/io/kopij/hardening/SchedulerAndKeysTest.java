package io.kopij.hardening;

import static io.kopij.support.Api.ARTICLES;
import static io.kopij.support.Api.anonymous;
import static io.kopij.support.Api.article;
import static io.kopij.support.Api.create;
import static io.kopij.support.Api.editor;
import static io.kopij.support.Api.unique;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.kopij.article.ScheduledPublisher;
import io.kopij.shared.security.SigningKeys;
import io.kopij.support.QuietScheduler;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The scheduler publishes each article on its own, and keys are only cached once they are stored for good. */
@QuarkusTest
class SchedulerAndKeysTest {

    @Inject
    EntityManager em;

    @Inject
    ScheduledPublisher publisher;

    @Inject
    SigningKeys keys;

    @Test
    void oneArticleThatCannotBePublishedDoesNotHoldBackTheOthers() {
        String poisoned = create(editor(), article("Vergiftigd " + unique()));
        String fine = create(editor(), article("Gezond " + unique()));
        String due = Instant.now().plusSeconds(1).toString();
        for (String id : new String[] {poisoned, fine}) {
            editor().contentType(ContentType.JSON).body(Map.of("at", due)).post(ARTICLES + "/" + id + "/publish")
                    .then().statusCode(200);
        }
        // A database rule that refuses publishing one of them (a stand-in for anything that can go wrong).
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("""
                create function kopij_test_refuse() returns trigger language plpgsql as $$
                begin
                  if new.id = '%s' and new.status = 'published' then raise exception 'refused for the test'; end if;
                  return new;
                end; $$;
                create trigger kopij_test_refuse before update on article
                  for each row execute function kopij_test_refuse();""".formatted(poisoned)).executeUpdate());
        try {
            QuietScheduler.withoutScheduledJobs(() -> {
                await().atMost(Duration.ofSeconds(10)).until(() -> Instant.now().isAfter(Instant.parse(due)));
                publisher.publishDue(); // (other tests' due articles may be published too)
                return null;
            });
            anonymous().get(ARTICLES + "/" + fine).then().statusCode(200).body("status", is("published"));
            editor().get(ARTICLES + "/" + poisoned).then().statusCode(200).body("status", is("scheduled"));
        } finally {
            QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery(
                    "drop trigger kopij_test_refuse on article; drop function kopij_test_refuse();").executeUpdate());
        }
    }

    @Test
    void aKeyCreatedInATransactionThatRollsBackIsStillStoredAndTheSame() {
        String name = "test-key-" + unique();
        byte[][] seen = new byte[1][];
        assertThrows(IllegalStateException.class, () -> QuarkusTransaction.requiringNew().run(() -> {
            seen[0] = keys.key(name, Optional.empty());
            throw new IllegalStateException("the caller's transaction fails");
        }));
        byte[] stored = QuarkusTransaction.requiringNew().call(() -> (byte[]) em.createNativeQuery(
                "select secret from signing_key where name = :name").setParameter("name", name).getSingleResult());
        assertArrayEquals(seen[0], stored);
        assertArrayEquals(stored, keys.key(name, Optional.empty()));
    }
}
