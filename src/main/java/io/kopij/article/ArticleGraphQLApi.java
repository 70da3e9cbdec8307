package io.kopij.article;

import io.kopij.article.revision.RevisionDiff;
import io.kopij.article.revision.RevisionSummary;
import io.kopij.article.revision.RevisionView;
import io.kopij.shared.error.InvalidInputException;
import io.kopij.shared.graphql.GraphQLIds;
import io.kopij.shared.graphql.TranslateErrors;
import io.kopij.shared.paging.PageRequest;
import io.kopij.shared.web.ETags;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.graphql.DefaultValue;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Mutation;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Query;
import org.eclipse.microprofile.graphql.Source;

/** The GraphQL adapter for articles: it translates arguments and calls the same service as REST. */
@GraphQLApi
@TranslateErrors
public class ArticleGraphQLApi {

    private final ArticleService service;

    ArticleGraphQLApi(ArticleService service) {
        this.service = service;
    }

    @Query
    @Description("One article by id or by slug (an old slug finds the article under its current slug)")
    public ArticleView article(@Id String id, String slug,
            @Description("A preview token for this article: reads it whatever its status") String previewToken) {
        if ((id == null) == (slug == null)) {
            throw InvalidInputException.field("id", "give exactly one of id and slug");
        }
        if (previewToken != null) {
            if (id == null) {
                throw InvalidInputException.field("id", "previews are by id");
            }
            return service.preview(GraphQLIds.parse(id), previewToken);
        }
        if (id != null) {
            return service.get(GraphQLIds.parse(id));
        }
        ArticleService.SlugLookup found = service.getBySlug(slug);
        return found.article().orElseGet(() -> service.getBySlug(found.movedTo().orElseThrow()).article().orElseThrow());
    }

    @Query
    @Description("Articles as a Relay connection; the same filters, sorts and cursors as GET /api/v1/articles")
    public @NonNull ArticleConnection articles(ArticleFilter filter, @DefaultValue("PUBLISHED_NEWEST") ArticleSort sort,
            @DefaultValue("20") int first, String after) {
        ArticleQuery query = ArticleFilter.toQuery(filter, sort);
        return ArticleConnection.of(service.connection(query, page(first, after)));
    }

    @Description("The \"lees ook\" links in the editor's order; readers see only published ones")
    public List<@NonNull List<@NonNull RelatedArticleView>> related(@Source List<ArticleView> articles,
            @DefaultValue("10") int first) {
        if (first < 0 || first > 20) {
            throw InvalidInputException.field("first", "must be between 0 and 20");
        }
        Map<UUID, List<RelatedArticleView>> related = service.relatedOf(articles.stream().map(ArticleView::id).toList(),
                first);
        return articles.stream().map(a -> related.getOrDefault(a.id(), List.of())).toList();
    }

    @Description("The body as Markdown source, sanitized HTML and plain text")
    public List<@NonNull ArticleBody> body(@Source List<ArticleView> articles) {
        if (articles.stream().allMatch(a -> a.body() != null)) {
            return articles.stream().map(ArticleView::body).toList();
        }
        Map<UUID, ArticleBody> bodies = service.bodiesOf(articles.stream().map(ArticleView::id).toList());
        return articles.stream().map(a -> a.body() != null ? a.body() : bodies.get(a.id())).toList();
    }

    @Mutation
    @Description("Create a draft; the caller becomes its author unless authors are given")
    public ArticleView createArticle(@NonNull ArticleInput input) {
        return service.create(input);
    }

    @Mutation
    @Description("Replace the editable fields (like PUT); expectedVersion is the version you read")
    public ArticleView updateArticle(@NonNull @Id String id, @NonNull Long expectedVersion, @NonNull ArticleInput input) {
        return service.replace(GraphQLIds.parse(id), ETags.of(expectedVersion), input);
    }

    @Mutation
    @Description("Publish now, or schedule with a future `at`")
    public ArticleView publishArticle(@NonNull @Id String id, java.time.Instant at, Long expectedVersion) {
        return service.publish(GraphQLIds.parse(id), ifMatch(expectedVersion), at);
    }

    @Query
    @Description("The revisions of an article, newest first (editors, and the article's authors)")
    public @NonNull List<@NonNull RevisionSummary> revisions(@NonNull @Id String articleId,
            @DefaultValue("20") int first) {
        return service.revisions(GraphQLIds.parse(articleId), PageRequest.parse(String.valueOf(first), null, null)).data();
    }

    @Query
    public RevisionView revision(@NonNull @Id String articleId, int number) {
        return service.revision(GraphQLIds.parse(articleId), number);
    }

    @Query
    @Description("Field-level differences from revision `from` to revision `to`")
    public RevisionDiff revisionDiff(@NonNull @Id String articleId, int from, int to) {
        return service.diff(GraphQLIds.parse(articleId), from, to);
    }

    @Mutation
    @Description("Make the editable fields what they were at a revision (itself a new revision)")
    public ArticleView restoreRevision(@NonNull @Id String articleId, int number, Long expectedVersion) {
        return service.restore(GraphQLIds.parse(articleId), number, ifMatch(expectedVersion));
    }

    @Mutation
    @Description("A short-lived token to preview a draft without signing in")
    public PreviewToken createPreviewToken(@NonNull @Id String articleId) {
        return service.previewToken(GraphQLIds.parse(articleId));
    }

    @Mutation
    public ArticleView unpublishArticle(@NonNull @Id String id, Long expectedVersion) {
        return service.unpublish(GraphQLIds.parse(id), ifMatch(expectedVersion));
    }

    @Mutation
    public ArticleView archiveArticle(@NonNull @Id String id, Long expectedVersion) {
        return service.archive(GraphQLIds.parse(id), ifMatch(expectedVersion));
    }

    @Mutation
    @Description("Delete an article; answers the id of the deleted article")
    public @Id String deleteArticle(@NonNull @Id String id, Long expectedVersion) {
        service.delete(GraphQLIds.parse(id), ifMatch(expectedVersion));
        return id;
    }

    @Mutation
    @org.eclipse.microprofile.graphql.Name("setRelatedArticles")
    @Description("Set the ordered \"lees ook\" links")
    public ArticleView setRelatedArticles(@NonNull @Id String id, @NonNull List<@NonNull String> related,
            Long expectedVersion) {
        return service.setRelated(GraphQLIds.parse(id), ifMatch(expectedVersion),
                related.stream().map(GraphQLIds::parse).toList());
    }

    static PageRequest page(int first, String after) {
        return PageRequest.parse(String.valueOf(first), after, null);
    }

    private static String ifMatch(Long expectedVersion) {
        return expectedVersion == null ? null : ETags.of(expectedVersion);
    }
}
