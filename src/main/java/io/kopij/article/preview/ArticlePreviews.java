package io.kopij.article.preview;

import io.kopij.article.ArticleAccess;
import io.kopij.article.ArticleReader;
import io.kopij.article.ArticleView;
import io.kopij.shared.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.UUID;

/** Draft previews for headless front-ends: a signed token lets a front-end read one article of any status. */
@ApplicationScoped
public class ArticlePreviews {

    private final PreviewTokens tokens;
    private final ArticleAccess access;
    private final ArticleReader reader;

    ArticlePreviews(PreviewTokens tokens, ArticleAccess access, ArticleReader reader) {
        this.tokens = tokens;
        this.access = access;
        this.reader = reader;
    }

    /** A preview token for one article: for editors, and for the article's own authors. */
    @Transactional
    @RolesAllowed({Roles.AUTHOR, Roles.EDITOR, Roles.ADMIN})
    public PreviewToken mint(UUID id) {
        return tokens.mint(access.loadOwn(id, "Authors may preview only their own articles").id());
    }

    /** Reads an article of any status with a valid preview token for it, without a signed-in user. */
    @Transactional
    public ArticleView read(UUID id, String token) {
        tokens.verify(token, id);
        return reader.view(access.load(id));
    }
}
