package io.kopij.shared.graphql;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import graphql.language.Document;
import graphql.parser.InvalidSyntaxException;
import graphql.parser.Parser;
import graphql.parser.ParserEnvironment;
import graphql.parser.ParserOptions;
import io.kopij.shared.config.KopijConfig;

/**
 * Query texts parsed within the configured token and length limits, held with their documents: a front-end sends
 * the same few queries over and over, and parsing one is a tenth of a small query's CPU. Documents are immutable,
 * so one is shared by every request that sends the same text; a text that does not parse is not kept.
 */
final class ParsedQueries {

    /** How much query text is kept, in characters. */
    static final long MAX_CHARACTERS = 256 * 1024;

    private final Cache<String, Document> parsed = Caffeine.newBuilder().maximumWeight(MAX_CHARACTERS)
            .weigher((String query, Document document) -> query.length()).build();
    private final ParserOptions options;

    ParsedQueries(KopijConfig.GraphQL config) {
        this.options = ParserOptions.getDefaultOperationParserOptions().transform(o -> o
                .maxTokens(config.maxTokens()).maxCharacters(config.maxQueryLength()).maxRuleDepth(200));
    }

    /** The document of {@code query}; throws {@link InvalidSyntaxException} for a text that does not parse. */
    Document parse(String query) {
        // A mapping that throws records nothing, so text that does not parse is not kept.
        return parsed.get(query, text -> Parser.parse(ParserEnvironment.newParserEnvironment().document(text)
                .parserOptions(options).build()));
    }
}
