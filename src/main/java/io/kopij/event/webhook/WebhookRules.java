package io.kopij.event.webhook;

import io.kopij.shared.text.LanguageTags;
import io.kopij.shared.error.FieldError;
import io.kopij.shared.error.InvalidInputException;
import io.kopij.shared.error.UnprocessableException;
import io.kopij.shared.text.Slugs;
import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/** What a webhook may subscribe to and where it may point; every problem is reported with its field. */
final class WebhookRules {

    static final Set<String> TYPES = Set.of(
            "article.created", "article.updated", "article.published", "article.scheduled", "article.unpublished",
            "article.archived", "article.deleted", "author.created", "author.updated", "author.deleted",
            "tag.created", "tag.updated", "tag.deleted", "asset.created", "asset.updated", "asset.deleted");
    private static final Set<String> WILDCARDS = Set.of("*", "article.*", "author.*", "tag.*", "asset.*");

    private WebhookRules() {
    }

    /** The event patterns, de-duplicated in order; unknown ones are a 400 naming each. */
    static List<String> events(List<String> patterns) {
        List<FieldError> errors = new ArrayList<>();
        for (int i = 0; i < patterns.size(); i++) {
            String pattern = patterns.get(i);
            if (!TYPES.contains(pattern) && !WILDCARDS.contains(pattern)) {
                errors.add(new FieldError("events[" + i + "]", "unknown event type; use e.g. article.published, "
                        + "article.* or *"));
            }
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException("request.invalid", "Unknown event types", errors);
        }
        return List.copyOf(new LinkedHashSet<>(patterns));
    }

    static List<String> tags(WebhookFilter filter) {
        List<String> tags = filter == null || filter.tags() == null ? List.of() : filter.tags();
        for (int i = 0; i < tags.size(); i++) {
            if (!Slugs.isValid(tags.get(i))) {
                throw InvalidInputException.field("filter.tags[" + i + "]", "must be a tag slug");
            }
        }
        return List.copyOf(new LinkedHashSet<>(tags));
    }

    static List<String> languages(WebhookFilter filter) {
        List<String> languages = filter == null || filter.languages() == null ? List.of() : filter.languages();
        for (int i = 0; i < languages.size(); i++) {
            if (!LanguageTags.isValid(languages.get(i))) {
                throw InvalidInputException.field("filter.languages[" + i + "]", "must be a BCP 47 language tag such as nl");
            }
        }
        return languages.stream().map(l -> l.toLowerCase(Locale.ROOT)).distinct().toList();
    }

    /** A well-formed URL whose host resolves only to addresses the guard allows. */
    static String url(String url, UrlGuard guard) {
        StringBuilder problem = new StringBuilder();
        Optional<URI> uri = UrlGuard.parse(url, problem);
        if (uri.isEmpty()) {
            throw InvalidInputException.field("url", problem.toString());
        }
        try {
            guard.check(uri.get());
        } catch (UrlGuard.Refused e) {
            throw new UnprocessableException("webhook.url-not-allowed", "Webhook target not allowed: " + e.getMessage(),
                    List.of(new FieldError("url", e.getMessage())));
        }
        return uri.get().toString();
    }
}
