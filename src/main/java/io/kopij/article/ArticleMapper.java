package io.kopij.article;

import io.kopij.author.Author;
import io.kopij.author.AuthorSummary;
import io.kopij.tag.Tag;
import io.kopij.tag.TagSummary;
import jakarta.enterprise.context.ApplicationScoped;

@ApplicationScoped
public class ArticleMapper {

    public ArticleView toView(Article article, java.util.List<RelatedArticleView> related) {
        return toView(article, related, true);
    }

    /** Without the body, the view of a list row costs no extra statement (GraphQL loads bodies in batches). */
    public ArticleView toView(Article article, java.util.List<RelatedArticleView> related, boolean withBody) {
        return toView(article, related,
                withBody ? new ArticleBody(article.bodyMarkdown, article.bodyHtml, article.bodyText) : null);
    }

    /** With a body loaded separately (in one statement for many articles, see ArticleService#bodiesOf). */
    public ArticleView toView(Article article, java.util.List<RelatedArticleView> related, ArticleBody body) {
        return new ArticleView(article.id(), article.slug, article.title, article.lead, body,
                article.language, article.status, article.publishedAt, article.scheduledAt, article.createdAt(),
                article.updatedAt(), article.version(), article.wordCount, article.readingTimeMinutes,
                article.featured, image(article), seo(article),
                article.authors.stream().map(AuthorSummary::of).toList(),
                article.tags.stream().map(TagSummary::of).toList(),
                article.primaryTag().map(TagSummary::of).orElse(null),
                related);
    }

    public ArticleSummary toSummary(Article article) {
        return toSummary(article, null);
    }

    public ArticleSummary toSummary(Article article, String highlight) {
        return new ArticleSummary(article.id(), article.slug, article.title, article.lead, article.language,
                article.status, article.publishedAt, article.updatedAt(), article.featured, image(article),
                article.readingTimeMinutes,
                article.authors.stream().map(AuthorSummary::of).toList(),
                article.tags.stream().map(TagSummary::of).toList(),
                highlight);
    }

    public RelatedArticleView toRelated(Article article, String source) {
        return new RelatedArticleView(article.id(), article.slug, article.title, article.lead, article.status,
                article.publishedAt, image(article), source);
    }

    /** The article's editable state as input, the base a merge patch is applied to. */
    public ArticleInput toInput(Article article) {
        return new ArticleInput(article.title, article.lead, article.bodyMarkdown, article.language, article.slug,
                article.featured, image(article), seo(article),
                article.authors.stream().map(Author::id).map(Object::toString).toList(),
                article.tags.stream().map(Tag::slug).toList(),
                article.related.stream().map(Article::id).toList());
    }

    private static ArticleImage image(Article article) {
        return article.imageUrl == null ? null
                : new ArticleImage(article.imageUrl, article.imageAlt, article.imageCaption);
    }

    private static ArticleSeo seo(Article article) {
        if (article.seoTitle == null && article.seoDescription == null && article.seoCanonicalUrl == null) {
            return null;
        }
        return new ArticleSeo(article.seoTitle, article.seoDescription, article.seoCanonicalUrl);
    }
}
