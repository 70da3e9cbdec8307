package io.kopij.article.graphql;

import graphql.schema.DataFetchingEnvironment;
import graphql.schema.DataFetchingFieldSelectionSet;
import graphql.schema.SelectedField;
import io.kopij.article.ArticleView;
import io.kopij.author.AuthorService;
import io.kopij.author.AuthorSummary;
import io.kopij.author.AuthorView;
import io.kopij.shared.graphql.PrefetchedFields;
import io.kopij.tag.TagSummary;
import io.kopij.tag.TagView;
import io.smallrye.graphql.api.Context;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

/**
 * The authors and tags of a list of articles, for the batch resolvers of {@code Article.authors}, {@code tags} and
 * {@code primaryTag}, and ahead of them for a resolver that returns a page of articles and can see in the selection
 * that they will be asked for ({@link #prefetch}): the same statements, without SmallRye's batching round trip.
 */
@ApplicationScoped
class ArticleRelations {

    private static final String ARTICLE = "Article";

    private final AuthorService authors;
    private final TagViewsOfRequest tags;

    ArticleRelations(AuthorService authors, TagViewsOfRequest tags) {
        this.authors = authors;
        this.tags = tags;
    }

    List<List<AuthorView>> authors(List<ArticleView> articles) {
        Map<UUID, AuthorView> views = authors.viewsOf(articles.stream()
                .flatMap(article -> article.authors().stream()).map(AuthorSummary::id).distinct().toList());
        return articles.stream().map(article -> article.authors().stream()
                .map(author -> views.get(author.id())).filter(Objects::nonNull).toList()).toList();
    }

    List<List<TagView>> tags(List<ArticleView> articles) {
        Map<UUID, TagView> views = tagViews(articles);
        return articles.stream().map(article -> article.tags().stream()
                .map(tag -> views.get(tag.id())).filter(Objects::nonNull).toList()).toList();
    }

    List<TagView> primaryTags(List<ArticleView> articles) {
        Map<UUID, TagView> views = tagViews(articles);
        return articles.stream().map(article -> article.primaryTag() == null ? null
                : views.get(article.primaryTag().id())).toList();
    }

    /**
     * Loads the authors and tags of {@code articles} now if the running query selects them under {@code path} (for
     * example {@code edges, node}), and leaves them where the Article fields find them.
     */
    void prefetch(Context context, List<ArticleView> articles, String... path) {
        DataFetchingEnvironment environment = PrefetchedFields.environment(context);
        if (environment == null || articles.isEmpty()) {
            return;
        }
        Set<String> selected = selectedUnder(environment.getSelectionSet(), path);
        if (selected.contains("authors")) {
            PrefetchedFields.put(environment, ARTICLE, "authors", bySource(articles, authors(articles)));
        }
        if (selected.contains("tags")) {
            PrefetchedFields.put(environment, ARTICLE, "tags", bySource(articles, tags(articles)));
        }
        if (selected.contains("primaryTag")) {
            PrefetchedFields.put(environment, ARTICLE, "primaryTag", bySource(articles, primaryTags(articles)));
        }
    }

    /**
     * The names of the fields selected at {@code path}, walked field by field: {@code contains("a/b/c")} matches a
     * glob against a file-system path for every selected field, which cost as much as the statement it saved.
     */
    static Set<String> selectedUnder(DataFetchingFieldSelectionSet selection, String... path) {
        List<SelectedField> level = selection.getImmediateFields();
        for (String name : path) {
            List<SelectedField> next = new ArrayList<>();
            for (SelectedField field : level) {
                if (field.getName().equals(name)) {
                    next.addAll(field.getSelectionSet().getImmediateFields());
                }
            }
            level = next;
        }
        Set<String> names = new HashSet<>();
        level.forEach(field -> names.add(field.getName()));
        return names;
    }

    private Map<UUID, TagView> tagViews(List<ArticleView> articles) {
        return tags.viewsOf(articles.stream().flatMap(article -> article.tags().stream()).map(TagSummary::id)
                .distinct().toList());
    }

    private static Map<Object, Object> bySource(List<ArticleView> articles, List<?> values) {
        Map<Object, Object> bySource = new IdentityHashMap<>(articles.size());
        for (int i = 0; i < articles.size(); i++) {
            bySource.put(articles.get(i), values.get(i));
        }
        return bySource;
    }
}
