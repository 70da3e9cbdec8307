package io.kopij.shared.web;

import io.kopij.shared.error.PreconditionException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Base64;
import java.util.OptionalLong;

/**
 * Entity tags. Version tags for optimistic concurrency: {@code "<version>"} (writes) or
 * {@code "<version>-<hash>"} (reads, see HttpCaching); If-Match compares the version. A client sends the ETag it
 * read back as If-Match;
 * the service compares the version and refuses a stale write with 412.
 */
public final class ETags {

    private ETags() {
    }

    public static String of(long version) {
        return "\"" + version + "\"";
    }

    /** The opaque part of a content tag: the first 128 bits of the body's SHA-256, base64url. */
    public static String hash(byte[] body) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(body);
            return Base64.getUrlEncoder().withoutPadding().encodeToString(Arrays.copyOf(digest, 16));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Whether an If-None-Match header names this entity tag (or {@code *}). If-None-Match uses the weak
     * comparison (RFC 9110 13.1.2): {@code W/"x"} matches {@code "x"}.
     */
    public static boolean noneMatchNames(String ifNoneMatch, String tag) {
        if (ifNoneMatch == null) {
            return false;
        }
        for (String candidate : ifNoneMatch.split(",")) {
            String trimmed = candidate.trim();
            if (trimmed.equals("*") || trimmed.equals(tag) || trimmed.equals("W/" + tag)) {
                return true;
            }
        }
        return false;
    }

    /**
     * The version an If-Match header names. Empty for {@code *} (any version). A missing header is a 428: writes
     * that replace content must prove which version they were based on. A header that names no version of ours
     * cannot match: 412.
     */
    public static OptionalLong requiredVersion(String ifMatch, String code, long current) {
        if (ifMatch == null || ifMatch.isBlank()) {
            throw PreconditionException.required();
        }
        return parse(ifMatch, code, current);
    }

    /** As {@link #requiredVersion} but a missing header means "any version". */
    public static OptionalLong optionalVersion(String ifMatch, String code, long current) {
        if (ifMatch == null || ifMatch.isBlank()) {
            return OptionalLong.empty();
        }
        return parse(ifMatch, code, current);
    }

    private static OptionalLong parse(String ifMatch, String code, long current) {
        String value = ifMatch.trim();
        if (value.equals("*")) {
            return OptionalLong.empty();
        }
        // A list of ETags matches if any one does.
        for (String candidate : value.split(",")) {
            String tag = candidate.trim();
            if (tag.startsWith("W/")) {
                continue; // weak tags never match for If-Match (RFC 9110 strong comparison)
            }
            if (tag.length() >= 2 && tag.startsWith("\"") && tag.endsWith("\"")) {
                // "<version>" from writes, or "<version>-<content hash>" from reads: the version decides.
                String quoted = tag.substring(1, tag.length() - 1);
                int dash = quoted.indexOf('-');
                String version = dash < 0 ? quoted : quoted.substring(0, dash);
                // Strong comparison is of the exact characters: "00" is not the tag of version 0.
                if (version.equals(Long.toString(current))) {
                    return OptionalLong.of(current);
                }
            }
        }
        throw PreconditionException.stale(code, current);
    }
}
