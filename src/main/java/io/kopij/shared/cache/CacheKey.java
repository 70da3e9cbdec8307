package io.kopij.shared.cache;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * On a record that shows one entity (it has a {@code UUID id} component): cached answers holding it carry the key
 * {@code <value>:<id>} ({@code article:3f2a...}), which the purgers drop when the outbox says that entity changed.
 * {@code <value>s} ({@code articles}) is the coarser key that lists carry and that too many keys fall back to. An
 * annotation rather than a method, so no serializer (JSON, GraphQL, OpenAPI) ever sees it.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface CacheKey {

    /** The entity's family: {@code article}, {@code author}, {@code tag}, {@code asset}. */
    String value();

    /**
     * Further keys the record depends on, e.g. {@code articles} for a tag that shows how many published articles
     * it has (every publication changes it).
     */
    String[] dependsOn() default {};
}
