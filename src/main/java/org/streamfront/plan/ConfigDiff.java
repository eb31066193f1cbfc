package org.streamfront.plan;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;
import org.streamfront.Messages;
import software.amazon.awssdk.services.cloudfront.model.CacheBehavior;
import software.amazon.awssdk.services.cloudfront.model.CachePolicyConfig;
import software.amazon.awssdk.services.cloudfront.model.CustomErrorResponse;
import software.amazon.awssdk.services.cloudfront.model.DistributionConfig;
import software.amazon.awssdk.services.cloudfront.model.ForwardedValues;
import software.amazon.awssdk.services.cloudfront.model.Origin;

/**
 * The differences between a distribution as CloudFront has it and as a plan wants it, in plain
 * words, field by field — only the fields StreamFront owns (its origin, its behaviours' forwarding
 * and cache times, its error pages, viewer protocol, price class, comment). Everything else on the
 * distribution is not StreamFront's to compare.
 */
public final class ConfigDiff {
    /** One difference: what it is, as it is now, as the plan wants it. */
    public record Change(String what, String now, String wanted) {
        @Override
        public String toString() {
            return what + ": " + now + " \u2192 " + wanted;
        }
    }

    private ConfigDiff() {
    }

    /** The alternate domain names, when the plan names them (a plan without aliases leaves them alone). */
    public static Optional<Change> aliases(DistributionConfig current, Plan plan) {
        List<String> wanted = plan.distribution().aliases();
        List<String> now = DistributionConfigMapper.aliases(current);
        if (wanted == null || new java.util.TreeSet<>(wanted).equals(new java.util.TreeSet<>(now))) {
            return Optional.empty();
        }
        return Optional.of(new Change(Messages.get("diff.aliases"), now.isEmpty() ? Messages.get("diff.none") : String.join(", ", now),
                wanted.isEmpty() ? Messages.get("diff.none") : String.join(", ", wanted)));
    }

    /** For configs whose cache policies are StreamFront's, named or identified by name (as {@link DistributionConfigMapper#toConfig(Plan)} makes them). */
    public static List<Change> between(DistributionConfig current, DistributionConfig wanted) {
        return between(current, wanted, id -> CacheSettings.fromName(id).map(CacheSettings::toPolicyConfig));
    }

    /** {@code policies} reads a cache policy by id (StreamFront's names included); empty when it cannot be read. */
    public static List<Change> between(DistributionConfig current, DistributionConfig wanted,
                                       Function<String, Optional<CachePolicyConfig>> policies) {
        List<Change> changes = new ArrayList<>();
        Optional<Origin> was = origin(current, DistributionConfigMapper.ourOriginId(current));
        Origin want = origin(wanted, DistributionConfigMapper.ORIGIN_ID).orElseThrow();
        compare(changes, "diff.originHost", was.map(Origin::domainName), want.domainName());
        compare(changes, "diff.originPath", was.map(o -> o.originPath().isEmpty() ? "/" : o.originPath()), want.originPath());
        compare(changes, "diff.protocol", was.map(o -> o.customOriginConfig() == null ? "" : o.customOriginConfig().originProtocolPolicyAsString()),
                want.customOriginConfig().originProtocolPolicyAsString());
        compare(changes, "diff.httpPort", was.map(o -> o.customOriginConfig() == null ? "" : String.valueOf(o.customOriginConfig().httpPort())),
                String.valueOf(want.customOriginConfig().httpPort()));
        compare(changes, "diff.httpsPort", was.map(o -> o.customOriginConfig() == null ? "" : String.valueOf(o.customOriginConfig().httpsPort())),
                String.valueOf(want.customOriginConfig().httpsPort()));

        compare(changes, "diff.secondary", origin(current, DistributionConfigMapper.SECONDARY_ORIGIN_ID).map(Origin::domainName),
                origin(wanted, DistributionConfigMapper.SECONDARY_ORIGIN_ID).map(Origin::domainName).orElse(Messages.get("diff.none")));
        compare(changes, "diff.connectionTimeout", was.map(o -> Messages.get("diff.seconds", String.valueOf(o.connectionTimeout()))),
                Messages.get("diff.seconds", String.valueOf(want.connectionTimeout())));
        compare(changes, "diff.connectionAttempts", was.map(o -> String.valueOf(o.connectionAttempts())),
                String.valueOf(want.connectionAttempts()));
        compare(changes, "diff.originShield", was.map(ConfigDiff::shield), shield(want));

        Keeping defaultNow = Keeping.of(current.defaultCacheBehavior().forwardedValues(), current.defaultCacheBehavior().cachePolicyId(),
                current.defaultCacheBehavior().responseHeadersPolicyId(), current.defaultCacheBehavior().minTTL(),
                current.defaultCacheBehavior().defaultTTL(), current.defaultCacheBehavior().maxTTL(), policies);
        Keeping defaultWanted = Keeping.of(wanted.defaultCacheBehavior().forwardedValues(), wanted.defaultCacheBehavior().cachePolicyId(),
                wanted.defaultCacheBehavior().responseHeadersPolicyId(), null, null, null, policies);
        if (defaultNow.legacy() && !defaultWanted.legacy()) {
            changes.add(new Change(Messages.get("diff.cacheSettings"), Messages.get("diff.legacyFields"), Messages.get("diff.cachePolicies")));
        }
        compare(changes, "diff.queryStrings", Optional.of(defaultNow.queryStrings()), defaultWanted.queryStrings());
        compare(changes, "diff.cors", Optional.of(defaultNow.cors()), defaultWanted.cors());

        compare(changes, "diff.playlistTtl", behavior(current, DistributionConfigMapper.PLAYLIST_PATTERN).map(b -> Keeping.of(b, policies).seconds()),
                Keeping.of(behavior(wanted, DistributionConfigMapper.PLAYLIST_PATTERN).orElseThrow(), policies).seconds());
        compare(changes, "diff.segmentTtl", behavior(current, DistributionConfigMapper.SEGMENT_PATTERNS.getFirst())
                        .map(b -> Keeping.of(b, policies).seconds()),
                Keeping.of(behavior(wanted, DistributionConfigMapper.SEGMENT_PATTERNS.getFirst()).orElseThrow(), policies).seconds());

        Map<Integer, String> errorsNow = errorPages(current);
        Map<Integer, String> errorsWanted = errorPages(wanted);
        TreeMap<Integer, String> codes = new TreeMap<>(errorsNow);
        codes.putAll(errorsWanted);
        for (Integer code : codes.keySet()) {
            String label = Messages.get("diff.errorPage", code);
            String now = errorsNow.getOrDefault(code, Messages.get("diff.none"));
            String want2 = errorsWanted.getOrDefault(code, Messages.get("diff.none"));
            if (!now.equals(want2)) {
                changes.add(new Change(label, now, want2));
            }
        }

        compare(changes, "diff.viewerProtocol", Optional.ofNullable(current.defaultCacheBehavior().viewerProtocolPolicyAsString()),
                wanted.defaultCacheBehavior().viewerProtocolPolicyAsString());
        compare(changes, "diff.priceClass", Optional.ofNullable(current.priceClassAsString()), wanted.priceClassAsString());
        compare(changes, "diff.comment", Optional.ofNullable(current.comment()), wanted.comment());
        // Which function (its ARN now, its name in a wanted config made for reading) is not a difference: whether there is one is.
        compare(changes, "diff.viewerTokens", Optional.of(tokens(current)), tokens(wanted));
        return changes;
    }

    private static String tokens(DistributionConfig config) {
        return Messages.get(DistributionConfigMapper.viewerFunction(config.defaultCacheBehavior()).isPresent() ? "diff.tokens.on" : "diff.tokens.off");
    }

    private static void compare(List<Change> changes, String key, Optional<String> now, String wanted) {
        String was = now.orElse(Messages.get("diff.none"));
        if (!Objects.equals(was, wanted)) {
            changes.add(new Change(Messages.get(key), was, wanted));
        }
    }

    private static Optional<Origin> origin(DistributionConfig config, String id) {
        if (config.origins() == null) {
            return Optional.empty();
        }
        return config.origins().items().stream().filter(o -> id.equals(o.id())).findFirst();
    }

    private static Optional<CacheBehavior> behavior(DistributionConfig config, String pattern) {
        if (config.cacheBehaviors() == null) {
            return Optional.empty();
        }
        return config.cacheBehaviors().items().stream().filter(b -> pattern.equals(b.pathPattern())).findFirst();
    }

    private static String shield(Origin o) {
        return o.originShield() != null && Boolean.TRUE.equals(o.originShield().enabled())
                ? o.originShield().originShieldRegion() : Messages.get("diff.off");
    }

    /**
     * What a behaviour keeps, in the user's words, whether it says so with the deprecated fields
     * (ForwardedValues and per-behaviour times) or with a cache policy.
     */
    private record Keeping(boolean legacy, String queryStrings, String cors, String seconds) {
        static Keeping of(CacheBehavior b, Function<String, Optional<CachePolicyConfig>> policies) {
            return of(b.forwardedValues(), b.cachePolicyId(), b.responseHeadersPolicyId(), b.minTTL(), b.defaultTTL(), b.maxTTL(), policies);
        }

        static Keeping of(ForwardedValues forwarded, String policyId, String responsePolicyId, Long min, Long def, Long max,
                          Function<String, Optional<CachePolicyConfig>> policies) {
            Optional<CacheSettings> settings = CacheSettings.ofBehaviour(policyId, forwarded, min, def, max, policies);
            if (settings.isEmpty()) {
                String unknown = Messages.get("diff.unreadablePolicy", policyId);
                return new Keeping(false, unknown, unknown, unknown);
            }
            CacheSettings c = settings.get();
            String cors = c.corsHeaders() ? Messages.get("diff.cors.server")
                    : CacheSettings.SIMPLE_CORS_POLICY_ID.equals(responsePolicyId) ? Messages.get("diff.cors.edge") : Messages.get("diff.none");
            return new Keeping(c.legacy(), yesNo(c.queryStrings()), cors, timeText(c.minTtl(), c.defaultTtl(), c.maxTtl()));
        }
    }

    /** Cache times as a person reads them: "1 s" when min = default, else "0 to 10 s". */
    private static String timeText(Long min, Long def, Long max) {
        Function<Long, String> s = v -> v == null ? "?" : String.valueOf(v);
        return Objects.equals(min, def)
                ? Messages.get("diff.seconds", s.apply(def))
                : Messages.get("diff.secondsRange", s.apply(min), s.apply(max));
    }

    private static Map<Integer, String> errorPages(DistributionConfig config) {
        Map<Integer, String> pages = new TreeMap<>();
        if (config.customErrorResponses() != null) {
            for (CustomErrorResponse r : config.customErrorResponses().items()) {
                pages.put(r.errorCode(), Messages.get("diff.seconds", String.valueOf(r.errorCachingMinTTL())));
            }
        }
        return pages;
    }

    private static String yesNo(boolean yes) {
        return Messages.get(yes ? "diff.yes" : "diff.no");
    }
}
