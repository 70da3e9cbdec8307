package io.kopij.article;

import jakarta.enterprise.context.ApplicationScoped;
import org.hibernate.Hibernate;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** One article at a time, as the caller may see it: by id, by slug (following old slugs), its body. */
@ApplicationScoped
public class ArticleReader {

    /** What a slug lookup found: the article, or the slug it now lives under (answer with a redirect). */
    public record SlugLookup(Optional<ArticleView> article, Optional<String> movedTo) {
    }

    private final ArticleRepository articles;
    private final ArticleAccess access;
    private final ArticleMapper mapper;
    private final RelatedArticles related;
    private final ArticleImages images;

    ArticleReader(ArticleRepository articles, ArticleAccess access, ArticleMapper mapper, RelatedArticles related,
            ArticleImages images) {
        this.articles = articles;
        this.access = access;
        this.mapper = mapper;
        this.related = related;
        this.images = images;
    }

    @Transactional(TxType.SUPPORTS) // a read: no BEGIN/COMMIT round trips (see ArticleLists)
    public ArticleView get(UUID id) {
        return view(access.loadVisible(id));
    }

    /** By current slug; an old slug of an article the caller may see answers where it moved to. */
    @Transactional(TxType.SUPPORTS)
    public SlugLookup getBySlug(String slug) {
        Optional<Article> current = articles.findBySlug(slug).filter(access::canSee);
        if (current.isPresent()) {
            return new SlugLookup(Optional.of(view(current.get())), Optional.empty());
        }
        Optional<Article> moved = articles.findIdByOldSlug(slug).flatMap(articles::findByIdOptional)
                .filter(access::canSee);
        if (moved.isPresent()) {
            return new SlugLookup(Optional.empty(), Optional.of(moved.get().slug()));
        }
        throw new ArticleNotFoundException("with slug " + slug);
    }

    /** The bodies of several articles, in one statement (GraphQL pages that ask for them). */
    @Transactional
    public Map<UUID, ArticleBody> bodiesOf(List<UUID> articleIds) {
        return articles.bodiesOf(articleIds);
    }

    /**
     * Published articles by id, in full as the detail endpoint shows them to anonymous readers, in a fixed number of
     * statements whatever their number (delta sync and subscriptions). Ids that are not published are absent.
     */
    @Transactional
    public Map<UUID, ArticleView> publishedViews(List<UUID> ids) {
        Map<UUID, ArticleView> views = new LinkedHashMap<>();
        if (ids.isEmpty()) {
            return views;
        }
        List<Article> found = articles.list("id in ?1 and status = ?2", ids, ArticleStatus.PUBLISHED);
        // Authors and tags now, one batch each, before the queries below load other articles.
        found.forEach(article -> Hibernate.initialize(article.authors));
        found.forEach(article -> Hibernate.initialize(article.tags));
        List<UUID> foundIds = found.stream().map(Article::id).toList();
        Map<UUID, ArticleBody> bodies = articles.bodiesOf(foundIds);
        Map<UUID, List<RelatedArticleView>> relatedOfEach = related.publicOfEach(foundIds, RelatedArticles.DEFAULT_COUNT);
        Map<UUID, ArticleImageInput> references = new HashMap<>();
        found.forEach(article -> references.put(article.id(), ArticleImages.reference(article)));
        Map<UUID, ArticleImage> shown = images.of(references); // one statement for all of their asset images
        for (Article article : found) {
            views.put(article.id(), mapper.toView(article, shown.get(article.id()),
                    relatedOfEach.getOrDefault(article.id(), List.of()), bodies.get(article.id())));
        }
        return views;
    }

    /** A full article with its related articles (manual links, then tag neighbours), as write answers show it. */
    public ArticleView view(Article article) {
        return mapper.toView(article, images.of(ArticleImages.reference(article)),
                related.ofEach(List.of(article.id()), RelatedArticles.DEFAULT_COUNT).getOrDefault(article.id(), List.of()));
    }
}
