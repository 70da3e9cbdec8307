package io.kopij.edge;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.kopij.shared.cache.CacheKey;
import io.kopij.shared.cache.CacheTags;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The keys of an answer are found wherever its entities sit: in lists, maps, nested records, plain objects. */
class CacheTagsCollectTest {

    @CacheKey("author")
    record Author(UUID id, String name) {
    }

    @CacheKey(value = "tag", dependsOn = "articles")
    record Tag(UUID id, String slug, long articleCount) {
    }

    @CacheKey("article")
    record Article(UUID id, String title, Instant publishedAt, List<Author> authors, Object primaryTag,
            Map<String, Tag> tagsBySlug) {
    }

    record Page(List<Article> items, String nextCursor, Object extra) {
    }

    @Test
    void collectsEveryEntityOnce() {
        UUID a1 = UUID.randomUUID();
        UUID a2 = UUID.randomUUID();
        UUID au = UUID.randomUUID();
        UUID t1 = UUID.randomUUID();
        UUID t2 = UUID.randomUUID();
        Author author = new Author(au, "Anna");
        Tag tag = new Tag(t1, "politiek", 3);
        Page page = new Page(List.of(
                new Article(a1, "Een", Instant.EPOCH, List.of(author), tag, Map.of("politiek", tag)),
                new Article(a2, "Twee", null, List.of(author, author), null, Map.of())),
                "cursor", new Object[] {"text", new Tag(t2, "sport", 1), CacheTags.of("listing")});

        assertEquals(List.of("article:" + a1, "author:" + au, "tag:" + t1, "articles", "article:" + a2,
                "tag:" + t2, "listing"), List.copyOf(CacheTags.collect(page).keys()));
    }

    @Test
    void answersWithoutEntitiesHaveNoKeys() {
        assertEquals(CacheTags.NONE, CacheTags.collect(new Page(List.of(), "x", 42)));
        assertEquals(CacheTags.NONE, CacheTags.collect("just text"));
    }
}
