package io.kopij.devservices.sample;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kopij.article.ArticleEditor;
import io.kopij.article.ArticleInput;
import io.kopij.article.ArticleView;
import io.kopij.article.ArticleWorkflow;
import io.kopij.article.query.ArticleLists;
import io.kopij.article.query.ArticleQuery;
import io.kopij.author.AuthorInput;
import io.kopij.author.AuthorService;
import io.kopij.media.AssetMetadata;
import io.kopij.media.AssetService;
import io.kopij.shared.paging.PageRequest;
import io.kopij.shared.security.Roles;
import io.quarkus.arc.profile.IfBuildProfile;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.security.identity.CurrentIdentityAssociation;
import io.quarkus.security.runtime.QuarkusPrincipal;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.control.ActivateRequestContext;
import jakarta.enterprise.event.Observes;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * Dev mode only: fills an empty database with sample articles, authors and tags, through the same services the
 * API uses (so slugs, rendering and relations are real). Tests never rely on it: it is not in the test build.
 */
@ApplicationScoped
@IfBuildProfile("dev")
public class SampleContentLoader {

    private static final Logger LOG = Logger.getLogger(SampleContentLoader.class);

    private final ArticleLists lists;
    private final ArticleEditor editor;
    private final ArticleWorkflow workflow;
    private final AuthorService authors;
    private final AssetService assets;
    private final CurrentIdentityAssociation identity;
    private final ObjectMapper json;

    SampleContentLoader(ArticleLists lists, ArticleEditor editor, ArticleWorkflow workflow, AuthorService authors,
            AssetService assets, CurrentIdentityAssociation identity, ObjectMapper json) {
        this.lists = lists;
        this.editor = editor;
        this.workflow = workflow;
        this.authors = authors;
        this.assets = assets;
        this.identity = identity;
        this.json = json;
    }

    void onStart(@Observes StartupEvent event) throws IOException {
        load();
    }

    @ActivateRequestContext
    void load() throws IOException {
        // The loader acts as an admin: every write goes through the services' permission checks.
        identity.setIdentity(QuarkusSecurityIdentity.builder()
                .setPrincipal(new QuarkusPrincipal("kopij-sample-content"))
                .addRoles(Set.of(Roles.ADMIN, Roles.EDITOR))
                .build());
        var existing = lists.list(ArticleQuery.everything(), PageRequest.parse("1", null, null));
        if (existing.page().total() > 0) {
            return;
        }
        JsonNode content;
        try (InputStream in = getClass().getResourceAsStream("/sample/content.json")) {
            content = json.readTree(in);
        }
        for (JsonNode author : content.get("authors")) {
            authors.create(json.treeToValue(author, AuthorInput.class));
        }
        Map<String, UUID> ids = new HashMap<>();
        Map<String, List<String>> related = new HashMap<>();
        for (JsonNode article : content.get("articles")) {
            String key = article.get("key").asText();
            List<String> links = new ArrayList<>();
            article.get("related").forEach(r -> links.add(r.asText()));
            related.put(key, links);
            var input = (ObjectNode) article.deepCopy();
            input.remove("key");
            input.remove("related");
            JsonNode picture = input.remove("picture");
            if (picture != null) {
                input.set("image", image(picture));
            }
            ArticleView created = editor.create(json.treeToValue(input, ArticleInput.class));
            workflow.publish(created.id(), null, null);
            ids.put(key, created.id());
        }
        related.forEach((key, links) -> editor.setRelated(ids.get(key), null,
                links.stream().map(ids::get).toList()));
        LOG.infof("Loaded %d sample articles for dev mode", ids.size());
    }

    /**
     * Uploads a sample picture through the media library, as an editor's upload would go, and answers the article's
     * image: the asset alone when the upload is new (its alt text and caption show), with the article's own texts when
     * the same picture was uploaded before for another article (here: in another language).
     */
    private ObjectNode image(JsonNode picture) throws IOException {
        String file = picture.get("file").asText();
        Path copy = Files.createTempFile("kopij-sample-", "-" + file);
        try {
            try (InputStream in = getClass().getResourceAsStream("/sample/images/" + file)) {
                Files.copy(in, copy, StandardCopyOption.REPLACE_EXISTING);
            }
            AssetService.Upload upload = assets.upload(copy, file, new AssetMetadata(text(picture, "alt"),
                    text(picture, "caption"), text(picture, "credit"), null));
            ObjectNode image = json.createObjectNode().put("assetId", upload.asset().id().toString());
            if (!upload.created()) {
                image.put("alt", text(picture, "alt")).put("caption", text(picture, "caption"));
            }
            return image;
        } finally {
            Files.deleteIfExists(copy);
        }
    }

    private static String text(JsonNode node, String field) {
        return node.hasNonNull(field) ? node.get(field).asText() : null;
    }
}
