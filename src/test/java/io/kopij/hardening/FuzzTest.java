package io.kopij.hardening;

import static io.kopij.support.Api.ARTICLES;
import static io.kopij.support.Api.admin;
import static io.kopij.support.Api.anonymous;
import static io.kopij.support.Api.article;
import static io.kopij.support.Api.createPublished;
import static io.kopij.support.Api.editor;
import static io.kopij.support.Api.unique;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kopij.media.MediaApi;
import io.kopij.media.TestImages;
import io.kopij.support.Api;
import io.kopij.support.QuietScheduler;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The project's own fuzzing, run by {@code ./mvnw verify}: generated hostile values for every REST parameter, header
 * and body field of openapi/openapi.yaml and for every GraphQL argument, variable and request shape of
 * openapi/schema.graphql. Every answer must be below 500, a problem (REST) or errors with {@code extensions.code}
 * (GraphQL), leak no Java class names, stack traces or SQL, and a refused write must change nothing. The seed and the
 * number of requests can be set ({@code -Dfuzz.seed=..., -Dfuzz.requests=...}); a failure prints the
 * requests that broke a rule, so a run can be replayed.
 */
@QuarkusTest
class FuzzTest {

    private static final long SEED = Long.getLong("fuzz.seed", 20261203L);
    private static final int REQUESTS = Integer.getInteger("fuzz.requests", 5000);

    @Inject
    EntityManager em;

    @Test
    void hostileRequestsNeverBreakKopij() {
        Fixtures fixtures = Fixtures.create();
        FuzzReport report = QuietScheduler.withoutScheduledJobs(() -> {
            FuzzReport run = new FuzzReport(this::storedState);
            HostileValues values = new HostileValues(SEED);
            new RestFuzzer(values, fixtures, run).run(REQUESTS * 7 / 10);
            new GraphQLFuzzer(values, fixtures, run).run(REQUESTS - run.requests());
            return run;
        });
        System.out.printf("Fuzzing (seed %d): %d requests, %d answered 5xx, %d leaked internals, "
                        + "%d wrong error format, %d refused writes changed state%n", SEED, report.requests(),
                report.serverErrors(), report.leaks(), report.badFormats(), report.changedByRefusals());
        assertTrue(report.requests() >= REQUESTS, "only " + report.requests() + " requests");
        assertEquals("", report.failures(), "fuzzing found problems (seed " + SEED + ")");
    }

    /** Everything a write could change, in one row: counts and version sums of the content tables. */
    private List<Object> storedState() {
        Object[] row = QuarkusTransaction.requiringNew().call(() -> (Object[]) em.createNativeQuery("""
                select (select count(*) from article), (select coalesce(sum(version), 0) from article),
                       (select count(*) from tag), (select coalesce(sum(version), 0) from tag),
                       (select count(*) from author), (select coalesce(sum(version), 0) from author),
                       (select count(*) from article_revision), (select count(*) from article_related),
                       (select count(*) from article_tag), (select count(*) from article_author),
                       (select count(*) from asset), (select coalesce(sum(version), 0) from asset)""")
                .getSingleResult());
        return Arrays.stream(row).map(v -> (Object) ((Number) v).longValue()).toList();
    }

    /** Valid things to aim hostile requests at, so they get past "not found" into the deeper checks. */
    record Fixtures(String draftId, String publishedId, String publishedSlug, String tagId, String tagSlug,
            String authorId, String authorSlug, String assetId) {

        /** A small valid image for uploads that should get past the format checks. */
        static final byte[] IMAGE = TestImages.png(16, 12, 20261203L);

        static Fixtures create() {
            String tag = "fuzz-" + unique();
            String draft = Api.create(editor(), article("Fuzz concept " + unique(), tag));
            String published = createPublished(article("Fuzz gepubliceerd " + unique(), tag));
            String slug = anonymous().get(ARTICLES + "/" + published).then().extract().path("slug");
            String tagId = anonymous().get("/api/v1/tags/by-slug/" + tag).then().extract().path("id");
            Response author = admin().contentType(ContentType.JSON).body(Map.of("name", "Fuzz Auteur " + unique()))
                    .post("/api/v1/authors");
            String asset = MediaApi.upload(Api.as("fuzz-author", Api.AUTHOR), TestImages.png(24, 16, 42L), "fuzz.png")
                    .then().extract().path("id");
            return new Fixtures(draft, published, slug, tagId, tag, author.path("id"), author.path("slug"), asset);
        }
    }

    /** Callers of different roles, the way the permission table distinguishes them. */
    static RequestSpecification caller(int which) {
        return switch (Math.floorMod(which, 4)) {
            case 0 -> anonymous();
            case 1 -> Api.as("fuzz-author", Api.AUTHOR);
            case 2 -> editor();
            default -> admin();
        };
    }
}
