package io.kopij.shared.web;

import io.quarkus.smallrye.openapi.OpenApiFilter;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;

/**
 * Completes the generated OpenAPI contract so that generated clients need no workarounds: every answer a client can
 * get (problems, 304, 301, 412, 428, 503 with their headers), and schemas that say exactly what is always there,
 * what may be null, and that objects may grow (see {@link OpenApiResponses} and {@link OpenApiShapes}).
 */
@OpenApiFilter(OpenApiFilter.RunStage.BUILD)
public class OpenApiContract implements OASFilter {

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        OpenApiResponses.document(openAPI);
        OpenApiShapes.apply(openAPI);
    }
}
