package io.kopij.feed;

import static io.kopij.support.Api.anonymous;
import static io.kopij.support.Api.article;
import static io.kopij.support.Api.create;
import static io.kopij.support.Api.createPublished;
import static io.kopij.support.Api.editor;
import static io.kopij.support.Api.unique;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.kopij.event.OutboxRows;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import java.io.ByteArrayInputStream;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * Feeds and sitemaps, parsed with a strict, namespace-aware XML parser (no DTDs) and checked against the rules of
 * RSS 2.0, Atom 1.0 (RFC 4287), JSON Feed 1.1 and Google News sitemaps; titles full of markup must come back intact.
 */
@QuarkusTest
class FeedTest {

    private static final String HOSTILE = "<script>alert('x')</script> & \"Bobby\" ]]> <![CDATA[ \u00e9\u00e8 ";
    private static final String RSS_CONTENT = "http://purl.org/rss/1.0/modules/content/";
    private static final String DC = "http://purl.org/dc/elements/1.1/";
    private static final String MEDIA = "http://search.yahoo.com/mrss/";
    private static final String ATOM = "http://www.w3.org/2005/Atom";
    private static final String SITEMAP = "http://www.sitemaps.org/schemas/sitemap/0.9";
    private static final String NEWS = "http://www.google.com/schemas/sitemap-news/0.9";

    @Test
    void rssFollowsRss2WithFullContentAuthorsTagsAndImage() throws Exception {
        String tag = "feed-" + unique();
        String second = "tweede-" + unique();
        String title = HOSTILE + unique();
        Map<String, Object> input = article(title, tag, second);
        input.put("image", Map.of("url", "https://cdn.example.nl/img/" + unique() + ".jpg", "alt", "Een <lama>"));
        String id = createPublished(input);
        var response = anonymous().get("/feeds/articles.rss?tag=" + tag).then().statusCode(200).extract();
        assertTrue(response.contentType().startsWith("application/rss+xml"), response.contentType());
        assertTrue(response.header("Cache-Control").startsWith("public"));
        assertTrue(response.header("Surrogate-Key").contains("article:" + id));
        assertTrue(Arrays.asList(response.header("Surrogate-Key").split(" ")).contains("articles"));
        anonymous().header("If-None-Match", response.header("ETag")).get("/feeds/articles.rss?tag=" + tag).then().statusCode(304);

        Document rss = parse(response);
        Element root = rss.getDocumentElement();
        assertEquals("rss", root.getTagName());
        assertEquals("2.0", root.getAttribute("version"));
        Element channel = only(root, null, "channel");
        for (String required : List.of("title", "link", "description")) {
            assertFalse(text(channel, null, required).isBlank(), required);
        }
        rfc822(text(channel, null, "lastBuildDate"));
        List<Element> items = children(channel, null, "item");
        assertEquals(1, items.size());
        Element item = items.get(0);
        assertEquals(title, text(item, null, "title"), "the hostile title comes back as it was written");
        Element guid = only(item, null, "guid");
        assertEquals(id, guid.getTextContent());
        assertEquals("false", guid.getAttribute("isPermaLink"));
        assertTrue(text(item, null, "link").startsWith("https://www.example.nl/" + tag + "/"));
        rfc822(text(item, null, "pubDate"));
        assertTrue(text(item, RSS_CONTENT, "encoded").contains("<h2"), "full HTML content");
        assertEquals(1, children(item, DC, "creator").size());
        List<String> categories = children(item, null, "category").stream().map(Element::getTextContent).toList();
        assertEquals(2, categories.size(), "one category per tag, in order: " + categories);
        Element media = only(item, MEDIA, "content");
        assertTrue(media.getAttribute("url").startsWith("https://cdn.example.nl/img/"));
        assertEquals("Een <lama>", text(media, MEDIA, "description"));
    }

    @Test
    void atomFollowsRfc4287() throws Exception {
        String tag = "atom-" + unique();
        String title = HOSTILE + unique();
        String id = createPublished(article(title, tag));
        var response = anonymous().get("/feeds/articles.atom?tag=" + tag).then().statusCode(200).extract();
        assertTrue(response.contentType().startsWith("application/atom+xml"), response.contentType());
        Element feed = parse(response).getDocumentElement();
        assertEquals(ATOM, feed.getNamespaceURI());
        assertEquals("feed", feed.getLocalName());
        for (String required : List.of("id", "title", "updated")) {
            assertFalse(text(feed, ATOM, required).isBlank(), required);
        }
        OffsetDateTime.parse(text(feed, ATOM, "updated"));
        assertTrue(children(feed, ATOM, "link").stream().anyMatch(l -> l.getAttribute("rel").equals("self")));
        Element entry = only(feed, ATOM, "entry");
        assertEquals("urn:uuid:" + id, text(entry, ATOM, "id"));
        assertEquals(title, text(entry, ATOM, "title"));
        OffsetDateTime.parse(text(entry, ATOM, "updated"));
        OffsetDateTime.parse(text(entry, ATOM, "published"));
        assertEquals(1, children(entry, ATOM, "author").size());
        assertEquals(tag, only(entry, ATOM, "category").getAttribute("term"));
        Element content = only(entry, ATOM, "content");
        assertEquals("html", content.getAttribute("type"));
        assertTrue(content.getTextContent().contains("<strong>"), "escaped HTML that reads back as HTML");
    }

    @Test
    void jsonFeedFollowsVersion11() throws Exception {
        String tag = "json-" + unique();
        String title = HOSTILE + unique();
        String id = createPublished(article(title, tag));
        var response = anonymous().get("/feeds/articles.json?tag=" + tag).then().statusCode(200).extract();
        assertTrue(response.contentType().startsWith("application/feed+json"), response.contentType());
        JsonNode feed = new ObjectMapper().readTree(response.asByteArray());
        assertEquals("https://jsonfeed.org/version/1.1", feed.path("version").asText());
        assertFalse(feed.path("title").asText().isBlank());
        assertTrue(feed.path("feed_url").asText().contains("/feeds/articles.json"));
        JsonNode item = feed.path("items").get(0);
        assertEquals(1, feed.path("items").size());
        assertEquals(id, item.path("id").asText());
        assertEquals(title, item.path("title").asText());
        assertTrue(item.path("content_html").asText().contains("<h2"));
        OffsetDateTime.parse(item.path("date_published").asText());
        assertEquals(1, item.path("authors").size());
        assertFalse(item.path("authors").get(0).path("name").asText().isBlank());
        assertTrue(item.path("tags").isArray());
    }

    @Test
    void feedsFilterByTagAuthorAndLanguage() throws Exception {
        String tag = "filter-" + unique();
        String writer = "feedschrijver-" + unique();
        String dutch = createPublished(article("Nederlands " + unique(), tag));
        Map<String, Object> english = article("English " + unique(), tag);
        english.put("language", "en");
        String englishId = createPublished(english);
        String byWriter = create(io.kopij.support.Api.as(writer, "editor"), article("Van schrijver " + unique(), tag));
        io.kopij.support.Api.as(writer, "editor").post("/api/v1/articles/" + byWriter + "/publish").then().statusCode(200);
        String authorSlug = anonymous().get("/api/v1/articles/" + byWriter).then().extract().path("authors[0].slug");
        create(editor(), article("Concept " + unique(), tag)); // drafts never appear

        assertEquals(3, ids(tag, "").size());
        assertEquals(List.of(englishId), ids(tag, "&lang=en"));
        assertEquals(List.of(byWriter), ids(tag, "&author=" + authorSlug));
        assertTrue(ids(tag, "&lang=nl").contains(dutch));
        anonymous().get("/feeds/articles.rss?lang=" + "!!").then().statusCode(400).contentType("application/problem+json");
    }

    @Test
    void theNewsSitemapKeepsToTwoDaysAndNewsFields() throws Exception {
        String fresh = createPublished(article(HOSTILE + unique(), "nieuws-" + unique()));
        String old = createPublished(article("Oud " + unique(), "nieuws-" + unique()));
        OutboxRows.execute("update article set published_at = ? where id = ?",
                java.sql.Timestamp.from(Instant.now().minus(3, ChronoUnit.DAYS)), UUID.fromString(old));
        var response = anonymous().get("/sitemaps/news.xml").then().statusCode(200).extract();
        assertTrue(response.contentType().startsWith("application/xml"));
        assertTrue(response.header("Surrogate-Key").contains("articles"));
        Element urlset = parse(response).getDocumentElement();
        assertEquals(SITEMAP, urlset.getNamespaceURI());
        List<Element> urls = children(urlset, SITEMAP, "url");
        assertTrue(urls.size() <= 1000, "at most 1,000 entries");
        String freshUrl = anonymous().get("/feeds/articles.json?tag=" + anonymous().get("/api/v1/articles/" + fresh)
                .then().extract().path("tags[0].slug")).then().extract().path("items[0].url");
        String oldSlug = anonymous().get("/api/v1/articles/" + old).then().extract().path("slug");
        boolean found = false;
        for (Element url : urls) {
            String loc = text(url, SITEMAP, "loc");
            assertFalse(loc.endsWith("/" + oldSlug), "published three days ago: not news any more");
            Element news = only(url, NEWS, "news");
            Element publication = only(news, NEWS, "publication");
            assertEquals("Kopij", text(publication, NEWS, "name"));
            assertFalse(text(publication, NEWS, "language").isBlank());
            Instant published = OffsetDateTime.parse(text(news, NEWS, "publication_date")).toInstant();
            assertTrue(published.isAfter(Instant.now().minus(2, ChronoUnit.DAYS).minusSeconds(60)), "two-day rule");
            if (loc.equals(freshUrl)) {
                found = true;
                assertTrue(text(news, NEWS, "title").startsWith(HOSTILE));
                assertEquals("nl", text(publication, NEWS, "language"));
            }
        }
        assertTrue(found, "the fresh article is listed: " + freshUrl);
    }

    /**
     * Google News reads at most 1,000 entries per news sitemap: with more than 1,000 articles of the last two days,
     * the answer has exactly 1,000, the newest, each once. The rows are written by SQL (1,001 through the API would
     * take minutes) and removed afterwards so other tests do not see them.
     */
    @Test
    void theNewsSitemapStopsAtOneThousandEntries() throws Exception {
        String run = unique().replaceAll("[^a-z0-9]", "");
        String prefix = "duizend-" + run + "-";
        String tag = "duizend-" + run;
        createPublished(article("Eerste " + unique(), tag)); // creates the tag: article URLs need a primary tag
        OutboxRows.execute("""
                with inserted as (
                  insert into article (id, slug, title, status, published_at, created_at, updated_at)
                  select gen_random_uuid(), ? || g, 'Duizend ' || g, 'published',
                         now() - interval '10 minutes' - g * interval '1 second', now(), now()
                  from generate_series(1, 1001) g
                  returning id)
                insert into article_tag (article_id, tag_id, position)
                select inserted.id, t.id, 0 from inserted, tag t where t.slug = ?""", prefix, tag);
        // Newer ones without a tag have no public URL with this template: never listed, and no place taken either.
        OutboxRows.execute("""
                insert into article (id, slug, title, status, published_at, created_at, updated_at)
                select gen_random_uuid(), ? || 'zonder-' || g, 'Zonder tag ' || g, 'published',
                       now() - interval '1 minute' - g * interval '1 second', now(), now()
                from generate_series(1, 50) g""", prefix);
        try {
            assertEquals(1001L, OutboxRows.longValue("select count(*) from article_tag l join article a "
                    + "on a.id = l.article_id where a.slug like ?", prefix + "%"));
            // A publication through the API moves the content watermark: no sitemap rendered before the SQL is reused.
            String fresh = createPublished(article("Vers " + unique(), tag));
            var response = anonymous().get("/sitemaps/news.xml").then().statusCode(200).extract();
            List<Element> urls = children(parse(response).getDocumentElement(), SITEMAP, "url");
            assertEquals(1000, urls.size(), "1,000 entries with a URL, when more are fresh");
            Set<String> locations = new HashSet<>();
            Instant previous = Instant.MAX;
            for (Element url : urls) {
                assertTrue(locations.add(text(url, SITEMAP, "loc")), "listed twice: " + text(url, SITEMAP, "loc"));
                Instant published = OffsetDateTime.parse(text(only(url, NEWS, "news"), NEWS, "publication_date"))
                        .toInstant();
                assertFalse(published.isAfter(previous), "newest first");
                previous = published;
            }
            String freshSlug = anonymous().get("/api/v1/articles/" + fresh).then().extract().path("slug");
            assertTrue(locations.stream().anyMatch(loc -> loc.endsWith("/" + freshSlug)), "the newest is listed");
            assertTrue(locations.stream().noneMatch(loc -> loc.endsWith("/" + prefix + "1001")),
                    "the oldest of 1,002 fresh articles is left out");
        } finally {
            OutboxRows.execute("delete from article where slug like ?", prefix + "%");
        }
    }

    @Test
    void theSitemapIndexListsMonthlySitemaps() throws Exception {
        // A month of its own (2001-02), so what other tests publish this month cannot interfere.
        String id = createPublished(article("Maand " + unique(), "maand-" + unique()));
        OutboxRows.execute("update article set published_at = ? where id = ?",
                java.sql.Timestamp.from(Instant.parse("2001-02-14T10:00:00Z")), UUID.fromString(id));
        var index = anonymous().get("/sitemaps/index.xml").then().statusCode(200).extract();
        Element root = parse(index).getDocumentElement();
        assertEquals("sitemapindex", root.getLocalName());
        List<Element> sitemaps = children(root, SITEMAP, "sitemap");
        Element month = sitemaps.stream().filter(s -> text(s, SITEMAP, "loc").endsWith("/sitemaps/2001-02.xml"))
                .findFirst().orElseThrow();
        OffsetDateTime.parse(text(month, SITEMAP, "lastmod"));
        var monthly = anonymous().get("/sitemaps/2001-02.xml").then().statusCode(200).extract();
        assertTrue(monthly.header("Surrogate-Key").contains("article:" + id));
        String slug = anonymous().get("/api/v1/articles/" + id).then().extract().path("slug");
        List<Element> urls = children(parse(monthly).getDocumentElement(), SITEMAP, "url");
        assertTrue(urls.stream().anyMatch(u -> text(u, SITEMAP, "loc").endsWith("/" + slug)),
                "the article is in its month's sitemap");
        urls.forEach(u -> OffsetDateTime.parse(text(u, SITEMAP, "lastmod")));
    }

    @Test
    void theCanonicalUrlWinsOverTheTemplate() throws Exception {
        String tag = "canoniek-" + unique();
        Map<String, Object> input = article("Canoniek " + unique(), tag);
        String canonical = "https://elders.example.org/" + unique();
        input.put("seo", Map.of("canonicalUrl", canonical));
        createPublished(input);
        Element item = only(only(parse(anonymous().get("/feeds/articles.rss?tag=" + tag).then().statusCode(200)
                .extract()).getDocumentElement(), null, "channel"), null, "item");
        assertEquals(canonical, text(item, null, "link"));
    }

    private static List<String> ids(String tag, String more) {
        List<String> ids = new ArrayList<>();
        anonymous().get("/feeds/articles.json?tag=" + tag + more).then().statusCode(200).extract()
                .jsonPath().getList("items.id", String.class).forEach(ids::add);
        return ids;
    }

    /** A strict parser: namespace aware, no DTDs, no external entities. */
    static Document parse(ExtractableResponse<Response> response) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        var builder = factory.newDocumentBuilder();
        builder.setErrorHandler(null);
        Document document = builder.parse(new ByteArrayInputStream(response.asByteArray()));
        assertNotNull(document.getDocumentElement());
        return document;
    }

    private static void rfc822(String date) {
        ZonedDateTime.parse(date, DateTimeFormatter.RFC_1123_DATE_TIME);
    }

    private static List<Element> children(Element parent, String namespace, String name) {
        List<Element> found = new ArrayList<>();
        NodeList nodes = parent.getChildNodes();
        for (int i = 0; i < nodes.getLength(); i++) {
            if (nodes.item(i) instanceof Element element && name.equals(element.getLocalName())
                    && java.util.Objects.equals(namespace, element.getNamespaceURI())) {
                found.add(element);
            }
        }
        return found;
    }

    private static Element only(Element parent, String namespace, String name) {
        List<Element> found = children(parent, namespace, name);
        assertEquals(1, found.size(), "exactly one " + name);
        return found.get(0);
    }

    private static String text(Element parent, String namespace, String name) {
        return only(parent, namespace, name).getTextContent();
    }
}
