package io.kopij.article;

import io.kopij.shared.error.InvalidInputException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Predicate;

/**
 * "Lees ook": an article's related articles are its editors' manual links first, in their order and as far as the
 * caller may see them, then the published articles sharing most tags with it (ties: newest first). One rule for
 * the detail answer, {@code GET /articles/{id}/related} and GraphQL's {@code related}.
 */
@ApplicationScoped
public class RelatedArticles {

    /** Related articles shown when a client does not say how many (also those inside a full article). */
    public static final int DEFAULT_COUNT = 5;
    /** Most related articles one request may ask for. */
    public static final int MAX_COUNT = 20;
    /** Most "lees ook" links an article can have (ArticleInput allows as many). */
    static final int MAX_LINKS = 20;

    private final ArticleRepository articles;
    private final ArticleAccess access;
    private final ArticleMapper mapper;
    private final ArticleImages images;

    RelatedArticles(ArticleRepository articles, ArticleAccess access, ArticleMapper mapper, ArticleImages images) {
        this.articles = articles;
        this.access = access;
        this.mapper = mapper;
        this.images = images;
    }

    private record Chosen(Article article, String source) {
    }

    /** How many related articles to return: {@code requested}, or the default; {@code parameter} names it in errors. */
    public static int count(Integer requested, String parameter) {
        if (requested == null) {
            return DEFAULT_COUNT;
        }
        if (requested < 1 || requested > MAX_COUNT) {
            throw InvalidInputException.field(parameter, "must be between 1 and " + MAX_COUNT);
        }
        return requested;
    }

    /** The related articles of an article the caller may see. */
    @Transactional(TxType.SUPPORTS) // a read: no BEGIN/COMMIT round trips (see ArticleLists)
    public List<RelatedArticleView> of(UUID id, int count) {
        Article article = access.loadVisible(id);
        return ofEach(List.of(article.id()), count).getOrDefault(article.id(), List.of());
    }

    /** The related articles of several articles at once, with a fixed number of statements whatever their number. */
    @Transactional(TxType.SUPPORTS)
    public Map<UUID, List<RelatedArticleView>> ofEach(List<UUID> articleIds, int count) {
        return ofEach(articleIds, count, access::canSeeAsRelated);
    }

    /**
     * As anonymous readers see them, whoever asks: for answers that are shared with the public (delta sync,
     * subscriptions), which must not carry an editor's view of unpublished drafts.
     */
    @Transactional
    public Map<UUID, List<RelatedArticleView>> publicOfEach(List<UUID> articleIds, int count) {
        return ofEach(articleIds, count, Article::isPublished);
    }

    private Map<UUID, List<RelatedArticleView>> ofEach(List<UUID> articleIds, int count, Predicate<Article> visible) {
        Map<UUID, List<Article>> manual = articles.relatedOf(articleIds);
        Map<UUID, List<UUID>> neighbours = articles.tagNeighbours(articleIds, count + MAX_LINKS);
        Map<UUID, Article> neighbourArticles = new HashMap<>();
        List<UUID> neighbourIds = neighbours.values().stream().flatMap(List::stream).distinct().toList();
        if (!neighbourIds.isEmpty()) {
            articles.list("id in ?1", neighbourIds).forEach(a -> neighbourArticles.put(a.id(), a));
        }
        Map<UUID, List<Chosen>> chosen = new HashMap<>();
        Map<UUID, ArticleImageInput> references = new HashMap<>();
        for (UUID id : articleIds) {
            List<Chosen> related = new ArrayList<>();
            Set<UUID> seen = new HashSet<>(Set.of(id));
            for (Article link : manual.getOrDefault(id, List.of())) {
                if (related.size() < count && visible.test(link) && seen.add(link.id())) {
                    related.add(new Chosen(link, "manual"));
                }
            }
            for (UUID candidate : neighbours.getOrDefault(id, List.of())) {
                Article article = neighbourArticles.get(candidate);
                if (related.size() < count && article != null && article.isPublished() && seen.add(candidate)) {
                    related.add(new Chosen(article, "tags"));
                }
            }
            related.forEach(c -> references.put(c.article().id(), ArticleImages.reference(c.article())));
            chosen.put(id, related);
        }
        // The images of the related articles of every source, in one statement (none without asset images).
        Map<UUID, ArticleImage> shown = images.of(references);
        Map<UUID, List<RelatedArticleView>> result = new HashMap<>();
        chosen.forEach((id, related) -> result.put(id, related.stream()
                .map(c -> mapper.toRelated(c.article(), shown.get(c.article().id()), c.source())).toList()));
        return result;
    }
}
