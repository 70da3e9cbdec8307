package io.kopij.event.sync;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.kopij.shared.text.LanguageTags;
import io.kopij.shared.error.FieldError;
import io.kopij.shared.error.InvalidInputException;
import io.kopij.shared.text.Slugs;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.UUID;

/**
 * Where a sync client stands, carried opaquely in its URLs (base64url JSON): the filter it chose, and either a
 * page of the initial listing or a range of outbox positions. Nothing in it is secret (it only selects published
 * content), but everything is checked: a token this API did not issue is a 400, never a 500.
 *
 * @param initial true while walking the initial listing ({@code cursor} is the article list cursor), false for
 *                changes ({@code after}: the last article id of the previous page of this pass)
 * @param from    changes after this position (initial: where the changes begin once the listing is done)
 * @param upto    the end of this pass of changes, fixed by its first page (null: the first page fixes it)
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
record SyncToken(
        @JsonProperty("v") int version,
        @JsonProperty("i") boolean initial,
        @JsonProperty("f") long from,
        @JsonProperty("u") Long upto,
        @JsonProperty("c") String cursor,
        @JsonProperty("a") UUID after,
        @JsonProperty("t") List<String> tags,
        @JsonProperty("l") String language,
        @JsonProperty("n") int limit) {

    static final int VERSION = 1;

    SyncToken {
        tags = tags == null ? List.of() : List.copyOf(tags);
    }

    static SyncToken initial(long from, String cursor, List<String> tags, String language, int limit) {
        return new SyncToken(VERSION, true, from, null, cursor, null, tags, language, limit);
    }

    static SyncToken changes(long from, Long upto, UUID after, List<String> tags, String language, int limit) {
        return new SyncToken(VERSION, false, from, upto, null, after, tags, language, limit);
    }

    String encode(ObjectMapper json) {
        try {
            return Base64.getUrlEncoder().withoutPadding().encodeToString(json.writeValueAsBytes(this));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    static SyncToken decode(String token, ObjectMapper json) {
        SyncToken decoded;
        try {
            byte[] raw = Base64.getUrlDecoder().decode(token.trim());
            decoded = json.readerFor(SyncToken.class).with(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                    .readValue(new String(raw, StandardCharsets.UTF_8));
        } catch (IllegalArgumentException | IOException e) {
            throw invalid();
        }
        if (decoded == null || decoded.version != VERSION || decoded.from < 0 || decoded.limit < 1 || decoded.limit > 100
                || (decoded.upto != null && decoded.upto < decoded.from) || (decoded.initial && decoded.after != null)
                || (!decoded.initial && decoded.cursor != null) || decoded.tags.size() > 20
                || decoded.tags.stream().anyMatch(t -> !Slugs.isValid(t))
                || (decoded.language != null && !LanguageTags.isValid(decoded.language))) {
            throw invalid();
        }
        return decoded;
    }

    static InvalidInputException invalid() {
        return new InvalidInputException("sync.invalid-token", "Invalid sync token: it is not one this API issued",
                List.of(new FieldError("token", "is not a sync token this API issued; start again with initial=true")));
    }
}
