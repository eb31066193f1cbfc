package org.streamfront.plan;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.cloudfront.model.CacheBehavior;
import software.amazon.awssdk.services.cloudfront.model.DistributionConfig;
import software.amazon.awssdk.services.cloudfront.model.Method;
import software.amazon.awssdk.services.cloudfront.model.OriginProtocolPolicy;
import software.amazon.awssdk.services.cloudfront.model.Tag;
import software.amazon.awssdk.services.cloudfront.model.ViewerProtocolPolicy;

class DistributionConfigMapperTest {
    private final Plan plan = Plan.empty().withPlanId("sf-1234").withName("Sunday service")
            .withOrigin(new Plan.Origin("ams.example.com", "WebRTCAppEE", null, null, null))
            .withStream(new Plan.Stream("stream1"));

    @Test
    void originIsTheTutorialsForm() {
        var origin = DistributionConfigMapper.toConfig(plan).origins().items().getFirst();
        assertThat(origin.domainName()).isEqualTo("ams.example.com");
        assertThat(origin.originPath()).isEqualTo("/WebRTCAppEE");
        assertThat(origin.customOriginConfig().httpPort()).isEqualTo(5080);
        assertThat(origin.customOriginConfig().httpsPort()).isEqualTo(5443);
        assertThat(origin.customOriginConfig().originProtocolPolicy()).isEqualTo(OriginProtocolPolicy.HTTP_ONLY);
    }

    @Test
    void protocolAndPortsFollowThePlan() {
        var config = DistributionConfigMapper.toConfig(plan.withOrigin(
                new Plan.Origin("ams.example.com", "LiveApp", "https-only", 8080, 8443)));
        var custom = config.origins().items().getFirst().customOriginConfig();
        assertThat(custom.originProtocolPolicy()).isEqualTo(OriginProtocolPolicy.HTTPS_ONLY);
        assertThat(custom.httpPort()).isEqualTo(8080);
        assertThat(custom.httpsPort()).isEqualTo(8443);
        assertThat(config.origins().items().getFirst().originPath()).isEqualTo("/LiveApp");
    }

    private static CacheSettings settings(String policyName) {
        return CacheSettings.fromName(policyName).orElseThrow();
    }

    @Test
    void behavioursNameCachePoliciesThatKeepAllQueryStringsAndAddCorsAtTheEdge() {
        var behaviour = DistributionConfigMapper.toConfig(plan).defaultCacheBehavior();
        assertThat(behaviour.targetOriginId()).isEqualTo(DistributionConfigMapper.ORIGIN_ID);
        assertThat(behaviour.forwardedValues()).isNull();
        assertThat(behaviour.cachePolicyId()).isEqualTo("StreamFront-segment-10s-qs");
        CacheSettings keeps = settings(behaviour.cachePolicyId());
        assertThat(keeps.queryStrings()).isTrue();
        assertThat(keeps.corsHeaders()).as("Origin does not split the cache").isFalse();
        assertThat(behaviour.responseHeadersPolicyId()).isEqualTo(CacheSettings.SIMPLE_CORS_POLICY_ID);
        assertThat(behaviour.allowedMethods().items()).containsExactly(Method.GET, Method.HEAD, Method.OPTIONS);
        assertThat(behaviour.allowedMethods().cachedMethods().items()).contains(Method.GET, Method.HEAD, Method.OPTIONS);
        assertThat(behaviour.viewerProtocolPolicy()).isEqualTo(ViewerProtocolPolicy.REDIRECT_TO_HTTPS);
    }

    @Test
    void corsFromTheServerPutsItsHeadersInTheKeyAndLeavesTheEdgePolicyOff() {
        var config = DistributionConfigMapper.toConfig(plan.withCache(new Plan.Cache(null, true, null, null, true)));
        CacheBehavior playlist = config.cacheBehaviors().items().getFirst();
        assertThat(playlist.cachePolicyId()).isEqualTo("StreamFront-playlist-1s-qs-cors");
        assertThat(settings(playlist.cachePolicyId()).toPolicyConfig().parametersInCacheKeyAndForwardedToOrigin().headersConfig()
                .headers().items()).containsExactly("Origin", "Access-Control-Request-Method", "Access-Control-Request-Headers");
        assertThat(playlist.responseHeadersPolicyId()).isNull();
    }

    @Test
    void noQueryStringsAndNoCorsWhenThePlanSaysSo() {
        var behaviour = DistributionConfigMapper.toConfig(plan.withCache(new Plan.Cache("none", false, null, null)))
                .defaultCacheBehavior();
        assertThat(behaviour.cachePolicyId()).isEqualTo("StreamFront-segment-10s");
        assertThat(settings(behaviour.cachePolicyId()).queryStrings()).isFalse();
        assertThat(behaviour.responseHeadersPolicyId()).isNull();
    }

    @Test
    void playlistsAreKeptTheirTimeWhateverAmsSaysAndSegmentsHonourTheOrigin() {
        List<CacheBehavior> behaviours = DistributionConfigMapper.toConfig(plan).cacheBehaviors().items();
        assertThat(behaviours).extracting(CacheBehavior::pathPattern).containsExactly("*.m3u8", "*.ts", "*.m4s", "*.fmp4");
        var playlist = settings(behaviours.getFirst().cachePolicyId()).toPolicyConfig();
        assertThat(List.of(playlist.minTTL(), playlist.defaultTTL(), playlist.maxTTL())).containsExactly(1L, 1L, 1L);
        for (CacheBehavior segment : behaviours.subList(1, 4)) {
            var keeps = settings(segment.cachePolicyId()).toPolicyConfig();
            assertThat(List.of(keeps.minTTL(), keeps.defaultTTL(), keeps.maxTTL())).containsExactly(0L, 10L, 10L);
        }
    }

    @Test
    void advancedTtlsReachThePolicies() {
        var behaviours = DistributionConfigMapper.toConfig(plan.withCache(new Plan.Cache(null, null, 3, 6)))
                .cacheBehaviors().items();
        assertThat(behaviours.get(0).cachePolicyId()).isEqualTo("StreamFront-playlist-3s-qs");
        assertThat(settings(behaviours.get(1).cachePolicyId()).maxTtl()).isEqualTo(6L);
        // A time of 0 would switch caching off, and the query strings in the key with it.
        var zero = DistributionConfigMapper.toConfig(plan.withCache(new Plan.Cache(null, null, 0, 0))).cacheBehaviors().items();
        assertThat(settings(zero.getFirst().cachePolicyId()).toPolicyConfig().maxTTL()).isEqualTo(1L);
    }

    @Test
    void originTimeoutsSuitLiveSegmentsAndOriginShieldIsOffUnlessAsked() {
        var origin = DistributionConfigMapper.toConfig(plan).origins().items().getFirst();
        assertThat(origin.connectionTimeout()).isEqualTo(3);
        assertThat(origin.connectionAttempts()).isEqualTo(2);
        assertThat(origin.customOriginConfig().originReadTimeout()).isEqualTo(10);
        assertThat(origin.originShield().enabled()).isFalse();
        var shielded = DistributionConfigMapper.toConfig(plan.withOrigin(plan.origin().withShieldRegion("eu-central-1")))
                .origins().items().getFirst().originShield();
        assertThat(shielded.enabled()).isTrue();
        assertThat(shielded.originShieldRegion()).isEqualTo("eu-central-1");
    }

    @Test
    void aSecondServerMakesAnOriginGroupThatFailsOverOnErrorsAndMissingStreams() {
        var config = DistributionConfigMapper.toConfig(plan.withOrigin(plan.origin().withSecondary("ams2.example.com")));
        assertThat(config.origins().items()).extracting(o -> o.id() + "=" + o.domainName())
                .containsExactly("ams-origin=ams.example.com", "ams-origin-2=ams2.example.com");
        assertThat(config.origins().items().get(1).originPath()).isEqualTo("/WebRTCAppEE");
        var group = config.originGroups().items().getFirst();
        assertThat(group.members().items()).extracting(m -> m.originId()).containsExactly("ams-origin", "ams-origin-2");
        assertThat(group.failoverCriteria().statusCodes().items()).containsExactly(404, 500, 502, 503, 504);
        assertThat(config.defaultCacheBehavior().targetOriginId()).isEqualTo(group.id());
        assertThat(config.cacheBehaviors().items()).allSatisfy(b -> assertThat(b.targetOriginId()).isEqualTo(group.id()));
        assertThat(DistributionConfigMapper.toConfig(plan).originGroups().quantity()).isZero();
        assertThat(ConfigDiff.between(DistributionConfigMapper.toConfig(plan), config)).extracting(ConfigDiff.Change::toString)
                .containsExactly("Second server (used when the first fails): (none) \u2192 ams2.example.com");
        assertThat(PlanRules.validate(plan.withOrigin(plan.origin().withSecondary("AMS.example.com"))))
                .extracting(Problem::path).containsExactly("origin.secondaryDomain");
    }

    @Test
    void lowLatencyHlsKeepsThePartRequestsApartEvenWithoutOtherQueryStrings() {
        var noQuery = plan.withCache(new Plan.Cache("none", null, null, null, null, true));
        CacheBehavior playlist = DistributionConfigMapper.toConfig(noQuery).cacheBehaviors().items().getFirst();
        assertThat(playlist.cachePolicyId()).isEqualTo("StreamFront-playlist-1s-llhls");
        var keys = settings(playlist.cachePolicyId()).toPolicyConfig().parametersInCacheKeyAndForwardedToOrigin().queryStringsConfig();
        assertThat(keys.queryStringBehaviorAsString()).isEqualTo("whitelist");
        assertThat(keys.queryStrings().items()).containsExactly("_HLS_msn", "_HLS_part", "_HLS_skip");
        assertThat(DistributionConfigMapper.toConfig(noQuery).cacheBehaviors().items().get(1).cachePolicyId())
                .as("segments are not asked for by part").isEqualTo("StreamFront-segment-10s");
        // With every query string kept, the part requests are apart already.
        assertThat(DistributionConfigMapper.toConfig(plan.withCache(new Plan.Cache(null, null, null, null, null, true)))
                .cacheBehaviors().items().getFirst().cachePolicyId()).isEqualTo("StreamFront-playlist-1s-qs");
        assertThat(PlanSummary.lines(noQuery)).anySatisfy(l -> assertThat(l).startsWith("The stream is Low-Latency HLS"));
    }

    /** Walks every field the config sets, at any depth, and refuses the ones the SDK marks deprecated. */
    @Test
    void noFieldAwsMarksDeprecatedIsWritten() {
        Plan everything = plan.withOrigin(plan.origin().withShieldRegion("eu-central-1"))
                .withCache(new Plan.Cache("all", true, 2, 8, true))
                .withErrorPages(List.of(new Plan.ErrorPage(404, 3), new Plan.ErrorPage(503, 1)));
        List<String> deprecated = new java.util.ArrayList<>();
        for (Plan p : List.of(plan, everything)) {
            deprecatedFields(DistributionConfigMapper.toConfig(p), "DistributionConfig", deprecated);
        }
        assertThat(deprecated).isEmpty();
        // The walk itself finds them: the older fields are marked.
        List<String> legacy = new java.util.ArrayList<>();
        deprecatedFields(org.streamfront.testing.Configs.tutorial(plan, "by hand", "ref"), "DistributionConfig", legacy);
        assertThat(legacy).contains("DistributionConfig.DefaultCacheBehavior.ForwardedValues", "DistributionConfig.DefaultCacheBehavior.MinTTL");
    }

    private static void deprecatedFields(Object value, String path, List<String> found) {
        if (value instanceof java.util.Collection<?> items) {
            items.forEach(item -> deprecatedFields(item, path, found));
            return;
        }
        if (!(value instanceof software.amazon.awssdk.core.SdkPojo pojo)) {
            return;
        }
        for (software.amazon.awssdk.core.SdkField<?> field : pojo.sdkFields()) {
            Object v = field.getValueOrDefault(pojo);
            if (v == null) {
                continue;
            }
            String at = path + "." + field.locationName();
            if (isDeprecated(pojo.getClass(), field.memberName())) {
                found.add(at);
            }
            deprecatedFields(v, at, found);
        }
    }

    private static boolean isDeprecated(Class<?> type, String memberName) {
        String getter = Character.toLowerCase(memberName.charAt(0)) + memberName.substring(1);
        for (var m : type.getMethods()) {
            if (m.getParameterCount() == 0 && m.getName().equalsIgnoreCase(getter) && m.isAnnotationPresent(Deprecated.class)) {
                return true;
            }
        }
        return false;
    }

    @Test
    void errorPagesGoInTheSameCreateCall() {
        DistributionConfig config = DistributionConfigMapper.toConfig(plan.withErrorPages(
                List.of(new Plan.ErrorPage(404, 3), new Plan.ErrorPage(503, 2))));
        assertThat(config.customErrorResponses().quantity()).isEqualTo(2);
        assertThat(config.customErrorResponses().items().getFirst().errorCode()).isEqualTo(404);
        assertThat(config.customErrorResponses().items().getFirst().errorCachingMinTTL()).isEqualTo(3L);
        assertThat(config.customErrorResponses().items().get(1).errorCode()).isEqualTo(503);
    }

    @Test
    void distributionSettingsAndThePlanIdForRetries() {
        DistributionConfig config = DistributionConfigMapper.toConfig(plan);
        assertThat(config.callerReference()).isEqualTo("sf-1234");
        assertThat(config.comment()).isEqualTo("Sunday service [streamfront sf-1234]");
        assertThat(DistributionConfigMapper.planIdInComment(config.comment())).contains("sf-1234");
        assertThat(config.enabled()).isTrue();
        assertThat(config.priceClassAsString()).isEqualTo("PriceClass_All");
        assertThat(config.viewerCertificate().cloudFrontDefaultCertificate()).isTrue();
    }

    @Test
    void commentNeverExceedsCloudFrontsLimitAndKeepsThePlanId() {
        Plan longComment = plan.withPlanId("sf-" + "9".repeat(36)).withDistribution(new Plan.Distribution(null, null, "c".repeat(80)));
        String comment = DistributionConfigMapper.toConfig(longComment).comment();
        assertThat(comment).hasSizeLessThanOrEqualTo(128);
        assertThat(DistributionConfigMapper.planIdInComment(comment)).contains("sf-" + "9".repeat(36));
    }

    @Test
    void tagsCarryPlanStreamAndMaker() {
        assertThat(DistributionConfigMapper.tags(plan).items()).extracting(Tag::key, Tag::value).containsExactly(
                org.assertj.core.groups.Tuple.tuple("streamfront:plan-id", "sf-1234"),
                org.assertj.core.groups.Tuple.tuple("created-by", "StreamFront"),
                org.assertj.core.groups.Tuple.tuple("streamfront:stream-id", "stream1"));
    }
}
