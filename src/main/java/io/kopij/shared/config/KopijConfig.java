package io.kopij.shared.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * Kopij's own settings. Every key is listed, with its default, in README.md's configuration table. Settings of
 * the embedded PostgreSQL and of the dev-mode Keycloak live with them (EmbeddedPostgresConfig, DevKeycloakConfig).
 */
@ConfigMapping(prefix = "kopij")
public interface KopijConfig {

    GraphQL graphql();

    Scheduler scheduler();

    Cache cache();

    Preview preview();

    Security security();

    /** Largest request body in bytes; larger ones get a 413 problem. */
    @WithDefault("1048576")
    long maxRequestBody();

    /** Abuse limits of /graphql. A query over any of them is refused before it runs. */
    interface GraphQL {

        /** Longest query text, in characters. */
        @WithDefault("10000")
        int maxQueryLength();

        /** Most tokens (names, punctuation, values) in a query; parsing stops there. */
        @WithDefault("5000")
        int maxTokens();

        /** Deepest nesting of selections (introspection fields are exempt; their cost still counts). */
        @WithDefault("10")
        int maxDepth();

        /** Highest cost: every field costs 1, and a paged field multiplies its selections by its page size. */
        @WithDefault("5000")
        int maxCost();

        /** Most aliases in one query (aliases let one request repeat expensive fields). */
        @WithDefault("20")
        int maxAliases();

        /** Most root fields in one query. */
        @WithDefault("10")
        int maxRootFields();
    }

    interface Scheduler {

        /** How often due scheduled articles are published (a Quarkus duration such as 5s). */
        @WithDefault("5s")
        String interval();
    }

    /** Draft preview links for headless front-ends. */
    interface Preview {

        /** How long a preview token stays valid. */
        @WithDefault("PT1H")
        Duration ttl();

        /**
         * Secret that signs preview tokens (at least 32 characters). When unset, Kopij generates one and keeps it
         * in the database, so every instance shares it.
         */
        Optional<String> secret();
    }

    /** HTTP caching of what anonymous readers get (Cache-Control: public). */
    interface Cache {

        /** How long browsers and CDNs may reuse an answer without asking again. */
        @WithDefault("60s")
        Duration maxAge();

        /** How long after that they may still serve it while they revalidate in the background. */
        @WithDefault("300s")
        Duration staleWhileRevalidate();

        /**
         * How long shared caches (CDN, Varnish) may keep a public answer ({@code s-maxage}); sent only while a purger
         * is configured (kopij.purge.*), because then a change drops the answer from the cache at once.
         */
        @WithDefault("1d")
        Duration sharedMaxAge();

        /**
         * The cache-tag headers public answers carry: {@code Surrogate-Key} (Fastly) and {@code xkey} (Varnish) space
         * separated, {@code Cache-Tag} (Cloudflare) comma separated. Empty: none.
         */
        @WithDefault("Surrogate-Key,xkey,Cache-Tag")
        List<String> tagHeaders();

        /**
         * Longest value of one cache-tag header, in characters. A longer set of keys falls back to coarser keys
         * ({@code articles} for all the {@code article:<id>} keys), which every change of one of them also purges.
         */
        @WithDefault("8000")
        int tagsMaxLength();
    }

    /** Production safety. */
    interface Security {

        /**
         * Allow the development realm (docker/keycloak/realm-cms.json, whose users' passwords are their names) in the
         * production profile. Only for local trials, tests and benchmarks: production refuses to start otherwise.
         */
        @WithDefault("false")
        boolean allowDevRealm();
    }
}
