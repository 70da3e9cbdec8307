# Varnish in front of Kopij (compose service "varnish", optional: `--profile varnish`), with the xkey vmod from
# varnish-modules. Kopij names what each public answer shows in the xkey header and, with
# KOPIJ_PURGE_VARNISH_URLS=http://varnish:80 configured, sends `PURGE /` with `xkey: <keys>` when content changes:
# a publication, an unpublication or a takedown leaves the cache within a second, so answers may live long here
# (Kopij then sends s-maxage, kopij.cache.shared-max-age, 1 day by default).
vcl 4.1;

import xkey;
import std;

# The load balancer in front of the replicas (tests replace this block with the test instance).
backend kopij {
    .host = "lb";
    .port = "8080";
    .connect_timeout = 5s;
    .first_byte_timeout = 60s;
}

# Who may purge: the Kopij replicas, on the compose network. Never the public.
acl purgers {
    "127.0.0.1";
    "::1";
    "10.0.0.0"/8;
    "172.16.0.0"/12;
    "192.168.0.0"/16;
}

sub vcl_recv {
    if (req.method == "PURGE") {
        if (client.ip !~ purgers) {
            return (synth(403, "Forbidden"));
        }
        if (!req.http.xkey) {
            return (synth(400, "PURGE needs an xkey header"));
        }
        # Space-separated keys; every object tagged with one of them goes.
        set req.http.x-purged = xkey.purge(req.http.xkey);
        return (synth(200, "Purged " + req.http.x-purged + " objects"));
    }
    if (req.method != "GET" && req.method != "HEAD") {
        return (pass);
    }
    # Answers for signed-in callers and previews are private; never look them up (Kopij also says private).
    if (req.http.Authorization || req.http.Preview-Token) {
        return (pass);
    }
    # GraphQL subscriptions (WebSocket) and live changes (SSE) are streams, not cacheable answers.
    if (req.http.Upgrade ~ "(?i)websocket" || req.url ~ "^/api/v1/changes") {
        return (pipe);
    }
    unset req.http.Cookie;
    return (hash);
}

sub vcl_pipe {
    if (req.http.upgrade) {
        set bereq.http.upgrade = req.http.upgrade;
        set bereq.http.connection = req.http.connection;
    }
}

sub vcl_backend_response {
    # Kopij's Cache-Control decides: s-maxage (long, purged on change) or max-age for the TTL, private and
    # no-store are never stored (built-in logic). Keep serving a stale copy for a while if Kopij is away.
    if (beresp.ttl > 0s) {
        set beresp.grace = 1h;
    }
}

sub vcl_deliver {
    # Whether this came from the cache (debugging and tests); the keys stay between Kopij and Varnish.
    if (obj.hits > 0) {
        set resp.http.X-Cache = "HIT";
    } else {
        set resp.http.X-Cache = "MISS";
    }
    unset resp.http.xkey;
}
