package io.kopij.media.rendition;

import io.kopij.media.AssetMapper;
import io.kopij.shared.web.Problem;
import io.quarkus.smallrye.openapi.OpenApiFilter;
import java.util.List;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.media.MediaType;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;

/** Documents the rendition route in the contract: it is a Vert.x route, which the OpenAPI scanner does not see. */
@OpenApiFilter(OpenApiFilter.RunStage.BUILD)
public class RenditionOpenApi implements OASFilter {

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        var operation = OASFactory.createOperation()
                .operationId("RenditionRoute_get")
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
                .responses(OASFactory.createAPIResponses()
                        .addAPIResponse("200", OASFactory.createAPIResponse()
                                .description("The image; Cache-Control: public, max-age=31536000, immutable, a strong "
                                        + "ETag and the cache tag asset:<id> (Surrogate-Key, xkey, Cache-Tag)")
                                .content(OASFactory.createContent()
                                        .addMediaType("image/jpeg", binary())
                                        .addMediaType("image/png", binary())
                                        .addMediaType("image/webp", binary())
                                        .addMediaType("image/gif", binary())))
                        .addAPIResponse("301", OASFactory.createAPIResponse()
                                .description("An older version: Location is the current version's URL"))
                        .addAPIResponse("304", OASFactory.createAPIResponse().description("If-None-Match matched"))
                        .addAPIResponse("400", problem("A parameter is unknown or not among the allowed values"))
                        .addAPIResponse("404", problem("No such asset"))
                        .addAPIResponse("503", problem("Too many renditions are being made; retry shortly")));
        openAPI.getPaths().addPathItem(AssetMapper.PATH + "/{id}/v{version}/{filename}",
                OASFactory.createPathItem().GET(operation));
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
