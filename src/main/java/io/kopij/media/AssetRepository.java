package io.kopij.media;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;
import java.util.UUID;

@ApplicationScoped
public class AssetRepository implements PanacheRepositoryBase<Asset, UUID> {

    public Optional<Asset> findBySha256(String sha256) {
        return find("sha256", sha256).firstResultOptional();
    }

    /**
     * Inserts the asset unless another upload of the same bytes got there first (the unique sha256 decides, also
     * between instances); either way returns the asset that now holds those bytes (a new one has the given id).
     */
    public Asset insertOrExisting(Asset asset) {
        getEntityManager().createNativeQuery("""
                insert into asset (id, version, created_at, updated_at, sha256, mime_type, bytes, width, height,
                    orientation, filename, alt, caption, credit, focal_x, focal_y, render_version, uploaded_by,
                    uploaded_by_name)
                values (:id, 0, :created, :created, :sha256, :mime, :bytes, :width, :height, :orientation, :filename,
                    :alt, :caption, :credit, 0.5, 0.5, 1, :uploadedBy, :uploadedByName)
                on conflict (sha256) do nothing""")
                .setParameter("id", asset.id())
                .setParameter("created", asset.createdAt())
                .setParameter("sha256", asset.sha256)
                .setParameter("mime", asset.mimeType)
                .setParameter("bytes", asset.bytes)
                .setParameter("width", asset.width)
                .setParameter("height", asset.height)
                .setParameter("orientation", asset.orientation)
                .setParameter("filename", asset.filename)
                .setParameter("alt", asset.alt)
                .setParameter("caption", asset.caption)
                .setParameter("credit", asset.credit)
                .setParameter("uploadedBy", asset.uploadedBy)
                .setParameter("uploadedByName", asset.uploadedByName)
                .executeUpdate();
        return findBySha256(asset.sha256).orElseThrow();
    }
}
