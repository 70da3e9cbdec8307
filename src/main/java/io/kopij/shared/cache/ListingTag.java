package io.kopij.shared.cache;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * On a REST method that answers a list: the coarse key ({@code articles}, {@code authors}, {@code tags}) its
 * answers carry besides their items' keys, so a new member refreshes every list, the empty ones too.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface ListingTag {

    String value();
}
