package io.kopij.event.webhook;

import io.kopij.event.EventsConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Server-side request forgery guard: webhook targets on loopback, private and link-local addresses are refused
 * (link-local always: it is where cloud metadata services live), at registration and again at every delivery,
 * because DNS can change between the two. A delivery connects to the address that was checked, so a second
 * lookup cannot swap it for another (DNS rebinding).
 */
@ApplicationScoped
public class UrlGuard {

    /** Why a target is refused. */
    public static final class Refused extends Exception {
        public Refused(String message) {
            super(message, null, false, false);
        }
    }

    private final boolean allowLoopback;
    private final boolean allowPrivate;

    @Inject
    UrlGuard(EventsConfig config) {
        this(config.webhooks().allowLoopback(), config.webhooks().allowPrivateNetworks());
    }

    UrlGuard(boolean allowLoopback, boolean allowPrivate) {
        this.allowLoopback = allowLoopback;
        this.allowPrivate = allowPrivate;
    }

    /** A well-formed absolute http(s) URL without credentials, or empty with the reason in {@code problem}. */
    public static Optional<URI> parse(String url, StringBuilder problem) {
        try {
            URI uri = new URI(url.trim());
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if (!scheme.equals("http") && !scheme.equals("https")) {
                problem.append("must be an http or https URL");
            } else if (uri.getHost() == null || uri.getHost().isBlank()) {
                problem.append("must name a host");
            } else if (uri.getRawUserInfo() != null) {
                problem.append("must not contain credentials");
            } else if (uri.getRawFragment() != null) {
                problem.append("must not contain a fragment");
            } else {
                return Optional.of(uri);
            }
        } catch (URISyntaxException e) {
            problem.append("is not a valid URL");
        }
        return Optional.empty();
    }

    /** Resolves the host and checks every address; answers the address to connect to. */
    public InetAddress check(URI uri) throws Refused {
        String host = uri.getHost();
        if (host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1);
        }
        InetAddress[] addresses;
        try {
            addresses = InetAddress.getAllByName(host);
        } catch (UnknownHostException e) {
            throw new Refused("host " + host + " cannot be resolved");
        }
        for (InetAddress address : addresses) {
            Optional<String> refused = refusal(address);
            if (refused.isPresent()) {
                throw new Refused(refused.get());
            }
        }
        return addresses[0];
    }

    Optional<String> refusal(InetAddress address) {
        String shown = address.getHostAddress();
        if (address.isLinkLocalAddress() || isMetadataV6(address)) {
            return Optional.of(shown + " is a link-local address (never allowed)");
        }
        if (address.isLoopbackAddress() || address.isAnyLocalAddress()) {
            return allowLoopback ? Optional.empty() : Optional.of(shown + " is a loopback address");
        }
        if (address.isMulticastAddress() || isReserved(address)) {
            return Optional.of(shown + " is not a unicast internet address");
        }
        if (address.isSiteLocalAddress() || isPrivateExtra(address)) {
            return allowPrivate ? Optional.empty() : Optional.of(shown + " is a private network address");
        }
        return Optional.empty();
    }

    /** 100.64/10 (carrier-grade NAT) and fc00::/7 (unique local), which InetAddress does not call site-local. */
    private static boolean isPrivateExtra(InetAddress address) {
        byte[] b = address.getAddress();
        if (address instanceof Inet4Address) {
            return (b[0] & 0xff) == 100 && (b[1] & 0xc0) == 64;
        }
        return address instanceof Inet6Address && (b[0] & 0xfe) == 0xfc;
    }

    /** 0/8 ("this network"), 240/4 and the broadcast address. */
    private static boolean isReserved(InetAddress address) {
        if (!(address instanceof Inet4Address)) {
            return false;
        }
        int first = address.getAddress()[0] & 0xff;
        return first == 0 || first >= 240;
    }

    /** fd00:ec2::254, the AWS instance metadata service over IPv6. */
    private static boolean isMetadataV6(InetAddress address) {
        return address instanceof Inet6Address && List.of("fd00:ec2:0:0:0:0:0:254").contains(address.getHostAddress());
    }
}
