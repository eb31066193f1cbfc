package org.streamfront.plan;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.cloudfront.model.CacheBehavior;
import software.amazon.awssdk.services.cloudfront.model.DistributionConfig;
import software.amazon.awssdk.services.cloudfront.model.ItemSelection;
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

    @Test
    void defaultBehaviourForwardsAllQueryStringsAndTheCorsHeaders() {
        var behaviour = DistributionConfigMapper.toConfig(plan).defaultCacheBehavior();
        assertThat(behaviour.targetOriginId()).isEqualTo(DistributionConfigMapper.ORIGIN_ID);
        assertThat(behaviour.forwardedValues().queryString()).isTrue();
        assertThat(behaviour.forwardedValues().queryStringCacheKeys()).isNull();
        assertThat(behaviour.forwardedValues().cookies().forward()).isEqualTo(ItemSelection.NONE);
        assertThat(behaviour.forwardedValues().headers().items())
                .containsExactly("Origin", "Access-Control-Request-Method", "Access-Control-Request-Headers");
        assertThat(behaviour.forwardedValues().headers().quantity()).isEqualTo(3);
        assertThat(behaviour.allowedMethods().items()).containsExactly(Method.GET, Method.HEAD, Method.OPTIONS);
        assertThat(behaviour.allowedMethods().cachedMethods().items()).contains(Method.GET, Method.HEAD, Method.OPTIONS);
        assertThat(behaviour.viewerProtocolPolicy()).isEqualTo(ViewerProtocolPolicy.REDIRECT_TO_HTTPS);
    }

    @Test
    void noQueryStringsAndNoCorsWhenThePlanSaysSo() {
        var behaviour = DistributionConfigMapper.toConfig(plan.withCache(new Plan.Cache("none", false, null, null)))
                .defaultCacheBehavior();
        assertThat(behaviour.forwardedValues().queryString()).isFalse();
        assertThat(behaviour.forwardedValues().headers().quantity()).isZero();
    }

    @Test
    void playlistsAreCachedAboutHalfASegmentAndSegmentsHonourTheOrigin() {
        List<CacheBehavior> behaviours = DistributionConfigMapper.toConfig(plan).cacheBehaviors().items();
        assertThat(behaviours).extracting(CacheBehavior::pathPattern).containsExactly("*.m3u8", "*.ts", "*.m4s", "*.fmp4");
        CacheBehavior playlist = behaviours.getFirst();
        assertThat(List.of(playlist.minTTL(), playlist.defaultTTL(), playlist.maxTTL())).containsExactly(1L, 1L, 2L);
        for (CacheBehavior segment : behaviours.subList(1, 4)) {
            assertThat(List.of(segment.minTTL(), segment.defaultTTL(), segment.maxTTL())).containsExactly(0L, 10L, 10L);
            assertThat(segment.forwardedValues().queryString()).isTrue();
        }
    }

    @Test
    void advancedTtlsReachTheBehaviours() {
        var behaviours = DistributionConfigMapper.toConfig(plan.withCache(new Plan.Cache(null, null, 3, 6)))
                .cacheBehaviors().items();
        assertThat(behaviours.get(0).maxTTL()).isEqualTo(6L);
        assertThat(behaviours.get(1).maxTTL()).isEqualTo(6L);
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
