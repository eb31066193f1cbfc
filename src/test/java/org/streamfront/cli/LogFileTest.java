package org.streamfront.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.streamfront.sim.CloudFrontSimulator;
import org.streamfront.testing.SimulatorExtension;

/**
 * The log a user can send: a failed apply leaves a file that names the failure, and a canary secret
 * fed through sign-in (the keys), apply, status and teardown appears in no log file.
 */
class LogFileTest {
    /** Shaped like a real secret access key (40 characters), so a leak would look like one. */
    private static final String CANARY = "CanarySecretKeyZZ0123456789abcdefghijklm";
    @TempDir
    Path home;
    @RegisterExtension
    final SimulatorExtension cloudFront = new SimulatorExtension();
    private final CloudFrontSimulator sim = cloudFront.sim;

    private Map<String, String> env() {
        Map<String, String> env = new HashMap<>(CommandProcess.awsVariables(sim));
        env.put("AWS_SECRET_ACCESS_KEY", CANARY);
        env.put("AWS_SESSION_TOKEN", "CanarySessionToken" + "Q".repeat(120));
        return env;
    }

    private String allLogs() throws Exception {
        StringBuilder all = new StringBuilder();
        try (Stream<Path> files = Files.list(home.resolve("logs"))) {
            for (Path f : files.toList()) {
                all.append(Files.readString(f));
            }
        }
        return all.toString();
    }

    @Test
    void aFailedApplyIsLoggedByNameAndNoSecretReachesAnyLog() throws Exception {
        Path plan = CliTest.write(home, "plan.json", "{\"origin\": {\"domain\": \"ams.example.com\"}, \"stream\": {\"id\": \"stream1\"}}");
        sim.deny("CreateDistributionWithTags");
        sim.deny("CreateDistribution");
        CommandProcess refused = CommandProcess.run(home, env(), "apply", plan.toString());
        assertThat(refused.exit()).isEqualTo(1);
        assertThat(allLogs()).as("the failure, by name, with its request id").contains("AccessDenied").contains("Request ID");

        sim.allow("CreateDistributionWithTags");
        sim.allow("CreateDistribution");
        sim.deployDelay(Duration.ZERO);
        CommandProcess apply = CommandProcess.run(home, env(), "apply", plan.toString(), "--wait", "--timeout", "60s");
        assertThat(apply.exit()).as(apply.err()).isZero();
        String id = apply.out().strip().lines().reduce((a, b) -> b).orElseThrow().replaceAll(".*\"id\"\\s*:\\s*\"([^\"]+)\".*", "$1");
        assertThat(CommandProcess.run(home, env(), "status", id).exit()).isZero();
        assertThat(CommandProcess.run(home, env(), "teardown", id, "--wait").exit()).isZero();

        String logs = allLogs();
        assertThat(logs).doesNotContain(CANARY).doesNotContain("CanarySessionToken");
        assertThat(Files.list(home.resolve("logs")).toList()).allSatisfy(f -> assertThat(f.getFileName().toString()).startsWith("streamfront-"));
    }
}
