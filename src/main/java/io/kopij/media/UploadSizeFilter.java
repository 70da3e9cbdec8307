package io.kopij.media;

import io.kopij.shared.web.Problem;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Optional;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Refuses a multipart upload whose declared length is over the media limit with a 413 problem before its body is
 * read. Uploads have their own limit (kopij.media.max-upload-size), far above the one for JSON bodies (the shared
 * body-size filter leaves multipart requests to this one); a body sent without a length is measured once received.
 */
public class UploadSizeFilter {

    /** Room for the multipart boundaries, part headers and the alt, caption and credit fields. */
    static final long FORM_OVERHEAD = 64 * 1024;

    private final long maxBytes;

    UploadSizeFilter(MediaConfig config) {
        this.maxBytes = config.maxUploadSize();
    }

    @ServerRequestFilter(preMatching = true)
    public Optional<Response> refuseOversized(ContainerRequestContext request) {
        if (MediaType.MULTIPART_FORM_DATA_TYPE.isCompatible(request.getMediaType())
                && request.getLength() > maxBytes + FORM_OVERHEAD) {
            AssetException tooLarge = AssetException.tooLarge(maxBytes);
            Problem problem = Problem.of(413, tooLarge.code(), tooLarge.title(), tooLarge.detail(),
                    request.getUriInfo().getPath(), List.of());
            return Optional.of(Response.status(413).type(Problem.MEDIA_TYPE).entity(problem).build());
        }
        return Optional.empty();
    }
}
