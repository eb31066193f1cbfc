package org.streamfront.plan;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

class ConfigExportTest {
    private final Plan plan = PlanRulesTest.valid().withStream(new Plan.Stream("stream1"));

    /** The JSON between a heredoc's markers, after the line that starts it. */
    private static JsonNode heredoc(String script, String startsWith) throws Exception {
        int at = script.indexOf(startsWith);
        int from = script.indexOf('\n', at) + 1;
        return PlanJson.MAPPER.readTree(script.substring(from, script.indexOf("\nJSON\n", from)));
    }

    @Test
    void awsCliExportIsAScriptThatFindsOrMakesThePoliciesThenCreates() throws Exception {
        String script = ConfigExport.export(plan, ConfigExport.Format.AWS_CLI);
        assertThat(script).startsWith("#!/bin/sh\n").contains("set -eu");
        JsonNode playlist = heredoc(script, "cat > \"$dir/playlist.json\"");
        assertThat(playlist.get("Name").asText()).isEqualTo("StreamFront-playlist-1s-qs");
        assertThat(playlist.at("/ParametersInCacheKeyAndForwardedToOrigin/QueryStringsConfig/QueryStringBehavior").asText()).isEqualTo("all");
        assertThat(script).contains("PLAYLIST_POLICY=$(policy_id StreamFront-playlist-1s-qs");

        JsonNode json = heredoc(script, "cat > \"$dir/distribution.json\"");
        assertThat(json.get("CallerReference").asText()).isEqualTo("sf-test");
        assertThat(json.at("/Origins/Quantity").asInt()).isEqualTo(1);
        assertThat(json.at("/Origins/Items/0/OriginPath").asText()).isEqualTo("/WebRTCAppEE");
        assertThat(json.at("/Origins/Items/0/CustomOriginConfig/HTTPPort").asInt()).isEqualTo(5080);
        assertThat(json.at("/DefaultCacheBehavior/ForwardedValues").isMissingNode()).isTrue();
        assertThat(json.at("/CacheBehaviors/Items/0/PathPattern").asText()).isEqualTo("*.m3u8");
        assertThat(json.at("/CacheBehaviors/Items/0/CachePolicyId").asText()).isEqualTo("StreamFront-playlist-1s-qs");
        assertThat(json.at("/CustomErrorResponses/Items/0/ErrorCachingMinTTL").asLong()).isEqualTo(3);
        assertThat(json.at("/Aliases/Items").isMissingNode()).as("empty lists are left out").isTrue();
        assertThat(script).contains("s/\\\"StreamFront-playlist-1s-qs\\\"/\\\"$PLAYLIST_POLICY\\\"/");
    }

    @Test
    void cloudFormationDeclaresThePoliciesBesideTheDistribution() throws Exception {
        JsonNode json = PlanJson.MAPPER.readTree(ConfigExport.export(plan, ConfigExport.Format.CLOUDFORMATION));
        JsonNode resource = json.at("/Resources/Distribution");
        assertThat(resource.get("Type").asText()).isEqualTo("AWS::CloudFront::Distribution");
        JsonNode config = resource.at("/Properties/DistributionConfig");
        assertThat(config.has("CallerReference")).isFalse();
        assertThat(config.at("/Origins/0/CustomOriginConfig/OriginSSLProtocols/0").asText()).isEqualTo("TLSv1.2");
        assertThat(config.at("/DefaultCacheBehavior/AllowedMethods").size()).isEqualTo(3);
        assertThat(config.at("/DefaultCacheBehavior/CachedMethods").isArray()).isTrue();
        assertThat(config.at("/DefaultCacheBehavior/CachePolicyId/Ref").asText()).isEqualTo("SegmentCachePolicy");
        assertThat(config.at("/CacheBehaviors/0/CachePolicyId/Ref").asText()).isEqualTo("PlaylistCachePolicy");
        assertThat(config.at("/CacheBehaviors/0/ResponseHeadersPolicyId").asText()).isEqualTo(CacheSettings.SIMPLE_CORS_POLICY_ID);
        assertThat(config.at("/CustomErrorResponses/0/ErrorCode").asInt()).isEqualTo(404);
        assertThat(config.get("IPV6Enabled").asBoolean()).isTrue();
        assertThat(config.at("/Restrictions/GeoRestriction/RestrictionType").asText()).isEqualTo("none");
        assertThat(config.has("Aliases")).isFalse();
        assertThat(config.at("/DefaultCacheBehavior/TrustedSigners").isMissingNode()).isTrue();
        assertThat(resource.at("/Properties/Tags/0/Key").asText()).isEqualTo("streamfront:plan-id");

        JsonNode policy = json.at("/Resources/PlaylistCachePolicy");
        assertThat(policy.get("Type").asText()).isEqualTo("AWS::CloudFront::CachePolicy");
        JsonNode policyConfig = policy.at("/Properties/CachePolicyConfig");
        assertThat(policyConfig.at("/Name/Fn::Sub").asText()).isEqualTo("StreamFront-playlist-1s-qs-${AWS::StackName}");
        for (String required : new String[] {"MinTTL", "DefaultTTL", "MaxTTL", "ParametersInCacheKeyAndForwardedToOrigin"}) {
            assertThat(policyConfig.has(required)).as(required).isTrue();
        }
        JsonNode keys = policyConfig.get("ParametersInCacheKeyAndForwardedToOrigin");
        for (String required : new String[] {"EnableAcceptEncodingGzip", "HeadersConfig", "CookiesConfig", "QueryStringsConfig"}) {
            assertThat(keys.has(required)).as(required).isTrue();
        }
        assertThat(json.at("/Resources/SegmentCachePolicy/Type").asText()).isEqualTo("AWS::CloudFront::CachePolicy");
    }
}
