package io.kopij.event.sync;

import io.kopij.shared.text.LanguageTags;
import io.kopij.shared.error.InvalidInputException;
import io.kopij.shared.paging.PageRequest;
import io.kopij.shared.text.Slugs;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;
import java.util.Arrays;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponseSchema;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Delta sync for mobile apps: the REST adapter of {@link SyncService}. */
@Path("/api/v1/sync")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Sync", description = "Delta sync of published content for offline apps")
public class SyncResource {

    private final SyncService service;

    SyncResource(SyncService service) {
        this.service = service;
    }

    @GET
    @Operation(operationId = "syncArticles", summary = "Delta sync of published articles",
            description = "Start with `initial=true` (optional `tag` slugs, comma = any of, `lang`, `limit`), follow "
                    + "`nextPageUrl` while present, keep `nextSyncUrl` of the last page and call it later for what "
                    + "changed since: changed articles as they are now in `items`, removed ones in `deleted`. The "
                    + "token carries the filter. A token older than the event retention answers 410 "
                    + "(`sync.token-expired`): start again.")
    @APIResponseSchema(value = SyncPage.class, responseCode = "200")
    @APIResponse(responseCode = "410", description = "The token is older than the event retention; start again",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(ref = "Problem")))
    public SyncPage sync(
            @Parameter(description = "true to start a sync") @QueryParam("initial") String initial,
            @Parameter(description = "From a nextPageUrl or nextSyncUrl; carries the filter") @QueryParam("token") String token,
            @Parameter(description = "Tag slugs, comma = any of (initial only)") @QueryParam("tag") String tag,
            @Parameter(description = "BCP 47 language (initial only)") @QueryParam("lang") String lang,
            @Parameter(description = "Articles per page, 1-100, default 20 (initial only)") @QueryParam("limit") String limit,
            UriInfo uri) {
        SyncService.Result result;
        if (token != null) {
            if (initial != null || tag != null || lang != null || limit != null) {
                throw InvalidInputException.field("token", "cannot be combined with initial, tag, lang or limit: "
                        + "the token carries them");
            }
            result = service.next(token);
        } else {
            if (!"true".equals(initial)) {
                throw InvalidInputException.field("initial", "start with initial=true, then follow the URLs");
            }
            result = service.initial(tags(tag), language(lang), PageRequest.parse(limit, null, null).limit());
        }
        return new SyncPage(result.items(), result.deleted(), url(uri, result.nextPageToken()),
                url(uri, result.nextSyncToken()));
    }

    private static List<String> tags(String tag) {
        if (tag == null) {
            return List.of();
        }
        List<String> tags = Arrays.stream(tag.split(",")).map(String::trim).filter(t -> !t.isEmpty()).distinct().toList();
        if (tags.isEmpty() || tags.size() > 20 || tags.stream().anyMatch(t -> !Slugs.isValid(t))) {
            throw InvalidInputException.field("tag", "must be up to 20 tag slugs, comma separated");
        }
        return tags;
    }

    private static String language(String lang) {
        if (lang != null && !LanguageTags.isValid(lang)) {
            throw InvalidInputException.field("lang", "must be a BCP 47 language tag such as nl or en");
        }
        return lang;
    }

    private static String url(UriInfo uri, String token) {
        return token == null ? null
                : uri.getBaseUriBuilder().path("api/v1/sync").queryParam("token", token).build().toString();
    }
}
