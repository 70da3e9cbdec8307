package io.kopij.media;

import io.kopij.shared.persistence.AuditedEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

/** An uploaded image and what the newsroom says about it. The bytes live in the media store, not here. */
@Entity
@Table(name = "asset")
public class Asset extends AuditedEntity {

    @Column(nullable = false, length = 64, updatable = false)
    String sha256;

    @Column(name = "mime_type", nullable = false, length = 32, updatable = false)
    String mimeType;

    @Column(nullable = false, updatable = false)
    long bytes;

    /** As shown, after the EXIF orientation. */
    @Column(nullable = false, updatable = false)
    int width;

    @Column(nullable = false, updatable = false)
    int height;

    @Column(nullable = false, updatable = false)
    short orientation;

    @Column(nullable = false, length = 100, updatable = false)
    String filename;

    @Column(length = 1000)
    String alt;

    @Column(length = 2000)
    String caption;

    @Column(length = 300)
    String credit;

    @Column(name = "focal_x", nullable = false)
    double focalX = 0.5;

    @Column(name = "focal_y", nullable = false)
    double focalY = 0.5;

    @Column(name = "render_version", nullable = false)
    int renderVersion = 1;

    @Column(name = "uploaded_by", nullable = false, updatable = false)
    String uploadedBy;

    @Column(name = "uploaded_by_name")
    String uploadedByName;

    protected Asset() {
    }

    Asset(String sha256, String mimeType, long bytes, int width, int height, int orientation, String filename,
            String uploadedBy, String uploadedByName) {
        this.sha256 = sha256;
        this.mimeType = mimeType;
        this.bytes = bytes;
        this.width = width;
        this.height = height;
        this.orientation = (short) orientation;
        this.filename = filename;
        this.uploadedBy = uploadedBy;
        this.uploadedByName = uploadedByName;
    }

    /** A new focal point changes every cover crop, so the rendition URLs move to a new version. */
    void moveFocalPoint(double x, double y) {
        if (x != focalX || y != focalY) {
            focalX = x;
            focalY = y;
            renderVersion++;
        }
    }

    public String sha256() {
        return sha256;
    }

    public String mimeType() {
        return mimeType;
    }

    public int width() {
        return width;
    }

    public int height() {
        return height;
    }

    public int renderVersion() {
        return renderVersion;
    }

    public String uploadedBy() {
        return uploadedBy;
    }
}
