package org.streamfront.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.streamfront.aws.AwsClients;
import org.streamfront.aws.Retry;
import org.streamfront.deploy.DeployWatcher;
import org.streamfront.deploy.Distributions;
import org.streamfront.deploy.History;
import org.streamfront.deploy.Progress;
import org.streamfront.deploy.Snapshot;
import org.streamfront.plan.Plan;
import org.streamfront.plan.PlanIds;
import org.streamfront.sim.CloudFrontSimulator;
import org.streamfront.sim.PracticeWorld;

/**
 * How soon "Deployed" is noticed after CloudFront (the simulator) flips at a known moment:
 * StreamFront's watcher next to {@code aws cloudfront wait distribution-deployed}, same simulator, same run.
 */
class DeployDetectionBenchmark {
    private static final int RUNS = 5;
    private static final Duration DEPLOY = Duration.ofSeconds(7);

    @Test
    void detectionDelay() throws Exception {
        try (CloudFrontSimulator sim = CloudFrontSimulator.start();
             var client = AwsClients.cloudFront(PracticeWorld.CREDENTIALS, sim.uri())) {
            sim.deployDelay(DEPLOY);
            Path dir = Files.createTempDirectory("sf-bench");
            Distributions d = new Distributions(() -> client, History.open(dir.resolve("h.json")), Retry.standard(),
                    DeployWatcher.standard());
            List<Double> ours = new ArrayList<>();
            double calls = 0;
            double minutes = 0;
            for (int i = 0; i < RUNS; i++) {
                Snapshot made = d.create(plan(), Progress.SILENT);
                long before = sim.calls("GetDistribution");
                Instant start = Instant.now();
                d.awaitDeployed(made.id(), Progress.SILENT, Duration.ofMinutes(2));
                Instant seen = Instant.now();
                ours.add(Duration.between(sim.deployedAt(made.id()).orElseThrow(), seen).toMillis() / 1000.0);
                calls += sim.calls("GetDistribution") - before;
                minutes += Duration.between(start, seen).toMillis() / 60_000.0;
            }

            Snapshot forCli = d.create(plan(), Progress.SILENT);
            ProcessBuilder waiter = new ProcessBuilder("/usr/bin/aws", "cloudfront", "wait", "distribution-deployed",
                    "--id", forCli.id(), "--endpoint-url", sim.uri().toString()).redirectErrorStream(true);
            waiter.environment().put("AWS_ACCESS_KEY_ID", "AKIAPRACTICE00000000");
            waiter.environment().put("AWS_SECRET_ACCESS_KEY", "practice");
            waiter.environment().put("AWS_DEFAULT_REGION", "us-east-1");
            Process p = waiter.start();
            p.getOutputStream().close();
            assertThat(p.waitFor(5, TimeUnit.MINUTES)).isTrue();
            assertThat(p.exitValue()).as(new String(p.getInputStream().readAllBytes())).isZero();
            double cli = Duration.between(sim.deployedAt(forCli.id()).orElseThrow(), Instant.now()).toMillis() / 1000.0;

            BenchTable.print("Deployment detection: delay after the simulator flips to Deployed (s)",
                    new String[] {"watcher", "median s", "runs", "GetDistribution calls/min while waiting"},
                    List.of(new String[] {"StreamFront", String.format("%.2f", BenchTable.median(ours)), ours.toString(),
                                    String.format("%.0f", calls / minutes)},
                            new String[] {"aws cloudfront wait distribution-deployed", String.format("%.2f", cli), "[" + cli + "]",
                                    "1 (polls every 60 s)"},
                            new String[] {"target: StreamFront median <= 3 s", "", "", ""}));
        }
    }

    private static Plan plan() {
        return PlanIds.ensure(Plan.empty().withOrigin(new Plan.Origin("ams.example.com", null, null, null, null)));
    }
}
