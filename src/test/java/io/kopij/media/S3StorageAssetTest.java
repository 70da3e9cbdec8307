package io.kopij.media;

import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import java.util.List;

/** The storage contract on an S3-compatible store: S3Proxy, spoken to over HTTP with signed requests. */
@QuarkusTest
@TestProfile(S3StorageAssetTest.S3Storage.class)
class S3StorageAssetTest extends AssetStorageContract {

    public static class S3Storage implements QuarkusTestProfile {

        @Override
        public List<TestResourceEntry> testResources() {
            return List.of(new TestResourceEntry(S3ProxyTestResource.class));
        }
    }
}
