package io.kopij.article;

import io.kopij.media.AssetChanged;
import io.kopij.media.AssetImage;
import io.kopij.media.AssetImages;
import io.kopij.media.AssetUsage;
import io.kopij.shared.error.FieldError;
import io.kopij.shared.error.InvalidInputException;
import io.kopij.shared.error.UnprocessableException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Articles' images and the media feature: what an article's image reference becomes in answers (from its asset,
 * looked up for a whole page of articles in one statement), which references can be written, the rule that a
 * published or scheduled article's image has alt text, and how often articles use an asset (deleting an asset in
 * use is refused). Media knows nothing of articles: it asks every {@link AssetUsage} and fires {@link AssetChanged}.
 */
@ApplicationScoped
public class ArticleImages implements AssetUsage {

    static final String ALT_REQUIRED = "article.image-alt-required";

    private final AssetImages assets;
    private final ArticleRepository articles;

    ArticleImages(AssetImages assets, ArticleRepository articles) {
        this.assets = assets;
        this.articles = articles;
    }

    /** An article's image reference as stored; null without an image. */
    static ArticleImageInput reference(Article article) {
        return ArticleImageInput.stored(article.imageAssetId, article.imageUrl, article.imageAlt, article.imageCaption);
    }

    /** The image answer of one reference (null for none): at most one statement. */
    public ArticleImage of(ArticleImageInput reference) {
        Map<Integer, ArticleImage> one = of(reference == null ? Map.of() : Map.of(0, reference));
        return one.get(0);
    }

    /**
     * The image answers of many references (keyed by anything, e.g. article ids), with one statement for all the
     * assets among them and none when there are none. A reference to an asset that no longer exists (deleted in a
     * race the foreign key lost) has no image.
     */
    public <K> Map<K, ArticleImage> of(Map<K, ArticleImageInput> references) {
        Set<UUID> ids = new LinkedHashSet<>();
        references.values().forEach(ref -> {
            if (ref != null && ref.assetId() != null) {
                ids.add(ref.assetId());
            }
        });
        Map<UUID, AssetImage> found = ids.isEmpty() ? Map.of() : assets.images(ids);
        Map<K, ArticleImage> images = new HashMap<>();
        references.forEach((key, ref) -> {
            if (ref == null) {
                return;
            }
            if (ref.assetId() == null) {
                images.put(key, ArticleImage.external(ref));
                return;
            }
            AssetImage asset = found.get(ref.assetId());
            if (asset != null) {
                images.put(key, new ArticleImage(asset.id(), asset.url(), asset.width(), asset.height(),
                        asset.srcset(), ref.alt() != null ? ref.alt() : asset.alt(),
                        ref.caption() != null ? ref.caption() : asset.caption(), asset.credit()));
            }
        });
        return images;
    }

    /**
     * A reference that can be written: exactly one of asset and URL (else 400), and an asset that exists and is an
     * image (else 422 {@code article.invalid-image}).
     */
    void check(ArticleImageInput image) {
        if (image == null) {
            return;
        }
        boolean hasUrl = image.url() != null && !image.url().isBlank();
        if ((image.assetId() != null) == hasUrl) {
            throw InvalidInputException.field("image", "give exactly one of assetId and url");
        }
        if (image.assetId() != null && !assets.isImage(image.assetId())) {
            throw new UnprocessableException("article.invalid-image", "The image cannot be used",
                    List.of(new FieldError("image.assetId", "no image asset with id " + image.assetId())));
        }
    }

    /** Whether a revision's image can still be restored: external, or its asset still exists. */
    boolean restorable(ArticleImageInput image) {
        return image == null || image.assetId() == null || assets.isImage(image.assetId());
    }

    /**
     * Readers who cannot see the image get its alt text: an article with an image is published (now or on
     * schedule) only when the image has alt text, its own or its asset's. 422 {@code article.image-alt-required}.
     */
    void requireAlt(Article article) {
        ArticleImageInput reference = reference(article);
        if (reference == null || hasText(reference.alt())) {
            return;
        }
        ArticleImage image = of(reference);
        if (image == null || !hasText(image.alt())) {
            throw altRequired("Add alt text to the image (the article's own, or the asset's) before publishing");
        }
    }

    /**
     * An asset whose alt text is removed while published or scheduled articles show it without alt text of their
     * own: refused, in the asset's write transaction, as publishing such an article would be.
     */
    void onAssetChanged(@Observes AssetChanged change) {
        if (change.kind() != AssetChanged.Kind.UPDATED || !change.changed().contains("alt")) {
            return;
        }
        if (articles.countShowingWithoutOwnAlt(change.assetId()) > 0
                && assets.images(List.of(change.assetId())).values().stream().noneMatch(i -> hasText(i.alt()))) {
            throw altRequired("Published or scheduled articles show this image without alt text of their own; "
                    + "give them alt text before removing the asset's");
        }
    }

    @Override
    public long usesOf(UUID assetId) {
        return articles.count("imageAssetId", assetId);
    }

    private static UnprocessableException altRequired(String detail) {
        return new UnprocessableException(ALT_REQUIRED, detail, List.of(new FieldError("image.alt", "is required")));
    }

    private static boolean hasText(String value) {
        return value != null && !value.isBlank();
    }
}
