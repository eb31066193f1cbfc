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

    public static List<Change> between(DistributionConfig current, DistributionConfig wanted) {
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

        ForwardedValues forwardedWanted = wanted.defaultCacheBehavior().forwardedValues();
        Optional<ForwardedValues> forwardedNow = Optional.ofNullable(current.defaultCacheBehavior().forwardedValues());
        compare(changes, "diff.queryStrings", forwardedNow.map(f -> yesNo(Boolean.TRUE.equals(f.queryString()))),
                yesNo(Boolean.TRUE.equals(forwardedWanted.queryString())));
        compare(changes, "diff.corsHeaders", forwardedNow.map(f -> String.join(", ", f.headers() == null ? List.of() : f.headers().items())),
                String.join(", ", forwardedWanted.headers() == null ? List.of() : forwardedWanted.headers().items()));

        compare(changes, "diff.playlistTtl", behavior(current, DistributionConfigMapper.PLAYLIST_PATTERN).map(ConfigDiff::seconds),
                seconds(behavior(wanted, DistributionConfigMapper.PLAYLIST_PATTERN).orElseThrow()));
        compare(changes, "diff.segmentTtl", behavior(current, DistributionConfigMapper.SEGMENT_PATTERNS.getFirst()).map(ConfigDiff::seconds),
                seconds(behavior(wanted, DistributionConfigMapper.SEGMENT_PATTERNS.getFirst()).orElseThrow()));

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
        return changes;
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

    /** A behaviour's cache times as a person reads them: "1 s" when min = default, else "0–10 s". */
    private static String seconds(CacheBehavior b) {
        Function<Long, String> s = v -> v == null ? "?" : String.valueOf(v);
        return Objects.equals(b.minTTL(), b.defaultTTL())
                ? Messages.get("diff.seconds", s.apply(b.defaultTTL()))
                : Messages.get("diff.secondsRange", s.apply(b.minTTL()), s.apply(b.maxTTL()));
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
