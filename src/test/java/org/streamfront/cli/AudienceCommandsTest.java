package org.streamfront.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.streamfront.aws.AwsClients;
import org.streamfront.plan.PlanIds;
import org.streamfront.plan.PlanJson;
import org.streamfront.sim.PracticeWorld;
import org.streamfront.testing.Configs;

/** estimate and status --metrics: the cost of a month, and the traffic CloudWatch saw. */
class AudienceCommandsTest {
    @TempDir
    Path home;
    private final PracticeWorld world = PracticeWorld.start(Duration.ZERO);

    @AfterEach
    void close() {
        world.close();
    }

    @Test
    void estimateWithAGivenBitrateAddsUpTheMonth() throws Exception {
        Path plan = CliTest.write(home, "plan.json", PlanJson.write(world.examplePlan()
                .withDistribution(new org.streamfront.plan.Plan.Distribution("redirect-to-https", "PriceClass_100", ""))));
        CliTest run = CliTest.run("estimate", plan.toString(), "--viewers", "1000", "--hours", "2", "--events", "4", "--bitrate", "2.5");
        assertThat(run.exit).as(run.err).isZero();
        // The same month CostEstimateTest works out by hand: 8,000 viewer-hours at 2.5 Mbit/s in North America.
        assertThat(run.out).contains("8,000 a month").contains("8,382 GB").contains("$644.22 a month").contains("as given")
                .contains("aws.amazon.com/cloudfront/pricing");
    }

    @Test
    void estimateMeasuresTheStreamOnTheServer() throws Exception {
        Path plan = CliTest.write(home, "plan.json", PlanJson.write(world.examplePlan()));
        CliTest run = CliTest.run("estimate", plan.toString(), "--viewers", "50", "--hours", "1.5");
        assertThat(run.exit).as(run.err).isZero();
        assertThat(run.out).containsPattern("bitrate +0\\.[23]\\d Mbit/s \\(measured");

        CliTest unknown = CliTest.run("estimate", plan.toString(), "--viewers", "50", "--hours", "1.5", "--rendition", "4k");
        assertThat(unknown.exit).isEqualTo(1);
        assertThat(unknown.err).contains("No rendition named 4k");
    }

    @Test
    void statusWithMetricsPrintsTheMinutesCloudWatchHas() throws Exception {
        String id;
        String domain;
        try (var cf = AwsClients.cloudFront(PracticeWorld.CREDENTIALS, world.api.uri())) {
            var made = cf.createDistribution(r -> r.distributionConfig(Configs.sendable(cf, PlanIds.ensure(world.examplePlan()))))
                    .distribution();
            id = made.id();
            domain = made.domainName();
        }
        Map<String, String> env = Map.of("AWS_ACCESS_KEY_ID", "AKIAPRACTICE00000000", "AWS_SECRET_ACCESS_KEY", "practice-secret",
                "AWS_ENDPOINT_URL_CLOUDFRONT", world.api.uri().toString(), "AWS_ENDPOINT_URL_CLOUDWATCH", world.api.uri().toString());

        CommandProcess quiet = CommandProcess.run(home, env, "status", id, "--metrics");
        assertThat(quiet.exit()).as(quiet.err()).isZero();
        assertThat(quiet.out()).contains("no datapoints");

        try (HttpClient http = HttpClient.newHttpClient()) {
            URI playlist = URI.create(world.edge.addressOf(domain) + "/streams/stream1.m3u8");
            for (int i = 0; i < 7; i++) {
                assertThat(http.send(HttpRequest.newBuilder(playlist).build(), HttpResponse.BodyHandlers.discarding()).statusCode()).isEqualTo(200);
            }
        }
        CommandProcess busy = CommandProcess.run(home, env, "status", id, "--metrics");
        assertThat(busy.exit()).as(busy.err()).isZero();
        assertThat(busy.out()).contains("minute  requests").containsPattern("\\d\\d:\\d\\d +7 ").contains("viewers:");
    }
}
