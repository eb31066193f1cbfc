package org.streamfront.ui.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.streamfront.aws.Retry;
import org.streamfront.deploy.DeployWatcher;
import org.streamfront.deploy.Distributions;
import org.streamfront.deploy.History;
import org.streamfront.plan.Plan;
import org.streamfront.plan.PlanIds;
import org.streamfront.playback.HeadlessPlayer;
import org.streamfront.sim.CloudFrontSimulator;
import org.streamfront.sim.SimFault;
import org.streamfront.testing.ScriptedServer;
import org.streamfront.ui.Jobs;
import software.amazon.awssdk.services.cloudfront.CloudFrontClient;
import org.streamfront.testing.SimulatorExtension;

/**
 * The Deploy step's logic without its screen: the work runs at once on the test thread
 * ({@link Jobs#immediate()}) against the CloudFront simulator through the real SDK client.
 */
class DeployViewModelTest {
    @TempDir
    Path dir;
    @RegisterExtension
    final SimulatorExtension cloudFront = new SimulatorExtension();
    private final CloudFrontSimulator sim = cloudFront.sim;
    private final CloudFrontClient client = cloudFront.client;
    private final Plan plan = PlanIds.ensure(Plan.empty().withName("Model test")
            .withOrigin(new Plan.Origin("ams.example.com", null, null, null, null)).withStream(new Plan.Stream("stream1")));

    @BeforeAll
    static void toolkit() throws Exception {
        // Only for the step's one-second clock (a Timeline); no window is opened.
        HeadlessPlayer.startToolkit();
    }


    private DeployViewModel model() {
        History history = History.open(dir.resolve("history.json"));
        Distributions d = new Distributions(() -> client, history, new Retry(Duration.ofMillis(10), Duration.ofMillis(50), 3),
                new DeployWatcher(Duration.ofMillis(50)));
        return new DeployViewModel(() -> d, domain -> URI.create("http://127.0.0.1:9/"), Jobs.immediate());
    }

    @Test
    void createShowsTheDistributionAndOpensNextOnlyWhenDeployed() {
        sim.deployDelay(Duration.ofMillis(200));
        DeployViewModel model = model();
        assertThat(model.blocker().get()).isNotNull();
        model.start(plan);
        assertThat(model.deployed.get()).isTrue();
        assertThat(model.blocker().get()).as("Next opens").isNull();
        assertThat(model.distributionId.get()).matches("E[A-Z0-9]{13}");
        assertThat(model.cloudFrontUrl.get()).endsWith("/streams/stream1.m3u8");
        assertThat(model.progress.get()).isEqualTo(1.0);
        assertThat(model.log).anySatisfy(l -> assertThat(l).contains("CloudFront created distribution"))
                .anySatisfy(l -> assertThat(l).contains("deployed"));
    }

    @Test
    void nextOpensBeforeDeployedOnlyForAPlaylistNotJustA200() throws Exception {
        try (ScriptedServer edge = new ScriptedServer()) {
            History history = History.open(dir.resolve("history.json"));
            Distributions d = new Distributions(() -> client, history, new Retry(Duration.ofMillis(10), Duration.ofMillis(50), 3),
                    new DeployWatcher(Duration.ofMillis(50)));
            sim.deployDelay(Duration.ofHours(1));
            edge.on("/streams/stream1.m3u8", ScriptedServer.Reply.of(200, "<html>Welcome to nginx!</html>", "Content-Type", "text/html"));
            DeployViewModel page = new DeployViewModel(() -> d, domain -> edge.url("/"), Jobs.background());
            doOnFx(() -> page.start(plan));
            awaitFx(() -> page.edgeNote.get().startsWith("Not serving your stream yet"));
            assertThat(onFx(() -> page.blocker().get())).as("a web page is not the stream").isNotNull();
            assertThat(onFx(page.watchable::get)).isFalse();

            edge.on("/streams/stream1.m3u8", ScriptedServer.Reply.playlist(
                    "#EXTM3U\n#EXT-X-TARGETDURATION:2\n#EXT-X-MEDIA-SEQUENCE:1\n#EXTINF:2.0,\nstream1000000001.ts\n"));
            awaitFx(() -> page.edgeNote.get().startsWith("You can watch now"));
            assertThat(onFx(() -> page.blocker().get())).as("Next opens before Deployed").isNull();
            assertThat(onFx(page.deployed::get)).isFalse();
            assertThat(onFx(() -> page.playNote().get())).contains("still copying your settings");
            doOnFx(page::cancel);
        }
    }

    @Test
    void aDeletedDistributionNeverOpensNextEvenThoughItsLastStatusWasDeployed() {
        sim.deployDelay(Duration.ZERO);
        DeployViewModel model = model();
        model.start(plan);
        assertThat(model.deployed.get()).isTrue();
        model.teardown();
        assertThat(model.deleted.get()).isTrue();
        assertThat(model.status.get()).isEqualTo("Deleted");
        assertThat(model.deployed.get()).isFalse();
        assertThat(model.blocker().get()).as("nothing to play").isNotNull();
        assertThat(sim.distributionCount()).isZero();
    }

    @Test
    void aRefusedCreateIsExplainedAndCanBeTriedAgain() {
        sim.deny("CreateDistributionWithTags");
        DeployViewModel model = model();
        model.start(plan);
        assertThat(model.running.get()).isFalse();
        assertThat(model.error.get()).isNotNull();
        assertThat(model.error.get().advice()).contains("cloudfront:CreateDistributionWithTags");
        sim.allow("CreateDistributionWithTags");
        model.retry();
        assertThat(model.error.get()).isNull();
        assertThat(model.deployed.get()).isTrue();
        assertThat(sim.distributionCount()).isEqualTo(1);
    }

    @Test
    void teardownReplacesTheRunningWatchAndTheWatchsEndNeverLands() throws Exception {
        sim.deployDelay(Duration.ofHours(1)); // CloudFront keeps deploying: the watch runs on and on
        History history = History.open(dir.resolve("history.json"));
        Distributions d = new Distributions(() -> client, history, new Retry(Duration.ofMillis(10), Duration.ofMillis(50), 3),
                new DeployWatcher(Duration.ofMillis(50)));
        DeployViewModel model = new DeployViewModel(() -> d, domain -> URI.create("http://127.0.0.1:9/"), Jobs.background());
        doOnFx(() -> model.start(plan));
        awaitFx(() -> model.distributionId.get().startsWith("E"));
        String id = onFx(() -> model.distributionId.get());

        sim.deployDelay(Duration.ZERO);
        doOnFx(model::teardown); // replaces the watch, which is cancelled mid-wait
        awaitFx(() -> model.deleted.get());
        assertThat(onFx(() -> model.error.get())).as("the cancelled watch's end does not land as an error").isNull();
        assertThat(onFx(() -> model.deployed.get())).isFalse();
        assertThat(onFx(() -> model.running.get())).isFalse();
        assertThat(sim.distributionCount()).isZero();
        assertThat(history.forDistribution(id)).map(e -> e.state().name()).contains("DELETED");
    }

    private static <T> T onFx(Callable<T> read) throws Exception {
        CompletableFuture<T> value = new CompletableFuture<>();
        Platform.runLater(() -> {
            try {
                value.complete(read.call());
            } catch (Exception e) {
                value.completeExceptionally(e);
            }
        });
        return value.get(10, TimeUnit.SECONDS);
    }

    private static void doOnFx(Runnable action) throws Exception {
        onFx(() -> {
            action.run();
            return Boolean.TRUE;
        });
    }

    /** Waits, with a deadline, until a condition read on the FX thread holds. */
    private static void awaitFx(Callable<Boolean> condition) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (!onFx(condition)) {
            assertThat(System.nanoTime()).as("condition not met in time").isLessThan(deadline);
            Thread.onSpinWait();
        }
    }

    @Test
    void tryAgainAfterAFailedTeardownTearsDownAgainAndNeverCreates() {
        sim.deployDelay(Duration.ZERO);
        DeployViewModel model = model();
        model.start(plan);
        String id = model.distributionId.get();
        sim.inject(SimFault.INTERNAL_ERROR, "*");
        sim.inject(SimFault.INTERNAL_ERROR, "*");
        sim.inject(SimFault.INTERNAL_ERROR, "*");
        model.teardown();
        assertThat(model.error.get()).as("the teardown failed").isNotNull();
        model.retry();
        assertThat(model.deleted.get()).isTrue();
        assertThat(sim.distributionCount()).isZero();
        assertThat(sim.calls("CreateDistributionWithTags")).as("no create on try again").isEqualTo(1);
        assertThat(model.distributionId.get()).isEqualTo(id);
    }

    @Test
    void anUpdateKeepsTheDistributionAndAChangeMeanwhileSendsTheUserBackToReview() {
        sim.deployDelay(Duration.ZERO);
        DeployViewModel model = model();
        model.start(plan);
        String id = model.distributionId.get();
        Plan changed = plan.withErrorPages(List.of(new Plan.ErrorPage(404, 5)));

        sim.inject(SimFault.STALE_ETAG, "UpdateDistribution");
        model.update(changed, id);
        assertThat(model.changedMeanwhile.get()).isTrue();
        assertThat(model.deployed.get()).isFalse();
        assertThat(client.getDistributionConfig(b -> b.id(id)).distributionConfig().customErrorResponses().items().getFirst()
                .errorCachingMinTTL()).as("nothing was sent").isEqualTo(3L);

        model.retry();
        assertThat(model.changedMeanwhile.get()).isFalse();
        assertThat(model.deployed.get()).isTrue();
        assertThat(model.distributionId.get()).isEqualTo(id);
        assertThat(client.getDistributionConfig(b -> b.id(id)).distributionConfig().customErrorResponses().items().getFirst()
                .errorCachingMinTTL()).isEqualTo(5L);
        assertThat(model.log).anySatisfy(l -> assertThat(l).endsWith("404 remembered: 3 s \u2192 5 s"));
    }
}
