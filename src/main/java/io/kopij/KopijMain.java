package io.kopij;

import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.annotations.QuarkusMain;

/**
 * Starts Kopij. Quarkus answers a request whose address is not a valid URI (a malformed percent-encoding such as
 * {@code %zz}) with an empty 400 before any handler can run; with this setting the same check happens in
 * {@code HttpLimits}, which answers with a problem body. It must be set before Vert.x's HTTP classes load, hence
 * here. Tests and dev mode set it through the build (pom.xml).
 */
@QuarkusMain
public final class KopijMain {

    private KopijMain() {
    }

    public static void main(String... args) {
        System.setProperty("vertx.disableURIValidation", "true");
        Quarkus.run(args);
    }
}
