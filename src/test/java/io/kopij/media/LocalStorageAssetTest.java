package io.kopij.media;

import io.quarkus.test.junit.QuarkusTest;

/** The storage contract on the default store: files on local disk. */
@QuarkusTest
class LocalStorageAssetTest extends AssetStorageContract {
}
