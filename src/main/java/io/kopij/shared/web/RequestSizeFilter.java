package io.kopij.shared.web;

import io.kopij.shared.config.KopijConfig;
import io.kopij.shared.error.KopijException;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Optional;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * One body limit for every JSON route ({@code kopij.max-request-body}), whatever the transfer encoding: a body that
 * announces a larger length is refused before it is read, and a body without a length (chunked) is counted as it
 * is read and refused at the first byte over the limit. Both answer 413 with a problem body. Multipart uploads are
 * left to the media feature's own limit; the HTTP layer's (quarkus.http.limits.max-body-size) is sized for them.
 */
public class RequestSizeFilter {

    private final long maxBytes;

    RequestSizeFilter(KopijConfig config) {
        this.maxBytes = config.maxRequestBody();
    }

    @ServerRequestFilter(preMatching = true)
    public Optional<Response> refuseOversized(ContainerRequestContext request) {
        MediaType type;
        try {
            type = request.getMediaType();
        } catch (IllegalArgumentException malformed) {
            if (!request.hasEntity()) {
                return Optional.empty(); // a body-less request's content type does not matter
            }
            return Optional.of(ProblemMappers.response(Problem.of(415, "request.unsupported-media-type",
                    "Unsupported media type", "The Content-Type header is not a valid media type; send "
                            + ProblemMappers.expectedMediaType(request.getMethod(), request.getUriInfo().getPath()),
                    request.getUriInfo().getPath(), List.of())));
        }
        // Multipart bodies are file uploads: they have their own, larger limit (kopij.media.max-upload-size), are
        // streamed to a file by the HTTP layer and never parsed as JSON.
        if (type != null && type.isCompatible(MediaType.MULTIPART_FORM_DATA_TYPE)) {
            return Optional.empty();
        }
        if (request.getLength() > maxBytes) {
            Problem problem = Problem.of(413, "request.too-large", "Content too large",
                    "The request body has " + request.getLength() + " bytes; the limit is " + maxBytes,
                    request.getUriInfo().getPath(), List.of());
            return Optional.of(ProblemMappers.response(problem));
        }
        if (request.getLength() < 0 && request.hasEntity()) {
            request.setEntityStream(new LimitedInputStream(request.getEntityStream(), maxBytes));
        }
        return Optional.empty();
    }

    /** Counts what is read and stops at the limit with the same 413 a body with a length gets. */
    static final class LimitedInputStream extends FilterInputStream {

        private final long limit;
        private long read;

        LimitedInputStream(InputStream in, long limit) {
            super(in);
            this.limit = limit;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            count(b < 0 ? 0 : 1);
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = super.read(buffer, offset, length);
            count(Math.max(n, 0));
            return n;
        }

        private void count(int n) {
            read += n;
            if (read > limit) {
                throw new KopijException(413, "request.too-large", "Content too large",
                        "The request body is larger than " + limit + " bytes");
            }
        }
    }
}
