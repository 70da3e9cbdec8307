package io.kopij.author;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/me")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Me")
@SecurityRequirement(name = "bearer")
public class MeResource {

    private final AuthorService service;

    MeResource(AuthorService service) {
        this.service = service;
    }

    @GET
    @Operation(operationId = "getMe", summary = "The caller's roles and author profile")
    public MeView me() {
        return service.me();
    }
}
