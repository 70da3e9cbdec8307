package io.kopij.media;

import com.fasterxml.jackson.databind.JsonNode;
import io.kopij.media.image.ImageFormat;
import io.kopij.media.image.ImageInfo;
import io.kopij.media.image.ImageInspector;
import io.kopij.media.storage.MediaStorage;
import io.kopij.shared.error.InvalidInputException;
import io.kopij.shared.error.KopijException;
import io.kopij.shared.error.PermissionDeniedException;
import io.kopij.shared.paging.Cursor;
import io.kopij.shared.paging.Page;
import io.kopij.shared.paging.PageRequest;
import io.kopij.shared.security.CurrentUser;
import io.kopij.shared.security.Roles;
import io.kopij.shared.text.SafeText;
import io.kopij.shared.web.ETags;
import io.kopij.shared.web.InputValidator;
import io.kopij.shared.web.MergePatcher;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.inject.Instance;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import jakarta.validation.constraints.NotNull;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * The media library: uploads, metadata, deletion. The public surface for other features is {@link #find},
 * {@link #findAll} and {@link AssetImages}; they plug into deletion through {@link AssetUsage}.
 */
@ApplicationScoped
public class AssetService {

    /** Storage key of the untouched upload: content-addressed, so racing uploads of the same bytes write one object. */
    public static String originalKey(String sha256) {
        return "originals/" + sha256;
    }

    /** Storage prefix of everything served for an asset (the cleaned image and its renditions). */
    public static String servedPrefix(UUID id) {
        return "assets/" + id + "/";
    }

    private static final String SORT = "-createdAt";

    private final AssetRepository assets;
    private final AssetMapper mapper;
    private final MediaStorage storage;
    private final MediaConfig config;
    private final CurrentUser caller;
    private final MergePatcher patches;
    private final InputValidator validator;
    private final Instance<AssetUsage> usages;
    private final Event<AssetChanged> changes;

    AssetService(AssetRepository assets, AssetMapper mapper, MediaStorage storage, MediaConfig config,
            CurrentUser caller, MergePatcher patches, InputValidator validator, Instance<AssetUsage> usages,
            Event<AssetChanged> changes) {
        this.assets = assets;
        this.mapper = mapper;
        this.storage = storage;
        this.config = config;
        this.caller = caller;
        this.patches = patches;
        this.validator = validator;
        this.usages = usages;
        this.changes = changes;
    }

    /** The outcome of an upload: the asset, and whether these bytes were new (201) or already known (200). */
    public record Upload(AssetView asset, boolean created) {
    }

    /**
     * Checks the uploaded file (a temporary file the caller deletes) and makes it an asset. Nothing is stored
     * before every check passed. Known bytes answer the existing asset with its metadata unchanged.
     */
    @RolesAllowed({Roles.AUTHOR, Roles.EDITOR, Roles.ADMIN})
    public Upload upload(Path file, String uploadedName, AssetMetadata metadata) {
        // Form fields bypass the JSON reader's text checks: NUL and lone surrogates are refused here.
        requireSafe("alt", metadata.alt());
        requireSafe("caption", metadata.caption());
        requireSafe("credit", metadata.credit());
        validator.validate(metadata);
        try {
            long size = Files.size(file);
            if (size > config.maxUploadSize()) {
                throw AssetException.tooLarge(config.maxUploadSize());
            }
            ImageInfo image = ImageInspector.inspect(file, config.maxPixels());
            String sha256 = sha256(file);
            Optional<Asset> known = QuarkusTransaction.requiringNew().call(() -> assets.findBySha256(sha256));
            if (known.isPresent()) {
                return new Upload(mapper.toView(known.get()), false);
            }
            storage.put(originalKey(sha256), file, image.format().mimeType());
            Asset candidate = new Asset(sha256, image.format().mimeType(), size, image.width(), image.height(),
                    image.orientation(), AssetMapper.filename(uploadedName, image.format()),
                    caller.subject().orElseThrow(), caller.displayName().orElse(null));
            candidate.alt = blankToNull(metadata.alt());
            candidate.caption = blankToNull(metadata.caption());
            candidate.credit = blankToNull(metadata.credit());
            return QuarkusTransaction.requiringNew().call(() -> {
                Asset stored = assets.insertOrExisting(candidate);
                boolean created = stored.id().equals(candidate.id());
                if (created) {
                    recordChange(AssetChanged.Kind.CREATED, stored, List.of());
                }
                return new Upload(mapper.toView(stored), created);
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Transactional
    @RolesAllowed({Roles.AUTHOR, Roles.EDITOR, Roles.ADMIN})
    public AssetView get(UUID id) {
        return mapper.toView(load(id));
    }

    /** An asset for another feature's answer (an article's image): no permission check, readers see articles. */
    @Transactional
    public Optional<AssetView> find(UUID id) {
        return assets.findByIdOptional(id).map(mapper::toView);
    }

    /** Several assets in one statement, for pages of articles; unknown ids are missing from the map. */
    @Transactional
    public Map<UUID, AssetView> findAll(Collection<UUID> ids) {
        if (ids.isEmpty()) {
            return Map.of();
        }
        return assets.list("id in ?1", List.copyOf(ids)).stream()
                .collect(Collectors.toMap(Asset::id, mapper::toView));
    }

    @Transactional
    @RolesAllowed({Roles.AUTHOR, Roles.EDITOR, Roles.ADMIN})
    public Page<AssetView> list(AssetQuery query, PageRequest page) {
        StringBuilder where = new StringBuilder("1 = 1");
        Map<String, Object> parameters = new HashMap<>();
        query.q().map(q -> q.trim().toLowerCase(Locale.ROOT)).filter(q -> !q.isEmpty()).ifPresent(q -> {
            where.append(" and (lower(coalesce(a.alt, '')) like :q escape '\\' or lower(coalesce(a.caption, ''))"
                    + " like :q escape '\\' or lower(coalesce(a.credit, '')) like :q escape '\\')");
            parameters.put("q", "%" + q.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%");
        });
        query.mimeType().ifPresent(mimeType -> {
            where.append(" and a.mimeType = :mimeType");
            parameters.put("mimeType", mimeType);
        });
        query.uploadedBy().ifPresent(subject -> {
            where.append(" and a.uploadedBy = :uploadedBy");
            parameters.put("uploadedBy", "me".equals(subject) ? caller.subject().orElse("") : subject);
        });
        long total = count(where.toString(), parameters);
        if (page.cursor().isPresent()) {
            Cursor cursor = Cursor.decode(page.cursor().get(), SORT);
            where.append(" and (a.createdAt < :createdAt or (a.createdAt = :createdAt and a.id < :id))");
            parameters.put("createdAt", parseInstant(cursor.value()));
            parameters.put("id", cursor.id());
        }
        var select = assets.getEntityManager().createQuery(
                "select a from Asset a where " + where + " order by a.createdAt desc, a.id desc", Asset.class);
        parameters.forEach(select::setParameter);
        List<Asset> rows = new ArrayList<>(select.setFirstResult(page.cursor().isPresent() ? 0 : page.offset())
                .setMaxResults(page.limit() + 1).getResultList());
        boolean hasNext = rows.size() > page.limit();
        if (hasNext) {
            rows = rows.subList(0, page.limit());
        }
        String next = hasNext ? new Cursor(SORT, rows.get(rows.size() - 1).createdAt().toString(),
                rows.get(rows.size() - 1).id()).encode() : null;
        return new Page<>(rows.stream().map(mapper::toView).toList(), new Page.PageInfo(page.limit(), next, total));
    }

    /** Changes alt, caption, credit and focal point: the uploader, editors and admins. */
    @Transactional
    @RolesAllowed({Roles.AUTHOR, Roles.EDITOR, Roles.ADMIN})
    public AssetView patch(UUID id, String ifMatch, @NotNull JsonNode patch) {
        Asset asset = load(id);
        if (!caller.isEditor() && !Objects.equals(caller.subject().orElse(null), asset.uploadedBy)) {
            throw new PermissionDeniedException("Authors may change only the assets they uploaded");
        }
        ETags.requiredVersion(ifMatch, "asset.version-conflict", asset.version());
        AssetMetadata current = new AssetMetadata(asset.alt, asset.caption, asset.credit,
                new FocalPoint(asset.focalX, asset.focalY));
        AssetMetadata changed = patches.apply(current, patch, AssetMetadata.class);
        FocalPoint focal = changed.focalPoint() == null ? FocalPoint.CENTRE : changed.focalPoint();
        List<String> fields = new ArrayList<>();
        if (!Objects.equals(asset.alt, blankToNull(changed.alt()))) {
            fields.add("alt");
        }
        if (!Objects.equals(asset.caption, blankToNull(changed.caption()))) {
            fields.add("caption");
        }
        if (!Objects.equals(asset.credit, blankToNull(changed.credit()))) {
            fields.add("credit");
        }
        if (focal.x() != asset.focalX || focal.y() != asset.focalY) {
            fields.add("focalPoint");
        }
        if (fields.isEmpty()) {
            return mapper.toView(asset);
        }
        asset.alt = blankToNull(changed.alt());
        asset.caption = blankToNull(changed.caption());
        asset.credit = blankToNull(changed.credit());
        asset.moveFocalPoint(focal.x(), focal.y());
        asset.touch();
        assets.flush();
        recordChange(AssetChanged.Kind.UPDATED, asset, fields);
        return mapper.toView(asset);
    }

    /** Editors and admins; refused while anything uses the asset. Stored files go after the commit. */
    @Transactional
    @RolesAllowed({Roles.EDITOR, Roles.ADMIN})
    public void delete(UUID id, String ifMatch) {
        Asset asset = load(id);
        ETags.optionalVersion(ifMatch, "asset.version-conflict", asset.version());
        // Lock the row so a concurrent delete or patch waits; usage counts are then taken against the latest state.
        assets.getEntityManager().lock(asset, LockModeType.PESSIMISTIC_WRITE);
        long uses = usages.stream().mapToLong(usage -> usage.usesOf(id)).sum();
        if (uses > 0) {
            throw AssetException.inUse(uses);
        }
        assets.delete(asset);
        assets.flush();
        recordChange(AssetChanged.Kind.DELETED, asset, List.of());
    }

    /**
     * The one place where a write to an asset is announced, inside its transaction: the outbox of change
     * propagation observes {@link AssetChanged} here (asset id, kind, version, mimeType, sha256, changed fields).
     */
    void recordChange(AssetChanged.Kind kind, Asset asset, List<String> changed) {
        changes.fire(new AssetChanged(asset.id(), kind, asset.version(), asset.mimeType, asset.sha256,
                List.copyOf(changed)));
    }

    /** What a renderer needs to know of an asset; empty when it does not exist. */
    @Transactional
    public Optional<RenderSource> renderSource(UUID id) {
        return assets.findByIdOptional(id).map(asset -> new RenderSource(asset.id(), asset.renderVersion,
                asset.sha256, ImageFormat.ofMimeType(asset.mimeType).orElseThrow(), asset.width, asset.height,
                asset.orientation, asset.focalX, asset.focalY, asset.filename));
    }

    @Transactional
    public boolean exists(UUID id) {
        return assets.count("id", id) > 0;
    }

    private long count(String where, Map<String, Object> parameters) {
        var count = assets.getEntityManager().createQuery("select count(a) from Asset a where " + where, Long.class);
        parameters.forEach(count::setParameter);
        return count.getSingleResult();
    }

    private Asset load(UUID id) {
        return assets.findByIdOptional(id).orElseThrow(() -> new AssetNotFoundException(id));
    }

    private static Instant parseInstant(String value) {
        try {
            return Instant.parse(value);
        } catch (RuntimeException e) {
            throw new KopijException(400, "request.invalid-cursor", "Invalid input",
                    "Invalid cursor: cursor is not one this API issued");
        }
    }

    private static void requireSafe(String field, String text) {
        SafeText.problem(text).ifPresent(problem -> {
            throw InvalidInputException.field(field, problem);
        });
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }

    static String sha256(Path file) throws IOException {
        try (InputStream in = new DigestInputStream(Files.newInputStream(file), MessageDigest.getInstance("SHA-256"))) {
            in.transferTo(OutputStream.nullOutputStream());
            return HexFormat.of().formatHex(((DigestInputStream) in).getMessageDigest().digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
