package io.kopij.media.storage;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import software.amazon.awssdk.core.ResponseInputStream;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Request;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Response;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * Objects in a bucket of any S3-compatible store, through the AWS SDK. Shared by every instance, so a rendition
 * made by one is served by all. A PUT is atomic in S3, so no temporary objects are needed.
 */
public class S3MediaStorage implements MediaStorage {

    private final S3Client s3;
    private final String bucket;
    private final String prefix;

    public S3MediaStorage(S3Client s3, String bucket, String prefix) {
        this.s3 = s3;
        this.bucket = bucket;
        this.prefix = prefix;
    }

    @Override
    public void put(String key, Path file, String contentType) throws IOException {
        try {
            s3.putObject(b -> b.bucket(bucket).key(prefix + key).contentType(contentType), RequestBody.fromFile(file));
        } catch (SdkException e) {
            throw new IOException("Cannot store " + key + " in bucket " + bucket, e);
        }
    }

    @Override
    public Optional<Path> localFile(String key) {
        return Optional.empty();
    }

    @Override
    public Optional<byte[]> read(String key) throws IOException {
        try {
            return Optional.of(s3.getObjectAsBytes(b -> b.bucket(bucket).key(prefix + key)).asByteArray());
        } catch (NoSuchKeyException e) {
            return Optional.empty();
        } catch (SdkException e) {
            throw new IOException("Cannot read " + key + " from bucket " + bucket, e);
        }
    }

    @Override
    public boolean copyTo(String key, Path target) throws IOException {
        try (ResponseInputStream<GetObjectResponse> in = s3.getObject(b -> b.bucket(bucket).key(prefix + key))) {
            Files.copy((InputStream) in, target, StandardCopyOption.REPLACE_EXISTING);
            return true;
        } catch (NoSuchKeyException e) {
            return false;
        } catch (SdkException e) {
            throw new IOException("Cannot read " + key + " from bucket " + bucket, e);
        }
    }

    @Override
    public boolean exists(String key) throws IOException {
        try {
            s3.headObject(b -> b.bucket(bucket).key(prefix + key));
            return true;
        } catch (NoSuchKeyException e) {
            return false;
        } catch (S3Exception e) {
            if (e.statusCode() == 404) {
                return false;
            }
            throw new IOException("Cannot look up " + key + " in bucket " + bucket, e);
        } catch (SdkException e) {
            throw new IOException("Cannot look up " + key + " in bucket " + bucket, e);
        }
    }

    @Override
    public List<String> list(String keyPrefix) throws IOException {
        List<String> keys = new ArrayList<>();
        try {
            ListObjectsV2Request request = ListObjectsV2Request.builder().bucket(bucket).prefix(prefix + keyPrefix).build();
            for (ListObjectsV2Response page : s3.listObjectsV2Paginator(request)) {
                for (S3Object object : page.contents()) {
                    keys.add(object.key().substring(prefix.length()));
                }
            }
        } catch (SdkException e) {
            throw new IOException("Cannot list " + keyPrefix + " in bucket " + bucket, e);
        }
        return keys;
    }

    @Override
    public void delete(String key) throws IOException {
        try {
            s3.deleteObject(b -> b.bucket(bucket).key(prefix + key));
        } catch (SdkException e) {
            throw new IOException("Cannot delete " + key + " from bucket " + bucket, e);
        }
    }

    @Override
    public String kind() {
        return "s3";
    }
}
