package io.kopij.feed;

import io.kopij.article.ArticleBody;
import io.kopij.article.ArticleReader;
import io.kopij.article.ArticleView;
import io.kopij.article.query.ArticleLists;
import io.kopij.article.query.ArticleQuery;
import io.kopij.article.query.PublishedMonths;
import io.kopij.event.ArticleUrls;
import io.kopij.shared.paging.CursorPage;
import io.kopij.shared.paging.PageRequest;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** What feeds and sitemaps show: published articles, newest first, with their bodies and public URLs. */
@ApplicationScoped
public class FeedService {

    /** Most URLs one sitemap may list (sitemaps.org). */
    static final int SITEMAP_MAX = 50_000;

    private final ArticleLists lists;
    private final ArticleReader reader;
    private final ArticleUrls urls;
    private final PublishedMonths months;
    private final FeedConfig config;

    FeedService(ArticleLists lists, ArticleReader reader, ArticleUrls urls, PublishedMonths months, FeedConfig config) {
        this.lists = lists;
        this.reader = reader;
        this.urls = urls;
        this.months = months;
        this.config = config;
    }

    /** The newest published articles matching the filters (any of the tags, any of the authors, the language). */
    public List<FeedItem> latest(List<String> tags, List<String> authors, String language) {
        ArticleQuery query = new ArticleQuery.Criteria(tags, authors, language, null, null, null, null, null, null)
                .toQuery(ArticleQuery.ParameterNames.REST);
        List<ArticleView> articles = lists.page(query, new PageRequest(Math.max(1, Math.min(PageRequest.MAX_LIMIT,
                config.items())), Optional.empty(), Optional.empty())).edges().stream().map(CursorPage.Edge::node).toList();
        Map<UUID, ArticleBody> bodies = reader.bodiesOf(articles.stream().map(ArticleView::id).toList());
        return articles.stream().map(article -> {
            ArticleBody body = bodies.get(article.id());
            return new FeedItem(article, body == null ? "" : body.html(), url(article));
        }).toList();
    }

    /** Articles first published since {@code since}, newest first, at most {@code max} (the news sitemap). */
    public List<FeedItem> publishedSince(Instant since, int max) {
        return published(since, null, max);
    }

    /** Articles first published in a month (UTC), newest first. */
    public List<FeedItem> publishedIn(YearMonth month) {
        Instant start = month.atDay(1).atStartOfDay().toInstant(ZoneOffset.UTC);
        Instant end = month.plusMonths(1).atDay(1).atStartOfDay().toInstant(ZoneOffset.UTC);
        return published(start, end, SITEMAP_MAX);
    }

    public List<PublishedMonths.Month> months() {
        return months.all();
    }

    private List<FeedItem> published(Instant after, Instant before, int max) {
        ArticleQuery query = new ArticleQuery.Criteria(null, null, null, null, after, before, null, null, null)
                .toQuery(ArticleQuery.ParameterNames.REST);
        List<FeedItem> items = new ArrayList<>();
        Optional<String> cursor = Optional.empty();
        while (items.size() < max) {
            int limit = Math.min(PageRequest.MAX_LIMIT, max - items.size());
            CursorPage<ArticleView> page = lists.page(query, new PageRequest(limit, cursor, Optional.empty()));
            for (CursorPage.Edge<ArticleView> edge : page.edges()) {
                String url = url(edge.node());
                // An article without a public URL (the template needs a part it lacks) cannot be listed; it must not
                // take one of the sitemap's places either (a news sitemap holds at most 1,000).
                if (url != null && items.size() < max) {
                    items.add(new FeedItem(edge.node(), null, url));
                }
            }
            if (!page.hasNext() || page.edges().isEmpty()) {
                break;
            }
            cursor = Optional.of(page.edges().get(page.edges().size() - 1).cursor());
        }
        return items;
    }

    private String url(ArticleView article) {
        return urls.of(article.id(), article.slug(), article.language(),
                article.primaryTag() == null ? null : article.primaryTag().slug(),
                article.seo() == null ? null : article.seo().canonicalUrl()).orElse(null);
    }
}
