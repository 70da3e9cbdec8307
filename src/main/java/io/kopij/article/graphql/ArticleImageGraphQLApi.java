package io.kopij.article.graphql;

import io.kopij.article.ArticleImage;
import io.kopij.media.AssetImages;
import io.kopij.media.RenditionFormat;
import io.kopij.shared.error.InvalidInputException;
import io.kopij.shared.graphql.TranslateErrors;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.Name;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Source;

/**
 * {@code Image.url(width, format)}: a rendition URL for the size and format a client needs. The images of a page of
 * articles arrive here already built from their assets (one statement for the whole page, in the services), so
 * this resolver only computes a URL: no statement at all. It is deliberately not a batch ({@code @Source List}):
 * SmallRye hands a batch the arguments of its first use, so {@code small: url(width: 320) large: url(width: 1280)}
 * in one query would both get 320.
 */
@GraphQLApi
@TranslateErrors
public class ArticleImageGraphQLApi {

    /** Widest rendition a client may name; larger asks are refused rather than silently capped. */
    static final int MAX_WIDTH = 10_000;

    private final AssetImages assets;

    ArticleImageGraphQLApi(AssetImages assets) {
        this.assets = assets;
    }

    @Name("url")
    @Description("The image, or a rendition of it: `width` picks the smallest allowed rendition width at least as "
            + "wide (never wider than the picture itself), `format` the encoding. An external image is returned "
            + "as it is.")
    public @NonNull String url(@Source ArticleImage image,
            @Description("Wanted width in pixels") Integer width,
            @Description("Wanted format; default the original's") RenditionFormat format) {
        if (width != null && (width < 1 || width > MAX_WIDTH)) {
            throw InvalidInputException.field("width", "must be between 1 and " + MAX_WIDTH);
        }
        return image.assetId() == null || image.width() == null ? image.url()
                : assets.url(image.url(), image.width(), width, format);
    }
}
