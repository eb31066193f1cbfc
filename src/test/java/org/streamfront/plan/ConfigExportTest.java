package org.streamfront.plan;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

class ConfigExportTest {
    private final Plan plan = PlanRulesTest.valid().withStream(new Plan.Stream("stream1"));

    @Test
    void awsCliExportHasTheApiShape() throws Exception {
        JsonNode json = PlanJson.MAPPER.readTree(ConfigExport.export(plan, ConfigExport.Format.AWS_CLI));
        assertThat(json.get("CallerReference").asText()).isEqualTo("sf-test");
        assertThat(json.at("/Origins/Quantity").asInt()).isEqualTo(1);
        assertThat(json.at("/Origins/Items/0/OriginPath").asText()).isEqualTo("/WebRTCAppEE");
        assertThat(json.at("/Origins/Items/0/CustomOriginConfig/HTTPPort").asInt()).isEqualTo(5080);
        assertThat(json.at("/DefaultCacheBehavior/ForwardedValues/QueryString").asBoolean()).isTrue();
        assertThat(json.at("/CacheBehaviors/Items/0/PathPattern").asText()).isEqualTo("*.m3u8");
        assertThat(json.at("/CustomErrorResponses/Items/0/ErrorCachingMinTTL").asLong()).isEqualTo(3);
        assertThat(json.at("/Aliases/Items").isMissingNode()).as("empty lists are left out").isTrue();
    }

    @Test
    void cloudFormationExportIsOneDistributionResource() throws Exception {
        JsonNode json = PlanJson.MAPPER.readTree(ConfigExport.export(plan, ConfigExport.Format.CLOUDFORMATION));
        JsonNode resource = json.at("/Resources/Distribution");
        assertThat(resource.get("Type").asText()).isEqualTo("AWS::CloudFront::Distribution");
        JsonNode config = resource.at("/Properties/DistributionConfig");
        assertThat(config.has("CallerReference")).isFalse();
        assertThat(config.at("/Origins/0/CustomOriginConfig/OriginSSLProtocols/0").asText()).isEqualTo("TLSv1.2");
        assertThat(config.at("/DefaultCacheBehavior/AllowedMethods").size()).isEqualTo(3);
        assertThat(config.at("/DefaultCacheBehavior/CachedMethods").isArray()).isTrue();
        assertThat(config.at("/DefaultCacheBehavior/ForwardedValues/Headers/0").asText()).isEqualTo("Origin");
        assertThat(config.at("/CacheBehaviors/0/MaxTTL").asLong()).isEqualTo(2);
        assertThat(config.at("/CustomErrorResponses/0/ErrorCode").asInt()).isEqualTo(404);
        assertThat(config.get("IPV6Enabled").asBoolean()).isTrue();
        assertThat(config.at("/Restrictions/GeoRestriction/RestrictionType").asText()).isEqualTo("none");
        assertThat(config.has("Aliases")).isFalse();
        assertThat(config.at("/DefaultCacheBehavior/TrustedSigners").isMissingNode()).isTrue();
        assertThat(resource.at("/Properties/Tags/0/Key").asText()).isEqualTo("streamfront:plan-id");
    }
}
