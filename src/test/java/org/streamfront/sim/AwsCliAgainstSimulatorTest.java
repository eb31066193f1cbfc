package org.streamfront.sim;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.streamfront.cli.CliTest;
import org.streamfront.plan.PlanJson;
import org.streamfront.testing.AwsCli;
import org.streamfront.testing.SimulatorExtension;

/**
 * The AWS CLI (Debian's awscli) against the CloudFront simulator: StreamFront's own export passes
 * the CLI's parameter validation and creates a distribution; the rest of its life cycle follows.
 */
class AwsCliAgainstSimulatorTest {
    @TempDir
    Path dir;
    @RegisterExtension
    final SimulatorExtension cloudFront = new SimulatorExtension();
    private final CloudFrontSimulator sim = cloudFront.sim;


    private JsonNode aws(String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(AwsCli.AWS, "cloudfront"));
        command.addAll(List.of(args));
        command.addAll(List.of("--endpoint-url", sim.uri().toString(), "--output", "json"));
        String out = AwsCli.run(dir, Map.of(), command);
        return out.isBlank() ? null : PlanJson.MAPPER.readTree(out);
    }

    /** Runs the exported script as a user would, with an {@code aws} on the PATH that reaches the simulator. */
    private JsonNode runScript(Path script) throws Exception {
        Path bin = Files.createDirectories(dir.resolve("bin"));
        Path shim = Files.writeString(bin.resolve("aws"), "#!/bin/sh\nexec " + AwsCli.AWS + " \"$@\" --endpoint-url " + sim.uri() + "\n");
        shim.toFile().setExecutable(true);
        return PlanJson.MAPPER.readTree(AwsCli.run(dir, Map.of("PATH", bin + ":" + System.getenv("PATH")), List.of("sh", script.toString())));
    }

    @Test
    void theExportedScriptMakesThePoliciesAndTheDistributionAndTheAwsCliRunsTheRestOfItsLife() throws Exception {
        Path plan = CliTest.write(dir, "plan.json", "{\"planId\": \"sf-cli\", \"origin\": {\"domain\": \"ams.example.com\"}}");
        CliTest export = CliTest.run("export", plan.toString(), "--format", "aws-cli");
        assertThat(export.exit).isZero();
        Path script = Files.writeString(dir.resolve("create.sh"), export.out);

        JsonNode made = runScript(script);
        String id = made.get("Id").asText();
        assertThat(made.get("Domain").asText()).endsWith(".cloudfront.net");
        assertThat(sim.cachePolicyNames()).containsExactlyInAnyOrder("StreamFront-playlist-1s-qs", "StreamFront-segment-10s-qs");
        JsonNode created = aws("get-distribution", "--id", id);
        assertThat(created.at("/Distribution/DistributionConfig/Origins/Items/0/OriginPath").asText()).isEqualTo("/WebRTCAppEE");
        assertThat(created.at("/Distribution/DistributionConfig/CacheBehaviors/Items/0/PathPattern").asText()).isEqualTo("*.m3u8");
        // The second plan with the same settings finds the policies instead of making them again.
        Path second = CliTest.write(dir, "second.json", "{\"planId\": \"sf-cli-2\", \"origin\": {\"domain\": \"ams2.example.com\"}}");
        runScript(Files.writeString(dir.resolve("second.sh"), CliTest.run("export", second.toString(), "--format", "aws-cli").out));
        assertThat(sim.cachePolicyNames()).hasSize(2);

        assertThat(aws("get-distribution", "--id", id).at("/Distribution/Status").asText()).isIn("InProgress", "Deployed");
        assertThat(aws("list-distributions").at("/DistributionList/Items/0/Id").asText()).isEqualTo(id);

        JsonNode current = aws("get-distribution-config", "--id", id);
        ObjectNode disabled = (ObjectNode) current.get("DistributionConfig");
        disabled.put("Enabled", false);
        Path disabledFile = Files.writeString(dir.resolve("disabled.json"), disabled.toString());
        JsonNode updated = aws("update-distribution", "--id", id, "--if-match", current.get("ETag").asText(),
                "--distribution-config", "file://" + disabledFile);
        assertThat(updated.at("/Distribution/DistributionConfig/Enabled").asBoolean()).isFalse();
        sim.finishDeployment(id);
        aws("delete-distribution", "--id", id, "--if-match", updated.get("ETag").asText());
        assertThat(sim.distributionCount()).as("the second plan's is left").isEqualTo(1);
    }
}
