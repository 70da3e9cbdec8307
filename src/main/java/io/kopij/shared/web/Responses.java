package io.kopij.shared.web;

import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.Response;
import java.net.URI;

/**
 * The answers of single resources: the body with the resource's version as its ETag. HttpCaching completes the
 * tag of a read with the hash of the bytes sent; writes keep the bare version, which If-Match compares.
 */
public final class Responses {

    private Responses() {
    }

    public static Response ok(Object body, long version) {
        return Response.ok(body).tag(new EntityTag(String.valueOf(version))).build();
    }

    public static Response created(URI location, Object body, long version) {
        return Response.created(location).entity(body).tag(new EntityTag(String.valueOf(version))).build();
    }
}
