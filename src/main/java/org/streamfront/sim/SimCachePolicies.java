package org.streamfront.sim;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.w3c.dom.Element;

/**
 * The cache policies of the simulated account: custom ones (at most 20, names unique, not
 * deletable while a distribution uses them) and the managed ones StreamFront or a hand-made
 * distribution may name. Like CloudFront, it keeps each policy's config as it was sent.
 */
final class SimCachePolicies {
    static final int QUOTA = 20;
    /** CloudFront's managed SimpleCORS response headers policy: Access-Control-Allow-Origin: * for CORS requests. */
    static final String SIMPLE_CORS = "60669652-455b-4ae9-85a4-c4c02393f86c";
    private static final Map<String, String> MANAGED = Map.of(
            "658327ea-f89d-4fab-a63d-7e88639e58f6", policyXml("Managed-CachingOptimized", 1, 86_400, 31_536_000, "none"),
            "4135ea2d-6df8-44a3-9df3-4b5a84be39ad", policyXml("Managed-CachingDisabled", 0, 0, 0, "none"));

    record Policy(String id, String etag, Element config, Instant lastModified, boolean managed) {
    }

    private final Map<String, Policy> custom = new LinkedHashMap<>();

    Optional<Policy> get(String id) {
        if (custom.containsKey(id)) {
            return Optional.of(custom.get(id));
        }
        String managed = MANAGED.get(id);
        return managed == null ? Optional.empty()
                : Optional.of(new Policy(id, "EMANAGED", SimXml.parse(managed.getBytes()), Instant.EPOCH, true));
    }

    List<Policy> custom() {
        return List.copyOf(custom.values());
    }

    /** Null when made; otherwise the error code CloudFront answers with. */
    String add(Policy policy) {
        String name = SimXml.text(policy.config(), "Name");
        if (custom.values().stream().anyMatch(p -> name != null && name.equals(SimXml.text(p.config(), "Name")))) {
            return "CachePolicyAlreadyExists";
        }
        if (custom.size() >= QUOTA) {
            return "TooManyCachePolicies";
        }
        custom.put(policy.id(), policy);
        return null;
    }

    void remove(String id) {
        custom.remove(id);
    }

    static Policy made(Element config, String etag) {
        return new Policy(UUID.randomUUID().toString(), etag, config, Instant.now().truncatedTo(ChronoUnit.MILLIS), false);
    }

    /** The checks CloudFront makes on a cache policy config; null when it is fine. */
    static String invalid(Element config) {
        String name = SimXml.text(config, "Name");
        if (name == null || !name.matches("[A-Za-z0-9_-]{1,128}")) {
            return "The parameter Name is invalid.";
        }
        long min = SimXml.number(config, -1, "MinTTL");
        long def = SimXml.number(config, 86_400, "DefaultTTL");
        long max = SimXml.number(config, 31_536_000, "MaxTTL");
        if (min < 0 || def < min || max < def) {
            return "The parameter MinTTL, DefaultTTL or MaxTTL is invalid: MinTTL <= DefaultTTL <= MaxTTL.";
        }
        Element keys = SimXml.child(config, "ParametersInCacheKeyAndForwardedToOrigin");
        if (keys == null) {
            return "The parameter ParametersInCacheKeyAndForwardedToOrigin is required.";
        }
        boolean anyKey = !"none".equals(SimXml.text(keys, "QueryStringsConfig", "QueryStringBehavior"))
                || !"none".equals(SimXml.text(keys, "HeadersConfig", "HeaderBehavior"));
        if (max == 0 && anyKey) {
            return "The parameter HeaderBehavior or QueryStringBehavior is invalid for a policy with caching disabled.";
        }
        return null;
    }

    static String policyXml(Policy p) {
        return "<CachePolicy xmlns=\"" + CloudFrontApi.NS + "\"><Id>" + p.id() + "</Id><LastModifiedTime>" + p.lastModified()
                + "</LastModifiedTime>" + SimXml.toString(p.config()) + "</CachePolicy>";
    }

    private static String policyXml(String name, long min, long def, long max, String queryStrings) {
        return "<CachePolicyConfig xmlns=\"" + CloudFrontApi.NS + "\"><Name>" + name + "</Name><MinTTL>" + min
                + "</MinTTL><DefaultTTL>" + def + "</DefaultTTL><MaxTTL>" + max + "</MaxTTL>"
                + "<ParametersInCacheKeyAndForwardedToOrigin><EnableAcceptEncodingGzip>false</EnableAcceptEncodingGzip>"
                + "<HeadersConfig><HeaderBehavior>none</HeaderBehavior></HeadersConfig>"
                + "<CookiesConfig><CookieBehavior>none</CookieBehavior></CookiesConfig>"
                + "<QueryStringsConfig><QueryStringBehavior>" + queryStrings + "</QueryStringBehavior></QueryStringsConfig>"
                + "</ParametersInCacheKeyAndForwardedToOrigin></CachePolicyConfig>";
    }
}
