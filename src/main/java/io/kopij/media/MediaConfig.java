package io.kopij.media;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.net.URI;
import java.util.List;
import java.util.Optional;

/** Settings of the media feature (uploads, renditions, storage). Every key is listed in README.md. */
@ConfigMapping(prefix = "kopij.media")
public interface MediaConfig {

    /** Largest upload in bytes (the file part); larger ones get a 413 problem. */
    @WithDefault("26214400")
    long maxUploadSize();

    /**
     * Most pixels (width × height) an image may have. Checked from the header before anything is decoded, so a
     * small file that would decode into gigabytes (a decompression bomb) is refused with a 422.
     */
    @WithDefault("50000000")
    long maxPixels();

    /** The rendition widths clients may ask for (`w`); listed as `widths` in every asset answer. */
    @WithDefault("160,320,480,640,960,1280,1600,1920,2560")
    List<Integer> widths();

    /** The rendition heights clients may ask for (`h`), e.g. for 16:9 and square crops of the widths. */
    @WithDefault("90,120,160,180,240,270,320,360,480,540,640,720,960,1080,1280,1440")
    List<Integer> heights();

    /** The qualities clients may ask for (`q`, JPEG and WebP). */
    @WithDefault("40,50,60,70,75,80,85,90")
    List<Integer> qualities();

    /** Quality of a rendition when `q` is not given. */
    @WithDefault("80")
    int defaultQuality();

    /** Renders (decode, resize, encode) that run at the same time; by default one per processor. */
    Optional<Integer> renderConcurrency();

    /** Renders that may wait for a free slot; beyond that a first request for a rendition gets a 503. */
    @WithDefault("64")
    int renderQueue();

    /**
     * Prefix for the asset URLs in answers (a CDN or the public origin, e.g. https://img.example.nl). When unset
     * the URLs are paths on this server (/api/v1/assets/...).
     */
    Optional<URI> baseUrl();

    /** Where uploads and renders keep their temporary files; each is deleted when its request ends. */
    @WithDefault("${java.io.tmpdir}/kopij-media")
    String workDir();

    Storage storage();

    interface Storage {

        /** {@code local} (files under {@code path}, one instance) or {@code s3} (any S3-compatible store). */
        @WithDefault("local")
        StorageType type();

        /** Directory of the local store. */
        @WithDefault("kopij-data/media")
        String path();

        S3 s3();
    }

    enum StorageType {
        LOCAL, S3
    }

    /** The S3-compatible store, used by the AWS SDK. Credentials come from here or the SDK's default chain. */
    interface S3 {

        /** The bucket; it must exist. */
        Optional<String> bucket();

        /** Endpoint of a store that is not AWS S3 itself (MinIO, Ceph, R2, S3Proxy...). */
        Optional<URI> endpoint();

        /** Region of the bucket (most S3-compatible stores accept any value). */
        @WithDefault("us-east-1")
        String region();

        /** Address buckets as a path (http://host/bucket/key), as most self-hosted stores need. */
        @WithDefault("false")
        boolean pathStyle();

        /** Access key; when unset (with the secret), the SDK's default credential chain is used. */
        Optional<String> accessKeyId();

        /** Secret key belonging to {@code access-key-id}. */
        Optional<String> secretAccessKey();

        /** Prefix of every object key, so a bucket can be shared. */
        @WithDefault("kopij/")
        String prefix();
    }
}
