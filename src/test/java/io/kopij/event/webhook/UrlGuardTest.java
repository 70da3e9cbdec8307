package io.kopij.event.webhook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.net.URI;
import org.junit.jupiter.api.Test;

/** The SSRF rules without the application: which addresses each setting allows. */
class UrlGuardTest {

    private final UrlGuard strict = new UrlGuard(false, false);
    private final UrlGuard loopbackAllowed = new UrlGuard(true, false);
    private final UrlGuard everythingAllowed = new UrlGuard(true, true);

    @Test
    void loopbackIsRefusedUnlessConfigured() throws Exception {
        for (String url : new String[] {"http://127.0.0.1:8080/x", "http://localhost/x", "http://[::1]/x", "http://0.0.0.0/x"}) {
            assertThrows(UrlGuard.Refused.class, () -> strict.check(URI.create(url)), url);
            assertTrue(loopbackAllowed.check(URI.create(url)).isLoopbackAddress()
                    || loopbackAllowed.check(URI.create(url)).isAnyLocalAddress(), url);
        }
    }

    @Test
    void linkLocalIsNeverAllowed() {
        for (String url : new String[] {"http://169.254.169.254/latest/meta-data", "http://[fe80::1]/x",
                "http://[fd00:ec2::254]/x", "http://[::ffff:169.254.169.254]/x"}) {
            assertThrows(UrlGuard.Refused.class, () -> everythingAllowed.check(URI.create(url)), url);
        }
    }

    @Test
    void privateNetworksNeedTheirOwnSetting() throws Exception {
        for (String url : new String[] {"http://10.0.0.5/x", "http://172.16.3.4/x", "http://192.168.1.1/x",
                "http://100.64.0.1/x", "http://[fd12:3456::1]/x"}) {
            assertThrows(UrlGuard.Refused.class, () -> loopbackAllowed.check(URI.create(url)), url);
            everythingAllowed.check(URI.create(url));
        }
    }

    @Test
    void publicAddressesPassAndOddOnesDoNot() throws Exception {
        assertEquals(InetAddress.getByName("93.184.215.14"), strict.check(URI.create("https://93.184.215.14/hook")));
        assertThrows(UrlGuard.Refused.class, () -> strict.check(URI.create("http://224.0.0.1/x")));
        assertThrows(UrlGuard.Refused.class, () -> strict.check(URI.create("http://255.255.255.255/x")));
    }

    @Test
    void malformedUrlsAreNamed() {
        StringBuilder problem = new StringBuilder();
        assertTrue(UrlGuard.parse("gopher://x/", problem).isEmpty());
        assertEquals("must be an http or https URL", problem.toString());
    }
}
