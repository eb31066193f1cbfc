package org.streamfront.plan;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.streamfront.access.ViewerFunction;
import org.streamfront.testing.CloudFormationSpec;

class ConfigExportTest {
    private final Plan plan = PlanRulesTest.valid().withStream(new Plan.Stream("stream1"));
    private final Plan tokens = plan.withAccess(new Plan.Access(Plan.Access.TOKEN));

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

    @Test
    void theCloudFormationTemplatesFitTheResourceSpecification() throws Exception {
        for (Plan p : List.of(plan, tokens)) {
            JsonNode template = PlanJson.MAPPER.readTree(ConfigExport.export(p, ConfigExport.Format.CLOUDFORMATION));
            assertThat(CloudFormationSpec.problems(template)).as(p.access().mode()).isEmpty();
        }
        JsonNode broken = PlanJson.MAPPER.readTree(ConfigExport.export(tokens, ConfigExport.Format.CLOUDFORMATION));
        ((ObjectNode) broken.at("/Resources/ViewerCheck/Properties")).put("AutoPublish", "yes");
        ((ObjectNode) broken.at("/Resources/ViewerCheck/Properties")).remove("FunctionCode");
        ((ObjectNode) broken.at("/Resources/ViewerCheck/Properties/FunctionConfig")).put("Runtimes", "x");
        assertThat(CloudFormationSpec.problems(broken)).as("the check can fail").hasSize(3);
    }

    @Test
    void withTokensTheTemplateDeclaresTheStoreAndThePublishedFunctionOnEveryBehaviour() throws Exception {
        JsonNode template = PlanJson.MAPPER.readTree(ConfigExport.export(tokens, ConfigExport.Format.CLOUDFORMATION));
        assertThat(template.at("/Resources/ViewerSecretStore/Type").asText()).isEqualTo("AWS::CloudFront::KeyValueStore");
        JsonNode function = template.at("/Resources/ViewerCheck/Properties");
        assertThat(function.get("FunctionCode").asText()).as("the code tested under node").isEqualTo(ViewerFunction.source());
        assertThat(function.get("AutoPublish").asBoolean()).isTrue();
        assertThat(function.at("/FunctionConfig/KeyValueStoreAssociations/0/KeyValueStoreARN/Fn::GetAtt/0").asText()).isEqualTo("ViewerSecretStore");
        JsonNode config = template.at("/Resources/Distribution/Properties/DistributionConfig");
        List<JsonNode> behaviours = new java.util.ArrayList<>();
        behaviours.add(config.get("DefaultCacheBehavior"));
        config.get("CacheBehaviors").forEach(behaviours::add);
        assertThat(behaviours).hasSize(5).allSatisfy(b -> {
            assertThat(b.at("/FunctionAssociations/0/EventType").asText()).isEqualTo("viewer-request");
            assertThat(b.at("/FunctionAssociations/0/FunctionARN/Fn::GetAtt/0").asText()).isEqualTo("ViewerCheck");
        });
        assertThat(template.at("/Outputs/SecretStoreArn").isMissingNode()).isFalse();
        assertThat(template.get("Description").asText()).contains("never in this template");
    }

    @Test
    void withTokensTheScriptMakesTestsAndPublishesTheCheckAndReadsTheSecretFromAFile(@TempDir Path dir) throws Exception {
        String script = ConfigExport.export(tokens, ConfigExport.Format.AWS_CLI);
        String js = script.substring(script.indexOf("<<'JS'\n") + 7, script.indexOf("\nJS\n") + 1);
        assertThat(js).as("the code tested under node").isEqualTo(ViewerFunction.source());
        assertThat(script.indexOf("create-key-value-store")).isLessThan(script.indexOf("put-key"));
        assertThat(script.indexOf("put-key")).isLessThan(script.indexOf("create-function"));
        assertThat(script.indexOf("test-function")).isLessThan(script.indexOf("publish-function"));
        assertThat(script.indexOf("publish-function")).isLessThan(script.indexOf("create-distribution"));
        assertThat(script).contains("-e \"s/\\\"StreamFront-viewers-sf-test\\\"/\\\"$FUNCTION_ARN\\\"/\"");
        JsonNode distribution = heredoc(script, "cat > \"$dir/distribution.json\"");
        assertThat(distribution.at("/DefaultCacheBehavior/FunctionAssociations/Items/0/FunctionARN").asText()).isEqualTo("StreamFront-viewers-sf-test");

        // The secret reaches the store through a file the script writes from the secret file, quotes and all.
        String secret = "a\"secret\\with-awkward-characters-0123456789";
        Path secretFile = Files.writeString(dir.resolve("viewers.secret"), secret + "\n");
        String lines = script.lines().filter(l -> l.startsWith("{ printf") || l.startsWith("  tr -d")).reduce("", (a, b) -> a + b + "\n");
        var env = new ProcessBuilder("sh", "-c", "set -eu\n" + lines).directory(dir.toFile()).redirectErrorStream(true);
        env.environment().putAll(java.util.Map.of("STORE_ARN", "arn:aws:cloudfront::123456789012:key-value-store/x", "ETAG", "E1",
                "SECRET_FILE", secretFile.toString(), "dir", dir.toString()));
        Process run = env.start();
        assertThat(run.waitFor()).as(new String(run.getInputStream().readAllBytes())).isZero();
        JsonNode put = PlanJson.MAPPER.readTree(dir.resolve("put-key.json").toFile());
        assertThat(put.get("Value").asText()).isEqualTo(secret);
        assertThat(put.get("IfMatch").asText()).isEqualTo("E1");
    }
}
