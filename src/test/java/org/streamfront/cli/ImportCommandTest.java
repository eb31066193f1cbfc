package org.streamfront.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.streamfront.aws.AwsClients;
import org.streamfront.plan.Plan;
import org.streamfront.plan.PlanJson;
import org.streamfront.sim.CloudFrontSimulator;
import org.streamfront.sim.PracticeWorld;
import org.streamfront.testing.AwsCli;
import org.streamfront.testing.SimulatorExtension;

/**
 * A distribution made by hand the tutorial's way — here with the AWS CLI — read into a plan, then
 * brought in line by apply: the same distribution, the live preset written, the plan id in its comment.
 */
class ImportCommandTest {
    /** The tutorial's console form as a CLI config: forward all query strings, origin-header TTLs, 404 for 3 s. */
    private static final String TUTORIAL = """
            {"CallerReference": "console-2024-01-01", "Comment": "Sunday service", "Enabled": true,
             "Origins": {"Quantity": 1, "Items": [{"Id": "Custom-ams.example.com/WebRTCAppEE", "DomainName": "ams.example.com",
               "OriginPath": "/WebRTCAppEE",
               "CustomOriginConfig": {"HTTPPort": 5080, "HTTPSPort": 443, "OriginProtocolPolicy": "http-only"}}]},
             "DefaultCacheBehavior": {"TargetOriginId": "Custom-ams.example.com/WebRTCAppEE", "ViewerProtocolPolicy": "allow-all",
               "ForwardedValues": {"QueryString": true, "Cookies": {"Forward": "none"}},
               "MinTTL": 0, "DefaultTTL": 86400, "MaxTTL": 31536000},
             "CustomErrorResponses": {"Quantity": 1, "Items": [{"ErrorCode": 404, "ErrorCachingMinTTL": 3}]},
             "PriceClass": "PriceClass_All"}
            """;

    @TempDir
    Path home;
    @RegisterExtension
    final SimulatorExtension cloudFront = new SimulatorExtension();
    private final CloudFrontSimulator sim = cloudFront.sim;


    private Map<String, String> env() {
        return CommandProcess.awsVariables(sim);
    }

    private String createWithTheAwsCli() throws Exception {
        Path config = Files.writeString(home.resolve("tutorial.json"), TUTORIAL);
        String out = AwsCli.run(home, Map.of(), List.of(AwsCli.AWS, "cloudfront", "create-distribution",
                "--distribution-config", "file://" + config, "--endpoint-url", sim.uri().toString(), "--output", "json"));
        return PlanJson.MAPPER.readTree(out).at("/Distribution/Id").asText();
    }

    @Test
    void aTutorialDistributionBecomesAPlanThatApplyThenUpdatesInPlace() throws Exception {
        sim.deployDelay(Duration.ZERO);
        String id = createWithTheAwsCli();
        Path planFile = home.resolve("imported.json");

        CommandProcess imported = CommandProcess.run(home, env(), "import", id, "--output", planFile.toString());
        assertThat(imported.exit()).as(imported.err()).isZero();
        assertThat(imported.err()).contains("every viewer\u2019s playlist request reaches your server".replace('\u2019', '\''))
                .doesNotContain("needs a fix");
        Plan plan = PlanJson.read(planFile);
        assertThat(plan.origin().domain()).isEqualTo("ams.example.com");
        assertThat(plan.origin().application()).isEqualTo("WebRTCAppEE");
        assertThat(plan.origin().httpPort()).isEqualTo(5080);
        assertThat(plan.cache().queryStrings()).isEqualTo(Plan.Cache.ALL);
        assertThat(plan.errorPages()).containsExactly(new Plan.ErrorPage(404, 3));
        assertThat(plan.distribution().viewerProtocol()).isEqualTo("allow-all");
        assertThat(plan.name()).isEqualTo("Sunday service");
        assertThat(CommandProcess.run(home, env(), "validate", planFile.toString()).exit()).as("a valid plan").isZero();

        CommandProcess dry = CommandProcess.run(home, env(), "apply", planFile.toString(), "--dry-run");
        assertThat(dry.exit()).as(dry.err()).isEqualTo(3);
        assertThat(dry.err()).contains("Playlists kept: (none) \u2192 1 s");

        CommandProcess apply = CommandProcess.run(home, env(), "apply", planFile.toString(), "--wait", "--timeout", "60s");
        assertThat(apply.exit()).as(apply.err()).isZero();
        JsonNode result = PlanJson.MAPPER.readTree(apply.out().strip().lines().reduce((a, b) -> b).orElseThrow());
        assertThat(result.get("id").asText()).as("the same distribution").isEqualTo(id);
        assertThat(sim.distributionCount()).isEqualTo(1);
        try (var cf = AwsClients.cloudFront(PracticeWorld.CREDENTIALS, sim.uri())) {
            var after = cf.getDistributionConfig(b -> b.id(id)).distributionConfig();
            assertThat(after.comment()).contains("Sunday service").contains("[streamfront " + plan.planId() + "]");
            assertThat(after.cacheBehaviors().items()).extracting(b -> b.pathPattern()).contains("*.m3u8", "*.ts");
            assertThat(after.origins().items()).as("the hand-made origin replaced, not doubled").hasSize(1);
            assertThat(after.callerReference()).isEqualTo("console-2024-01-01");
        }
        CommandProcess again = CommandProcess.run(home, env(), "apply", planFile.toString(), "--dry-run");
        assertThat(again.exit()).as("in sync after the update: " + again.err()).isZero();
    }

    @Test
    void aDistributionThatDoesNotExistIsOnePlainError() throws Exception {
        CommandProcess missing = CommandProcess.run(home, env(), "import", "ENOSUCHDIST0000");
        assertThat(missing.exit()).isEqualTo(1);
        assertThat(missing.err()).contains("no longer exists").doesNotContain("Exception in");
        assertThat(missing.out()).isEmpty();
    }
}
