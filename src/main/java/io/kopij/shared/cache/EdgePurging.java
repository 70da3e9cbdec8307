package io.kopij.shared.cache;

/**
 * Whether this deployment purges a CDN or reverse proxy when content changes (the edge feature implements it).
 * Only then may public answers live long in shared caches ({@code s-maxage}): they are dropped on change.
 */
public interface EdgePurging {

    boolean active();
}
