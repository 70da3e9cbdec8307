package io.kopij.media;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.net.URI;
import java.util.Map;
import java.util.Properties;
import org.gaul.s3proxy.AuthenticationType;
import org.gaul.s3proxy.S3Proxy;
import org.jclouds.ContextBuilder;
import org.jclouds.blobstore.BlobStoreContext;

/**
 * A real S3 protocol server for the tests of the S3 media store: S3Proxy over jclouds' in-memory blob store, on a
 * free port of 127.0.0.1, with signature checking on. Started for the S3 test profile and stopped after it.
 */
public class S3ProxyTestResource implements QuarkusTestResourceLifecycleManager {

    static final String BUCKET = "kopij-media-test";
    private static final String ACCESS_KEY = "kopij-test-access";
    private static final String SECRET_KEY = "kopij-test-secret";

    private S3Proxy proxy;
    private BlobStoreContext blobs;

    @Override
    public Map<String, String> start() {
        blobs = ContextBuilder.newBuilder("transient").credentials("identity", "credential")
                .overrides(new Properties()).build(BlobStoreContext.class);
        blobs.getBlobStore().createContainerInLocation(null, BUCKET);
        proxy = S3Proxy.builder().blobStore(blobs.getBlobStore()).endpoint(URI.create("http://127.0.0.1:0"))
                .awsAuthentication(AuthenticationType.AWS_V2_OR_V4, ACCESS_KEY, SECRET_KEY).build();
        try {
            proxy.start();
        } catch (Exception e) {
            throw new IllegalStateException("S3Proxy did not start", e);
        }
        // start() returns once the connector is bound, so the port is known here.
        String endpoint = "http://127.0.0.1:" + proxy.getPort();
        return Map.of(
                "kopij.media.storage.type", "s3",
                "kopij.media.storage.s3.bucket", BUCKET,
                "kopij.media.storage.s3.endpoint", endpoint,
                "kopij.media.storage.s3.path-style", "true",
                "kopij.media.storage.s3.access-key-id", ACCESS_KEY,
                "kopij.media.storage.s3.secret-access-key", SECRET_KEY);
    }

    @Override
    public void stop() {
        try {
            if (proxy != null) {
                proxy.stop();
            }
        } catch (Exception e) {
            throw new IllegalStateException(e);
        } finally {
            if (blobs != null) {
                blobs.close();
            }
        }
    }
}
