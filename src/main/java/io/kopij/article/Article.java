package io.kopij.article;

import io.kopij.author.Author;
import io.kopij.shared.error.ConflictException;
import io.kopij.shared.persistence.AuditedEntity;
import io.kopij.article.body.RenderedBody;
import io.kopij.tag.Tag;
import jakarta.persistence.Basic;
import jakarta.persistence.Column;
import jakarta.persistence.FetchType;
import jakarta.persistence.Entity;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.JoinTable;
import jakarta.persistence.ManyToMany;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The aggregate root of the editorial model. The body is stored as Markdown together with its rendered HTML and
 * text, so reads never render. Authors, tags and related links are ordered join tables.
 */
@Entity
@Table(name = "article")
public class Article extends AuditedEntity {

    @Column(nullable = false, length = 96)
    String slug;

    @Column(nullable = false, length = 200)
    String title;

    @Column(length = 1000)
    String lead;

    // The body in its three forms is most of a row's bytes and no list shows it: loaded only when read (one
    // statement for all three), so list pages do not carry ~10 kB per article they do not use.
    @Basic(fetch = FetchType.LAZY)
    @Column(name = "body_markdown", nullable = false, columnDefinition = "text")
    String bodyMarkdown = "";

    @Basic(fetch = FetchType.LAZY)
    @Column(name = "body_html", nullable = false, columnDefinition = "text")
    String bodyHtml = "";

    @Basic(fetch = FetchType.LAZY)
    @Column(name = "body_text", nullable = false, columnDefinition = "text")
    String bodyText = "";

    @Column(nullable = false, length = 35)
    String language = "nl";

    @Column(nullable = false, length = 16)
    ArticleStatus status = ArticleStatus.DRAFT;

    @Column(name = "published_at")
    Instant publishedAt;

    @Column(name = "scheduled_at")
    Instant scheduledAt;

    @Column(nullable = false)
    boolean featured;

    @Column(name = "word_count", nullable = false)
    int wordCount;

    @Column(name = "reading_time_minutes", nullable = false)
    int readingTimeMinutes;

    /** An uploaded image (media feature); exclusive with {@link #imageUrl}. */
    @Column(name = "image_asset_id")
    UUID imageAssetId;

    @Column(name = "image_url", length = 2048)
    String imageUrl;

    @Column(name = "image_alt", length = 500)
    String imageAlt;

    @Column(name = "image_caption", length = 1000)
    String imageCaption;

    @Column(name = "seo_title", length = 200)
    String seoTitle;

    @Column(name = "seo_description", length = 500)
    String seoDescription;

    @Column(name = "seo_canonical_url", length = 2048)
    String seoCanonicalUrl;

    @ManyToMany
    @JoinTable(name = "article_author",
            joinColumns = @JoinColumn(name = "article_id"),
            inverseJoinColumns = @JoinColumn(name = "author_id"))
    @OrderColumn(name = "position")
    List<Author> authors = new ArrayList<>();

    /** The first tag is the primary tag. */
    @ManyToMany
    @JoinTable(name = "article_tag",
            joinColumns = @JoinColumn(name = "article_id"),
            inverseJoinColumns = @JoinColumn(name = "tag_id"))
    @OrderColumn(name = "position")
    List<Tag> tags = new ArrayList<>();

    /** "Lees ook" links, in the editor's order. Links to unpublished articles are kept but hidden from readers. */
    @ManyToMany
    @JoinTable(name = "article_related",
            joinColumns = @JoinColumn(name = "article_id"),
            inverseJoinColumns = @JoinColumn(name = "related_id"))
    @OrderColumn(name = "position")
    List<Article> related = new ArrayList<>();

    protected Article() {
    }

    Article(String slug, String title) {
        this.slug = slug;
        this.title = title;
    }

    void setBody(RenderedBody body) {
        this.bodyMarkdown = body.markdown();
        this.bodyHtml = body.html();
        this.bodyText = body.text();
        this.wordCount = body.wordCount();
        this.readingTimeMinutes = body.readingTimeMinutes();
    }

    /** Replaces an ordered relation unless it already holds exactly these, in this order (then nothing is written). */
    static <T extends AuditedEntity> void replace(List<T> relation, List<T> wanted) {
        if (!sameIds(relation, wanted)) {
            relation.clear();
            relation.addAll(wanted);
        }
    }

    /** Publishes now. publishedAt records the first publication and is kept on later ones. */
    void publish(Instant now) {
        if (status != ArticleStatus.DRAFT && status != ArticleStatus.SCHEDULED) {
            throw invalidTransition("publish");
        }
        status = ArticleStatus.PUBLISHED;
        scheduledAt = null;
        if (publishedAt == null) {
            publishedAt = now;
        }
    }

    /** Schedules publication; the scheduler publishes it at {@code at}. */
    void schedule(Instant at) {
        if (status != ArticleStatus.DRAFT && status != ArticleStatus.SCHEDULED) {
            throw invalidTransition("schedule");
        }
        status = ArticleStatus.SCHEDULED;
        scheduledAt = at;
    }

    void unpublish() {
        if (status == ArticleStatus.DRAFT) {
            throw invalidTransition("unpublish");
        }
        status = ArticleStatus.DRAFT;
        scheduledAt = null;
    }

    void archive() {
        if (status != ArticleStatus.PUBLISHED) {
            throw invalidTransition("archive");
        }
        status = ArticleStatus.ARCHIVED;
    }

    private ConflictException invalidTransition(String action) {
        return new ConflictException("article.invalid-transition", "Invalid status transition",
                "Cannot " + action + " an article that is " + status.wireName());
    }

    public boolean isPublished() {
        return status == ArticleStatus.PUBLISHED;
    }

    public boolean wasEverPublished() {
        return publishedAt != null;
    }

    private static boolean sameIds(List<? extends AuditedEntity> current, List<? extends AuditedEntity> wanted) {
        if (current.size() != wanted.size()) {
            return false;
        }
        for (int i = 0; i < current.size(); i++) {
            if (!current.get(i).id().equals(wanted.get(i).id())) {
                return false;
            }
        }
        return true;
    }

    public Optional<Tag> primaryTag() {
        return tags.isEmpty() ? Optional.empty() : Optional.of(tags.get(0));
    }

    public String slug() {
        return slug;
    }

    public String title() {
        return title;
    }

    public ArticleStatus status() {
        return status;
    }

    public List<Author> authors() {
        return List.copyOf(authors);
    }

    public List<Tag> tags() {
        return List.copyOf(tags);
    }

    public List<Article> related() {
        return List.copyOf(related);
    }
}
