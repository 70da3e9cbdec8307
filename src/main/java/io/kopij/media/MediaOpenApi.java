package io.kopij.media;

import io.kopij.shared.web.Problem;
import io.quarkus.smallrye.openapi.OpenApiFilter;
import java.util.List;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.headers.Header;
import org.eclipse.microprofile.openapi.models.media.MediaType;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;

/**
 * The media feature's part of the contract: the rendition route (a Vert.x route, which the OpenAPI scanner does not
 * see), documented whole here with its caching headers, and the upload operation tidied (its form is the
 * AssetUploadRequest schema alone, and it needs a bearer token like every other write).
 */
@OpenApiFilter(OpenApiFilter.RunStage.BUILD)
public class MediaOpenApi implements OASFilter {

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        tidyUpload(openAPI);
        var operation = OASFactory.createOperation()
                .operationId("getAssetImage")
                .summary("The image without metadata, or a rendition of it (public, cacheable for ever)")
                .description("Without parameters: the uploaded image with EXIF, XMP, GPS and comments removed "
                        + "(and the camera's orientation applied). With w, h, fit, fm, q: a rendition, made once and "
                        + "stored. w, h and q must be among the asset's widths, heights and qualities. An older "
                        + "version in the path answers 301 to the current one.")
                .tags(List.of("Assets"))
                .addParameter(path("id", "The asset id", Schema.SchemaType.STRING, "uuid"))
                .addParameter(path("version", "The render version, as in the asset's url", Schema.SchemaType.INTEGER,
                        null))
                .addParameter(path("filename", "Cosmetic: fm decides the format", Schema.SchemaType.STRING, null))
                .addParameter(query("w", "Width in pixels, one of the asset's widths", true))
                .addParameter(query("h", "Height in pixels, one of the asset's heights", true))
                .addParameter(query("fit", "cover (default; crops around the focal point) or contain", false))
                .addParameter(query("fm", "jpeg, png or webp (default: the original's format; PNG for GIF)", false))
                .addParameter(query("q", "Quality for JPEG and WebP, one of the asset's qualities", true))
                .addParameter(OASFactory.createParameter().name("If-None-Match").in(Parameter.In.HEADER)
                        .description("An ETag you hold; a match answers 304 without a body")
                        .schema(OASFactory.createSchema().type(List.of(Schema.SchemaType.STRING))))
                .responses(OASFactory.createAPIResponses()
                        .addAPIResponse("200", OASFactory.createAPIResponse()
                                .description("The image, without metadata")
                                .content(OASFactory.createContent()
                                        .addMediaType("image/jpeg", binary())
                                        .addMediaType("image/png", binary())
                                        .addMediaType("image/webp", binary())
                                        .addMediaType("image/gif", binary()))
                                .addHeader("Cache-Control", header("public, max-age=31536000, immutable"))
                                .addHeader("ETag", header("Strong validator of these bytes"))
                                .addHeader("Surrogate-Key", header("The cache tag asset:<id> (also as xkey and "
                                        + "Cache-Tag), to purge every rendition of an asset at once")))
                        .addAPIResponse("301", OASFactory.createAPIResponse()
                                .description("An older version: Location is the current version's URL")
                                .addHeader("Location", header("The same rendition of the current version")))
                        .addAPIResponse("304", OASFactory.createAPIResponse()
                                .description("Not modified: the If-None-Match ETag still matches")
                                .addHeader("ETag", header("The unchanged ETag")))
                        .addAPIResponse("400", problem("A parameter is unknown or not among the allowed values"))
                        .addAPIResponse("404", problem("No such asset"))
                        .addAPIResponse("500", problem("Unexpected error; quote the correlationId"))
                        .addAPIResponse("503", problem("Too many renditions are being made, or the database is "
                                + "unavailable; retry after Retry-After seconds")
                                .addHeader("Retry-After", header("Seconds to wait before retrying"))));
        operation.addSecurityRequirement(OASFactory.createSecurityRequirement());
        openAPI.getPaths().addPathItem(AssetMapper.PATH + "/{id}/v{version}/{filename}",
                OASFactory.createPathItem().GET(operation));
    }

    /** The upload form is the AssetUploadRequest schema alone, and the upload needs a bearer token. */
    private static void tidyUpload(OpenAPI openAPI) {
        var item = openAPI.getPaths() == null ? null : openAPI.getPaths().getPathItem(AssetMapper.PATH);
        if (item == null || item.getPOST() == null) {
            return;
        }
        var upload = item.getPOST();
        var form = upload.getRequestBody().getContent().getMediaType("multipart/form-data");
        form.schema(OASFactory.createSchema().ref("#/components/schemas/AssetUploadRequest"));
        upload.security(List.of(OASFactory.createSecurityRequirement().addScheme("bearer")));
    }

    private static Header header(String description) {
        return OASFactory.createHeader().description(description)
                .schema(OASFactory.createSchema().type(List.of(Schema.SchemaType.STRING)));
    }

    private static Parameter path(String name, String description, Schema.SchemaType type, String format) {
        return OASFactory.createParameter().name(name).in(Parameter.In.PATH).required(true).description(description)
                .schema(OASFactory.createSchema().type(List.of(type)).format(format));
    }

    private static Parameter query(String name, String description, boolean integer) {
        return OASFactory.createParameter().name(name).in(Parameter.In.QUERY).description(description)
                .schema(OASFactory.createSchema().type(List.of(integer ? Schema.SchemaType.INTEGER
                        : Schema.SchemaType.STRING)));
    }

    private static MediaType binary() {
        return OASFactory.createMediaType().schema(OASFactory.createSchema()
                .type(List.of(Schema.SchemaType.STRING)).format("binary"));
    }

    private static APIResponse problem(String description) {
        return OASFactory.createAPIResponse().description(description).content(OASFactory.createContent()
                .addMediaType(Problem.MEDIA_TYPE, OASFactory.createMediaType()
                        .schema(OASFactory.createSchema().ref("#/components/schemas/Problem"))));
    }
}
