package org.streamfront.sim;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Pattern;
import org.w3c.dom.Element;

/** The parts of a distribution config an edge applies, read from the config XML as CloudFront received it. */
record EdgeConfig(String originDomain, String originPath, int httpPort, int httpsPort, String protocol,
                  Behavior defaultBehavior, List<Behavior> behaviors, Map<Integer, Long> errorTtls, String shieldRegion,
                  EdgeConfig fallback, List<Integer> failoverCodes) {

    /** CloudFront remembers an error for 10 s unless the distribution says otherwise. */
    static final long DEFAULT_ERROR_TTL = 10;

    /**
     * One behaviour as the edge applies it, whether the config said it with a cache policy or with
     * the older ForwardedValues and TTL fields: the values in the cache key are also what reaches
     * the origin. {@code corsAtEdge}: the SimpleCORS response headers policy is attached.
     */
    record Behavior(String pattern, long minTtl, long defaultTtl, long maxTtl, boolean forwardQuery, List<String> headers,
                    boolean corsAtEdge, List<String> queryNames, String viewerFunction) {
        /** The part of a query that is in the cache key and reaches the origin: all of it, the listed names, or none. */
        String keptQuery(String query) {
            if (query == null || query.isEmpty()) {
                return null;
            }
            if (forwardQuery) {
                return query;
            }
            String kept = java.util.Arrays.stream(query.split("&"))
                    .filter(pair -> queryNames.contains(pair.contains("=") ? pair.substring(0, pair.indexOf('=')) : pair))
                    .collect(java.util.stream.Collectors.joining("&"));
            return kept.isEmpty() ? null : kept;
        }

        boolean matches(String path) {
            if (pattern == null) {
                return true;
            }
            String p = strip(pattern);
            StringBuilder regex = new StringBuilder();
            for (char ch : p.toCharArray()) {
                regex.append(ch == '*' ? ".*" : ch == '?' ? "." : Pattern.quote(String.valueOf(ch)));
            }
            return strip(path).matches(regex.toString());
        }

        private static String strip(String s) {
            return s.startsWith("/") ? s.substring(1) : s;
        }
    }

    /** {@code policies} gives a cache policy's config by id (null when unknown). */
    static EdgeConfig from(Element config, Function<String, Element> policies) {
        // The default behaviour's target: an origin, or an origin group whose second member takes over.
        String target = SimXml.text(config, "DefaultCacheBehavior", "TargetOriginId");
        Element group = SimXml.children(SimXml.path(config, "OriginGroups", "Items"), "OriginGroup").stream()
                .filter(g -> target != null && target.equals(SimXml.text(g, "Id"))).findFirst().orElse(null);
        if (group != null) {
            List<Element> members = SimXml.children(SimXml.path(group, "Members", "Items"), "OriginGroupMember");
            List<Integer> codes = SimXml.children(SimXml.path(group, "FailoverCriteria", "StatusCodes", "Items"), "StatusCode").stream()
                    .map(e -> Integer.parseInt(e.getTextContent().trim())).toList();
            EdgeConfig second = from(config, policies, originById(config, SimXml.text(members.get(1), "OriginId")), null, List.of());
            return from(config, policies, originById(config, SimXml.text(members.get(0), "OriginId")), second, codes);
        }
        Element origin = target == null ? null : originById(config, target);
        return from(config, policies, origin != null ? origin : SimXml.child(SimXml.path(config, "Origins", "Items"), "Origin"),
                null, List.of());
    }

    private static Element originById(Element config, String id) {
        return SimXml.children(SimXml.path(config, "Origins", "Items"), "Origin").stream()
                .filter(o -> id != null && id.equals(SimXml.text(o, "Id"))).findFirst().orElse(null);
    }

    private static EdgeConfig from(Element config, Function<String, Element> policies, Element origin, EdgeConfig fallback,
                                   List<Integer> failoverCodes) {
        List<Behavior> behaviors = new ArrayList<>();
        for (Element b : SimXml.children(SimXml.path(config, "CacheBehaviors", "Items"), "CacheBehavior")) {
            behaviors.add(behavior(b, SimXml.text(b, "PathPattern"), policies));
        }
        Map<Integer, Long> errors = new HashMap<>();
        for (Element e : SimXml.children(SimXml.path(config, "CustomErrorResponses", "Items"), "CustomErrorResponse")) {
            errors.put((int) SimXml.number(e, 0, "ErrorCode"), SimXml.number(e, DEFAULT_ERROR_TTL, "ErrorCachingMinTTL"));
        }
        String path = SimXml.text(origin, "OriginPath");
        return new EdgeConfig(SimXml.text(origin, "DomainName"), path == null ? "" : path,
                (int) SimXml.number(origin, 80, "CustomOriginConfig", "HTTPPort"),
                (int) SimXml.number(origin, 443, "CustomOriginConfig", "HTTPSPort"),
                SimXml.text(origin, "CustomOriginConfig", "OriginProtocolPolicy"),
                behavior(SimXml.child(config, "DefaultCacheBehavior"), null, policies), behaviors, errors,
                "true".equals(SimXml.text(origin, "OriginShield", "Enabled")) ? SimXml.text(origin, "OriginShield", "OriginShieldRegion") : null,
                fallback, failoverCodes);
    }

    private static Behavior behavior(Element b, String pattern, Function<String, Element> policies) {
        String viewerFunction = SimXml.children(SimXml.path(b, "FunctionAssociations", "Items"), "FunctionAssociation").stream()
                .filter(a -> "viewer-request".equals(SimXml.text(a, "EventType"))).map(a -> SimXml.text(a, "FunctionARN"))
                .findFirst().orElse(null);
        boolean corsAtEdge = SimCachePolicies.SIMPLE_CORS.equals(SimXml.text(b, "ResponseHeadersPolicyId"));
        String policyId = SimXml.text(b, "CachePolicyId");
        Element policy = policyId == null || policyId.isEmpty() ? null : policies.apply(policyId);
        if (policy != null) {
            Element keys = SimXml.child(policy, "ParametersInCacheKeyAndForwardedToOrigin");
            return new Behavior(pattern, SimXml.number(policy, 0, "MinTTL"), SimXml.number(policy, 86_400, "DefaultTTL"),
                    SimXml.number(policy, 31_536_000, "MaxTTL"), "all".equals(SimXml.text(keys, "QueryStringsConfig", "QueryStringBehavior")),
                    names(SimXml.path(keys, "HeadersConfig", "Headers", "Items")), corsAtEdge,
                    "whitelist".equals(SimXml.text(keys, "QueryStringsConfig", "QueryStringBehavior"))
                            ? names(SimXml.path(keys, "QueryStringsConfig", "QueryStrings", "Items")) : List.of(), viewerFunction);
        }
        return new Behavior(pattern,
                SimXml.number(b, 0, "MinTTL"), SimXml.number(b, 86_400, "DefaultTTL"), SimXml.number(b, 31_536_000, "MaxTTL"),
                "true".equals(SimXml.text(b, "ForwardedValues", "QueryString")),
                names(SimXml.path(b, "ForwardedValues", "Headers", "Items")), corsAtEdge, List.of(), viewerFunction);
    }

    private static List<String> names(Element items) {
        return SimXml.children(items, "Name").stream().map(e -> e.getTextContent().trim()).toList();
    }

    /** CloudFront uses the first behaviour whose pattern matches, else the default one. */
    Behavior behaviorFor(String path) {
        return behaviors.stream().filter(b -> b.matches(path)).findFirst().orElse(defaultBehavior);
    }

    /** How the edge reaches the origin: the scheme and port the protocol policy picks for an HTTP viewer. */
    String originBase() {
        boolean https = "https-only".equals(protocol);
        return (https ? "https://" : "http://") + originDomain + ":" + (https ? httpsPort : httpPort) + originPath;
    }
}
