package io.kopij.feed;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.kopij.shared.cache.AnswerTags;
import io.kopij.shared.cache.CacheTags;
import io.kopij.shared.error.InvalidInputException;
import io.kopij.shared.text.LanguageTags;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Feeds (RSS 2.0, Atom 1.0, JSON Feed 1.1) of the newest published articles, filterable by tag, author and
 * language, and sitemaps (Google News, monthly, index). Public and cached like the API, and tagged with the articles
 * they show plus {@code articles}, so a publication purges them. Whatever a reader's Accept header says, each answers
 * its one format (feed readers send all sorts).
 */
@Path("/")
@Tag(name = "Feeds", description = "Feeds and sitemaps of published articles")
public class FeedResource {

    static final String RSS = "application/rss+xml";
    static final String ATOM = "application/atom+xml";
    static final String JSON_FEED = "application/feed+json";
    static final String XML = "application/xml";

    private final FeedService feeds;
    private final FeedConfig config;
    private final AnswerTags tags;
    private final ObjectMapper json;

    FeedResource(FeedService feeds, FeedConfig config, AnswerTags tags, ObjectMapper json) {
        this.feeds = feeds;
        this.config = config;
        this.tags = tags;
        this.json = json;
    }

    @GET
    @Path("feeds/articles.rss")
    @Operation(operationId = "rssFeed", summary = "RSS 2.0 feed of the newest published articles")
    @APIResponse(responseCode = "200", description = "The feed", content = @Content(mediaType = RSS, schema = @Schema(type = SchemaType.STRING)))
    public Response rss(@QueryParam("tag") String tag, @QueryParam("author") String author,
            @QueryParam("lang") String lang, @Context UriInfo uri) {
        List<FeedItem> items = items(tag, author, lang);
        return answer(FeedWriter.rss(channel(uri, lang), items), RSS);
    }

    @GET
    @Path("feeds/articles.atom")
    @Operation(operationId = "atomFeed", summary = "Atom 1.0 feed of the newest published articles")
    @APIResponse(responseCode = "200", description = "The feed", content = @Content(mediaType = ATOM, schema = @Schema(type = SchemaType.STRING)))
    public Response atom(@QueryParam("tag") String tag, @QueryParam("author") String author,
            @QueryParam("lang") String lang, @Context UriInfo uri) {
        List<FeedItem> items = items(tag, author, lang);
        return answer(FeedWriter.atom(channel(uri, lang), items), ATOM);
    }

    @GET
    @Path("feeds/articles.json")
    @Operation(operationId = "jsonFeed", summary = "JSON Feed 1.1 of the newest published articles")
    @APIResponse(responseCode = "200", description = "The feed", content = @Content(mediaType = JSON_FEED, schema = @Schema(type = SchemaType.OBJECT)))
    public Response jsonFeed(@QueryParam("tag") String tag, @QueryParam("author") String author,
            @QueryParam("lang") String lang, @Context UriInfo uri) {
        List<FeedItem> items = items(tag, author, lang);
        return answer(FeedWriter.json(json, channel(uri, lang), items), JSON_FEED);
    }

    @GET
    @Path("sitemaps/news.xml")
    @Operation(operationId = "newsSitemap", summary = "Google News sitemap: articles published in the last two days, at most 1,000")
    @APIResponse(responseCode = "200", description = "The sitemap", content = @Content(mediaType = XML, schema = @Schema(type = SchemaType.STRING)))
    public Response news() {
        List<FeedItem> items = feeds.publishedSince(Instant.now().minus(Duration.ofDays(2)),
                Math.min(1000, Math.max(1, config.newsMaxEntries())));
        tag(items);
        return answer(SitemapWriter.news(config.title(), items), XML);
    }

    @GET
    @Path("sitemaps/index.xml")
    @Operation(operationId = "sitemapIndex", summary = "Sitemap index: one sitemap per month with published articles")
    @APIResponse(responseCode = "200", description = "The sitemap index", content = @Content(mediaType = XML, schema = @Schema(type = SchemaType.STRING)))
    public Response index(@Context UriInfo uri) {
        tags.add(CacheTags.of("articles"));
        String base = uri.getBaseUri().toString().replaceAll("/+$", "");
        return answer(SitemapWriter.index(feeds.months(), month -> base + "/sitemaps/" + month.month() + ".xml"), XML);
    }

    @GET
    @Path("sitemaps/{month: \\d{4}-\\d{2}}.xml")
    @Operation(operationId = "monthSitemap", summary = "The articles first published in one month (UTC)")
    @APIResponse(responseCode = "200", description = "The sitemap", content = @Content(mediaType = XML, schema = @Schema(type = SchemaType.STRING)))
    public Response month(@PathParam("month") String month) {
        YearMonth parsed;
        try {
            parsed = YearMonth.parse(month);
        } catch (DateTimeParseException e) {
            throw InvalidInputException.field("month", "must be a month such as 2026-12");
        }
        List<FeedItem> items = feeds.publishedIn(parsed);
        tag(items);
        return answer(SitemapWriter.month(items), XML);
    }

    private List<FeedItem> items(String tag, String author, String lang) {
        if (lang != null && !LanguageTags.isValid(lang)) {
            throw InvalidInputException.field("lang", "must be a BCP 47 language tag such as nl or en");
        }
        List<FeedItem> items = feeds.latest(split(tag), split(author), lang);
        tag(items);
        return items;
    }

    /** The answer names its articles (and, as every list, {@code articles}). */
    private void tag(List<FeedItem> items) {
        tags.add(CacheTags.of("articles").plus(CacheTags.collect(items.stream().map(FeedItem::article).toList())));
    }

    private FeedWriter.Channel channel(UriInfo uri, String lang) {
        String base = uri.getBaseUri().toString().replaceAll("/+$", "");
        String self = uri.getRequestUri().toString();
        return new FeedWriter.Channel(config.title(), config.description(), config.siteUrl().orElse(base + "/"), self,
                lang);
    }

    private static Response answer(byte[] body, String type) {
        return Response.ok(body, type + ";charset=UTF-8").build();
    }

    private static List<String> split(String values) {
        List<String> list = new ArrayList<>();
        if (values != null) {
            for (String value : values.split(",")) {
                if (!value.isBlank()) {
                    list.add(value.trim());
                }
            }
        }
        return list;
    }
}
