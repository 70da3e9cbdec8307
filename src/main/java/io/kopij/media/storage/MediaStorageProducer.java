package io.kopij.media.storage;

import io.kopij.media.MediaConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;
import java.nio.file.Path;
import org.jboss.logging.Logger;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3ClientBuilder;

/** The configured store (kopij.media.storage.type): the local disk by default, or an S3-compatible bucket. */
@ApplicationScoped
public class MediaStorageProducer {

    private static final Logger LOG = Logger.getLogger(MediaStorageProducer.class);

    private S3Client client;

    @Produces
    @ApplicationScoped
    MediaStorage storage(MediaConfig config) {
        MediaConfig.Storage storage = config.storage();
        if (storage.type() == MediaConfig.StorageType.LOCAL) {
            LOG.infof("Media stored on local disk in %s", Path.of(storage.path()).toAbsolutePath());
            return new LocalMediaStorage(Path.of(storage.path()));
        }
        MediaConfig.S3 s3 = storage.s3();
        String bucket = s3.bucket().orElseThrow(() -> new IllegalStateException(
                "kopij.media.storage.type=s3 needs kopij.media.storage.s3.bucket"));
        client = client(s3);
        LOG.infof("Media stored in S3 bucket %s%s", bucket, s3.endpoint().map(e -> " at " + e).orElse(""));
        return new S3MediaStorage(client, bucket, s3.prefix());
    }

    static S3Client client(MediaConfig.S3 s3) {
        S3ClientBuilder builder = S3Client.builder()
                .httpClient(UrlConnectionHttpClient.create())
                .region(Region.of(s3.region()))
                .forcePathStyle(s3.pathStyle())
                // Only the checksums S3 itself requires: many S3-compatible stores reject the newer trailing ones.
                .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
                .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED);
        s3.endpoint().ifPresent(builder::endpointOverride);
        if (s3.accessKeyId().isPresent() && s3.secretAccessKey().isPresent()) {
            builder.credentialsProvider(StaticCredentialsProvider.create(
                    AwsBasicCredentials.create(s3.accessKeyId().get(), s3.secretAccessKey().get())));
        } else {
            builder.credentialsProvider(DefaultCredentialsProvider.builder().build());
        }
        return builder.build();
    }

    void close(@Disposes MediaStorage storage) {
        if (client != null) {
            client.close();
        }
    }
}
