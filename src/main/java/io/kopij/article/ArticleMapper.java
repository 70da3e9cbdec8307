package io.kopij.article;

import io.kopij.author.Author;
import io.kopij.author.AuthorSummary;
import io.kopij.tag.Tag;
import io.kopij.tag.TagSummary;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/** Article entities into the records the APIs serve, and back into input (the base of a merge patch). */
@ApplicationScoped
public class ArticleMapper {

    /** The full article, body included; its image as {@link ArticleImages} answers it. */
    public ArticleView toView(Article article, ArticleImage image, List<RelatedArticleView> related) {
        return toView(article, image, related,
                new ArticleBody(article.bodyMarkdown, article.bodyHtml, article.bodyText));
    }

    /** With a body loaded separately (in one statement for many articles, see {@link ArticleRepository#bodiesOf}). */
    public ArticleView toView(Article article, ArticleImage image, List<RelatedArticleView> related,
            ArticleBody body) {
        return new ArticleView(article.id(), article.slug, article.title, article.lead, body,
                article.language, article.status, article.publishedAt, article.scheduledAt, article.createdAt(),
                article.updatedAt(), article.version(), article.wordCount, article.readingTimeMinutes,
                article.featured, image, seo(article),
                article.authors.stream().map(AuthorSummary::of).toList(),
                article.tags.stream().map(TagSummary::of).toList(),
                article.primaryTag().map(TagSummary::of).orElse(null),
                related);
    }

    public RelatedArticleView toRelated(Article article, ArticleImage image, String source) {
        return new RelatedArticleView(article.id(), article.slug, article.title, article.lead, article.status,
                article.publishedAt, image, source);
    }

    /** The article's editable state as input, the base a merge patch is applied to. */
    public ArticleInput toInput(Article article) {
        return new ArticleInput(article.title, article.lead, article.bodyMarkdown, article.language, article.slug,
                article.featured, ArticleImages.reference(article), seo(article),
                article.authors.stream().map(Author::id).map(Object::toString).toList(),
                article.tags.stream().map(Tag::slug).toList(),
                article.related.stream().map(Article::id).toList());
    }

    private static ArticleSeo seo(Article article) {
        return ArticleSeo.of(article.seoTitle, article.seoDescription, article.seoCanonicalUrl);
    }
}
