package io.kopij.article.graphql;

import io.kopij.article.ArticleEditor;
import io.kopij.article.ArticleView;
import io.kopij.article.revision.RevisionDiff;
import io.kopij.article.revision.RevisionService;
import io.kopij.article.revision.RevisionSummary;
import io.kopij.article.revision.RevisionView;
import io.kopij.shared.graphql.GraphQLIds;
import io.kopij.shared.graphql.TranslateErrors;
import io.kopij.shared.paging.PageRequest;
import java.util.List;
import org.eclipse.microprofile.graphql.DefaultValue;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Mutation;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Query;

/** Revisions over GraphQL: the same services and rules as /api/v1/articles/{id}/revisions. */
@GraphQLApi
@TranslateErrors
public class RevisionGraphQLApi {

    private final RevisionService revisions;
    private final ArticleEditor editor;

    RevisionGraphQLApi(RevisionService revisions, ArticleEditor editor) {
        this.revisions = revisions;
        this.editor = editor;
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
        return editor.restore(GraphQLIds.parse(articleId), number, ArticleGraphQLApi.ifMatch(expectedVersion));
    }
}
