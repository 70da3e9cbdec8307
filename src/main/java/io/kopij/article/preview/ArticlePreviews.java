package io.kopij.article.preview;

import io.kopij.article.ArticleAccess;
import io.kopij.article.ArticleReader;
import io.kopij.article.ArticleView;
import io.kopij.shared.config.KopijConfig;
import io.kopij.shared.error.KopijException;
import io.kopij.shared.persistence.AuditedEntity;
import io.kopij.shared.security.Roles;
import io.kopij.shared.security.SigningKeys;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Draft previews for headless front-ends: a signed token lets a front-end read one article of any status without a
 * Keycloak session. Tokens are {@code p1.<article id>.<expiry epoch seconds>.<HMAC-SHA256 of the rest>}: bound to
 * one article, expiring, and any change to them breaks the signature. The key is shared by all instances
 * ({@link SigningKeys}).
 */
@ApplicationScoped
public class ArticlePreviews {

    private final SigningKeys keys;
    private final KopijConfig.Preview config;
    private final ArticleAccess access;
    private final ArticleReader reader;

    ArticlePreviews(SigningKeys keys, KopijConfig config, ArticleAccess access, ArticleReader reader) {
        this.keys = keys;
        this.config = config.preview();
        this.access = access;
        this.reader = reader;
    }

    /** A preview token for one article: for editors, and for the article's own authors. */
    @Transactional
    @RolesAllowed({Roles.AUTHOR, Roles.EDITOR, Roles.ADMIN})
    public PreviewToken mint(UUID id) {
        return token(access.loadOwn(id, "Authors may preview only their own articles").id());
    }

    /** Reads an article of any status with a valid preview token for it, without a signed-in user. */
    @Transactional
    public ArticleView read(UUID id, String token) {
        verify(token, id);
        return reader.view(access.load(id));
    }

    private static final String PREFIX = "p1";
    private static final String KEY = "preview";

    private PreviewToken token(UUID articleId) {
        Instant expires = AuditedEntity.now().plus(config.ttl()).truncatedTo(ChronoUnit.SECONDS);
        String payload = PREFIX + "." + articleId + "." + expires.getEpochSecond();
        return new PreviewToken(articleId, payload + "." + sign(payload), expires);
    }

    /** Checks a token for this article; a 401 problem says why it cannot be used, without revealing the key. */
    private void verify(String token, UUID articleId) {
        String[] parts = token == null ? new String[0] : token.split("\\.");
        if (parts.length != 4 || !PREFIX.equals(parts[0]) || token.length() > 200) {
            throw invalid();
        }
        String payload = parts[0] + "." + parts[1] + "." + parts[2];
        if (!MessageDigest.isEqual(sign(payload).getBytes(StandardCharsets.US_ASCII),
                parts[3].getBytes(StandardCharsets.US_ASCII))) {
            throw invalid();
        }
        if (!parts[1].equals(articleId.toString())) {
            throw new KopijException(403, "preview.wrong-article", "Wrong article",
                    "This preview token is for another article");
        }
        long expires;
        try {
            expires = Long.parseLong(parts[2]);
        } catch (NumberFormatException e) {
            throw invalid();
        }
        if (Instant.now().getEpochSecond() >= expires) {
            throw new KopijException(401, "preview.token-expired", "Preview token expired",
                    "This preview token has expired; ask for a new one");
        }
    }

    private String sign(String payload) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(keys.key(KEY, config.secret()), "HmacSHA256"));
            return Base64.getUrlEncoder().withoutPadding()
                    .encodeToString(mac.doFinal(payload.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 unavailable", e);
        }
    }

    private static KopijException invalid() {
        return new KopijException(401, "preview.token-invalid", "Invalid preview token",
                "This preview token is not valid");
    }
}
