package io.kopij.article.graphql;

import io.kopij.article.ArticleBody;
import io.kopij.article.ArticleEditor;
import io.kopij.article.ArticleInput;
import io.kopij.article.ArticleReader;
import io.kopij.article.ArticleView;
import io.kopij.article.ArticleWorkflow;
import io.kopij.article.preview.ArticlePreviews;
import io.kopij.article.preview.PreviewToken;
import io.kopij.article.query.ArticleLists;
import io.kopij.article.revision.RevisionDiff;
import io.kopij.article.revision.RevisionService;
import io.kopij.article.revision.RevisionSummary;
import io.kopij.article.revision.RevisionView;
import io.kopij.article.query.ArticleSort;
import io.kopij.shared.error.InvalidInputException;
import io.kopij.shared.graphql.GraphQLIds;
import io.kopij.shared.graphql.TranslateErrors;
import io.kopij.shared.paging.PageRequest;
import io.kopij.shared.web.ETags;
import io.smallrye.graphql.api.Context;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.graphql.DefaultValue;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Mutation;
import org.eclipse.microprofile.graphql.Name;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Query;
import org.eclipse.microprofile.graphql.Source;

/** The GraphQL adapter for articles and their revisions: it translates arguments and calls the same services as REST. */
@GraphQLApi
@TranslateErrors
public class ArticleGraphQLApi {

    private final ArticleLists lists;
    private final ArticleReader reader;
    private final ArticleEditor editor;
    private final ArticleWorkflow workflow;
    private final ArticlePreviews previews;
    private final RevisionService revisions;
    private final ArticleRelations relations;
    private final Context context;

    ArticleGraphQLApi(ArticleLists lists, ArticleReader reader, ArticleEditor editor, ArticleWorkflow workflow,
            ArticlePreviews previews, RevisionService revisions, ArticleRelations relations, Context context) {
        this.lists = lists;
        this.reader = reader;
        this.editor = editor;
        this.workflow = workflow;
        this.previews = previews;
        this.revisions = revisions;
        this.relations = relations;
        this.context = context;
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
            return previews.read(GraphQLIds.parse(id), previewToken);
        }
        if (id != null) {
            return reader.get(GraphQLIds.parse(id));
        }
        ArticleReader.SlugLookup found = reader.getBySlug(slug);
        return found.article().orElseGet(() -> reader.getBySlug(found.movedTo().orElseThrow()).article().orElseThrow());
    }

    @Query
    @Description("Articles as a Relay connection; the same filters, sorts and cursors as GET /api/v1/articles. "
            + "Without a sort: newest first, or by relevance with filter.query")
    public @NonNull ArticleConnection articles(ArticleFilter filter, ArticleSort sort, @DefaultValue("20") int first,
            String after) {
        ArticleConnection connection = ArticleConnection.of(lists.page(ArticleFilter.toQuery(filter, sort),
                page(first, after)), after);
        relations.prefetch(context, connection.edges().stream().map(ArticleEdge::node).toList(), "edges", "node");
        return connection;
    }

    @Description("The body as Markdown source, sanitized HTML and plain text")
    public List<@NonNull ArticleBody> body(@Source List<ArticleView> articles) {
        if (articles.stream().allMatch(a -> a.body() != null)) {
            return articles.stream().map(ArticleView::body).toList();
        }
        Map<UUID, ArticleBody> bodies = reader.bodiesOf(articles.stream().map(ArticleView::id).toList());
        return articles.stream().map(a -> a.body() != null ? a.body() : bodies.get(a.id())).toList();
    }

    @Mutation
    @Description("Create a draft; the caller becomes its author unless authors are given")
    public ArticleView createArticle(@NonNull ArticleInput input) {
        return editor.create(input);
    }

    @Mutation
    @Description("Replace the editable fields (like PUT); expectedVersion is the version you read")
    public ArticleView updateArticle(@NonNull @Id String id, @NonNull Long expectedVersion, @NonNull ArticleInput input) {
        return editor.replace(GraphQLIds.parse(id), ETags.of(expectedVersion), input);
    }

    @Mutation
    @Description("Publish now, or schedule with a future `at`")
    public ArticleView publishArticle(@NonNull @Id String id, Instant at, Long expectedVersion) {
        return workflow.publish(GraphQLIds.parse(id), ifMatch(expectedVersion), at);
    }

    @Mutation
    @Description("A short-lived token to preview a draft without signing in")
    public PreviewToken createPreviewToken(@NonNull @Id String articleId) {
        return previews.mint(GraphQLIds.parse(articleId));
    }

    @Mutation
    public ArticleView unpublishArticle(@NonNull @Id String id, Long expectedVersion) {
        return workflow.unpublish(GraphQLIds.parse(id), ifMatch(expectedVersion));
    }

    @Mutation
    public ArticleView archiveArticle(@NonNull @Id String id, Long expectedVersion) {
        return workflow.archive(GraphQLIds.parse(id), ifMatch(expectedVersion));
    }

    @Mutation
    @Description("Delete an article; answers the id of the deleted article")
    public @Id String deleteArticle(@NonNull @Id String id, Long expectedVersion) {
        editor.delete(GraphQLIds.parse(id), ifMatch(expectedVersion));
        return id;
    }

    @Mutation
    @Name("setRelatedArticles")
    @Description("Set the ordered \"lees ook\" links")
    public ArticleView setRelatedArticles(@NonNull @Id String id, @NonNull List<@NonNull String> related,
            Long expectedVersion) {
        return editor.setRelated(GraphQLIds.parse(id), ifMatch(expectedVersion),
                related.stream().map(GraphQLIds::parse).toList());
    }

    @Query
    @Description("The revisions of an article, newest first (editors, and the article's authors)")
    public @NonNull List<@NonNull RevisionSummary> revisions(@NonNull @Id String articleId,
            @DefaultValue("20") int first) {
        return revisions.list(GraphQLIds.parse(articleId), PageRequest.parse(String.valueOf(first), null, null)).data();
    }

    @Query
    public RevisionView revision(@NonNull @Id String articleId, int number) {
        return revisions.get(GraphQLIds.parse(articleId), number);
    }

    @Query
    @Description("Field-level differences from revision `from` to revision `to`")
    public RevisionDiff revisionDiff(@NonNull @Id String articleId, int from, int to) {
        return revisions.diff(GraphQLIds.parse(articleId), from, to);
    }

    @Mutation
    @Description("Make the editable fields what they were at a revision (itself a new revision)")
    public ArticleView restoreRevision(@NonNull @Id String articleId, int number, Long expectedVersion) {
        return editor.restore(GraphQLIds.parse(articleId), number, ifMatch(expectedVersion));
    }

    static PageRequest page(int first, String after) {
        return PageRequest.parse(String.valueOf(first), after, null);
    }

    static String ifMatch(Long expectedVersion) {
        return expectedVersion == null ? null : ETags.of(expectedVersion);
    }
}
