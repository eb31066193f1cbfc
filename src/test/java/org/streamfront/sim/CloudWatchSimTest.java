package org.streamfront.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.streamfront.audience.AudienceMetrics;
import org.streamfront.audience.Traffic;
import org.streamfront.aws.AwsErrors;
import org.streamfront.aws.AwsSession;
import org.streamfront.aws.Retry;

/** The real CloudWatch client against the practice CloudWatch: what the edge served comes back as metrics. */
class CloudWatchSimTest {
    private final SimWorld sim = new SimWorld();
    private final AudienceMetrics metrics = new AudienceMetrics(
            new AwsSession("practice", PracticeWorld.CREDENTIALS, sim.world.api.uri()), Retry.standard());

    @AfterEach
    void close() {
        sim.close();
    }

    private String idOf(String domain) {
        return sim.cloudFront.listDistributions().distributionList().items().stream()
                .filter(d -> d.domainName().equals(domain)).findFirst().orElseThrow().id();
    }

    @Test
    void requestsAndBytesTheEdgeServedAreWhatCloudWatchReports() throws Exception {
        String domain = sim.distribute(sim.world.examplePlan());
        String id = idOf(domain);
        Traffic before = metrics.read(id, Duration.ofMinutes(5), 60, (w, n, d, c) -> { });
        assertThat(before.hasData()).as("no datapoints before anyone watched").isFalse();

        long bytes = 0;
        for (int i = 0; i < 5; i++) {
            bytes += sim.viaEdge(domain, "/streams/stream1.m3u8").body().length;
        }
        assertThat(sim.viaEdge(domain, "/streams/nobody.m3u8").statusCode()).isEqualTo(404);

        Traffic after = metrics.read(id, Duration.ofMinutes(5), 3600, (w, n, d, c) -> { });
        assertThat(after.requests()).hasSize(1);
        assertThat(after.requests().getFirst().value()).isEqualTo(6);
        assertThat(after.bytesDownloaded().getFirst().value()).isGreaterThanOrEqualTo(bytes);
        assertThat(after.clientErrorRate().getFirst().value()).isCloseTo(100.0 / 6, org.assertj.core.api.Assertions.within(0.01));
        assertThat(after.serverErrorRate().getFirst().value()).isZero();
        assertThat(after.hitRate()).as("additional metrics are off").isEmpty();
        assertThat(after.originShare()).isEmpty();
    }

    @Test
    void theCacheHitRateComesOnlyOnceTheAdditionalMetricsAreOn() throws Exception {
        String domain = sim.distribute(sim.world.examplePlan());
        String id = idOf(domain);
        String segment = "/streams/" + new String(sim.viaEdge(domain, "/streams/stream1.m3u8").body()).lines()
                .filter(l -> l.endsWith(".ts")).findFirst().orElseThrow();
        for (int i = 0; i < 4; i++) {
            sim.viaEdge(domain, segment); // one miss, then three hits
        }
        assertThat(metrics.read(id, Duration.ofMinutes(5), 3600, (w, n, d, c) -> { }).hitRate()).isEmpty();

        metrics.turnOnAdditionalMetrics(id, (w, n, d, c) -> { });
        metrics.turnOnAdditionalMetrics(id, (w, n, d, c) -> { }); // already on: no error
        Traffic t = metrics.read(id, Duration.ofMinutes(5), 3600, (w, n, d, c) -> { });
        // Five cacheable answers (the playlist and four segment requests), three of them from the cache.
        assertThat(t.hitRate().getFirst().value()).isCloseTo(60.0, org.assertj.core.api.Assertions.within(0.01));
        assertThat(t.originShare()).contains(40.0);
    }

    @Test
    void anotherDistributionsTrafficIsNotCounted() throws Exception {
        String mine = sim.distribute(sim.world.examplePlan());
        String other = sim.distribute(sim.world.examplePlan().withName("Other"));
        sim.viaEdge(other, "/streams/stream1.m3u8");

        Traffic traffic = metrics.read(idOf(mine), Duration.ofMinutes(5), 60, (w, n, d, c) -> { });
        assertThat(traffic.hasData()).isFalse();
    }

    @Test
    void aBodyThatIsNotCborOrLacksTheQueriesIsRefused() throws Exception {
        java.net.URI endpoint = java.net.URI.create(sim.world.api.uri() + "/service/GraniteServiceVersion20100801/operation/GetMetricData");
        var garbage = sim.http.send(java.net.http.HttpRequest.newBuilder(endpoint)
                .POST(java.net.http.HttpRequest.BodyPublishers.ofByteArray(new byte[] {(byte) 0xff, 0x00, 0x13})).build(),
                java.net.http.HttpResponse.BodyHandlers.ofByteArray());
        assertThat(garbage.statusCode()).isEqualTo(400);
        byte[] noQueries = new com.fasterxml.jackson.dataformat.cbor.databind.CBORMapper().writeValueAsBytes(java.util.Map.of("StartTime", 1));
        var empty = sim.http.send(java.net.http.HttpRequest.newBuilder(endpoint)
                .POST(java.net.http.HttpRequest.BodyPublishers.ofByteArray(noQueries)).build(), java.net.http.HttpResponse.BodyHandlers.ofByteArray());
        assertThat(empty.statusCode()).isEqualTo(400);
        assertThat(empty.headers().firstValue("x-amzn-query-error")).hasValueSatisfying(v -> assertThat(v).startsWith("ValidationError"));
    }

    @Test
    void aSignInWithoutThePermissionIsToldWhichOneIsMissing() {
        String id = idOf(sim.distribute(sim.world.examplePlan()));
        sim.world.api.deny("GetMetricData");

        assertThatThrownBy(() -> metrics.read(id, Duration.ofMinutes(5), 60, (w, n, d, c) -> { }))
                .satisfies(e -> {
                    AwsErrors.Explained explained = AwsErrors.explain(e);
                    assertThat(explained.aboutPermissions()).isTrue();
                    assertThat(explained.advice()).contains("cloudwatch:GetMetricData");
                });
    }
}
