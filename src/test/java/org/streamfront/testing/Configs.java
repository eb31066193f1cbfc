package org.streamfront.testing;

import java.util.function.Function;
import org.streamfront.aws.Retry;
import org.streamfront.deploy.CachePolicies;
import org.streamfront.deploy.Progress;
import org.streamfront.plan.CacheSettings;
import org.streamfront.plan.DistributionConfigMapper;
import org.streamfront.plan.Plan;
import org.streamfront.plan.PlanIds;
import software.amazon.awssdk.services.cloudfront.CloudFrontClient;
import software.amazon.awssdk.services.cloudfront.model.CacheBehaviors;
import software.amazon.awssdk.services.cloudfront.model.DefaultCacheBehavior;
import software.amazon.awssdk.services.cloudfront.model.DistributionConfig;

/** Distribution configs tests send straight to a simulator, as StreamFront would or as a person with the console did. */
public final class Configs {
    private Configs() {
    }

    /** The plan's config with the ids of its cache policies, made in the account if missing. */
    public static DistributionConfig sendable(CloudFrontClient client, Plan plan) {
        Plan p = PlanIds.ensure(plan);
        return DistributionConfigMapper.toConfig(p, policyIds(client, p), null);
    }

    /** The ids of the plan's cache policies, made in the account if missing. */
    public static Function<CacheSettings, String> policyIds(CloudFrontClient client, Plan plan) {
        try {
            return new CachePolicies(() -> client, Retry.standard()).ensure(plan, Progress.SILENT);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * What the tutorial's console form made for the plan's server: one behaviour with the older
     * fields (all query strings forwarded and in the key, the origin's cache headers obeyed), 404
     * remembered 3 s, no behaviours of its own for playlists or segments, no plan id.
     */
    public static DistributionConfig tutorial(Plan plan, String comment, String callerReference) {
        DistributionConfig ours = DistributionConfigMapper.toConfig(PlanIds.ensure(plan));
        DefaultCacheBehavior b = ours.defaultCacheBehavior();
        return ours.toBuilder()
                .callerReference(callerReference)
                .comment(comment)
                .defaultCacheBehavior(b.toBuilder().cachePolicyId(null).responseHeadersPolicyId(null)
                        .forwardedValues(f -> f.queryString(true).cookies(c -> c.forward("none")).headers(h -> h.quantity(0)))
                        .minTTL(0L).defaultTTL(86_400L).maxTTL(31_536_000L).build())
                .cacheBehaviors(CacheBehaviors.builder().quantity(0).build())
                .build();
    }

    /**
     * The config as the first StreamFront wrote it: each of its behaviours with the older fields
     * (query strings and the CORS headers forwarded, its own times) and CloudFront's default timeouts.
     */
    public static DistributionConfig legacy(DistributionConfig current) {
        var forwarded = software.amazon.awssdk.services.cloudfront.model.ForwardedValues.builder().queryString(true)
                .cookies(c -> c.forward("none"))
                .headers(h -> h.quantity(3).items("Origin", "Access-Control-Request-Method", "Access-Control-Request-Headers")).build();
        var behaviours = current.cacheBehaviors().items().stream().map(b -> {
            boolean playlist = b.pathPattern().equals(DistributionConfigMapper.PLAYLIST_PATTERN);
            return b.toBuilder().cachePolicyId(null).responseHeadersPolicyId(null).forwardedValues(forwarded)
                    .minTTL(playlist ? 1L : 0L).defaultTTL(playlist ? 1L : 10L).maxTTL(playlist ? 2L : 10L).build();
        }).toList();
        return current.toBuilder()
                .origins(o -> o.quantity(1).items(current.origins().items().getFirst().toBuilder()
                        .connectionTimeout(10).connectionAttempts(3).originShield((software.amazon.awssdk.services.cloudfront.model.OriginShield) null).build()))
                .defaultCacheBehavior(current.defaultCacheBehavior().toBuilder().cachePolicyId(null).responseHeadersPolicyId(null)
                        .forwardedValues(forwarded).minTTL(0L).defaultTTL(86_400L).maxTTL(31_536_000L).build())
                .cacheBehaviors(CacheBehaviors.builder().quantity(behaviours.size()).items(behaviours).build())
                .build();
    }
}
