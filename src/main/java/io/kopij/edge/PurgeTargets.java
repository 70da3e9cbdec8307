package io.kopij.edge;

import io.kopij.shared.cache.EdgePurging;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/** The purge targets this deployment configures (kopij.purge.*); none by default. */
@ApplicationScoped
public class PurgeTargets implements EdgePurging {

    private final Map<String, PurgeTarget> byName;

    PurgeTargets(PurgeConfig config) {
        List<PurgeTarget> targets = new ArrayList<>();
        for (String url : present(config.varnish().urls())) {
            targets.add(PurgeTarget.varnish(url, Math.max(1, config.varnish().maxKeys())));
        }
        for (String url : present(config.http().urls())) {
            targets.add(PurgeTarget.http(url, config.http().authorization().orElse(null),
                    Math.max(1, config.http().maxKeys())));
        }
        PurgeConfig.Fastly fastly = config.fastly();
        if (fastly.serviceId().isPresent() && fastly.apiToken().isPresent()) {
            targets.add(PurgeTarget.fastly(fastly.apiUrl(), fastly.serviceId().get(), fastly.apiToken().get(),
                    fastly.softPurge(), Math.max(1, fastly.maxKeys())));
        }
        PurgeConfig.Cloudflare cloudflare = config.cloudflare();
        if (cloudflare.zoneId().isPresent() && cloudflare.apiToken().isPresent()) {
            targets.add(PurgeTarget.cloudflare(cloudflare.apiUrl(), cloudflare.zoneId().get(),
                    cloudflare.apiToken().get(), Math.max(1, cloudflare.maxKeys())));
        }
        this.byName = targets.stream().collect(Collectors.toMap(PurgeTarget::name, Function.identity(),
                (a, b) -> a, LinkedHashMap::new));
    }

    /** Whether anything is purged: only then may shared caches keep public answers long. */
    @Override
    public boolean active() {
        return !byName.isEmpty();
    }

    List<PurgeTarget> all() {
        return List.copyOf(byName.values());
    }

    Optional<PurgeTarget> named(String name) {
        return Optional.ofNullable(byName.get(name));
    }

    private static List<String> present(Optional<List<String>> urls) {
        return urls.orElse(List.of()).stream().map(String::trim).filter(u -> !u.isEmpty()).toList();
    }
}
