package org.streamfront.ui.distributions;

import org.streamfront.testing.Configs;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.streamfront.aws.Retry;
import org.streamfront.deploy.DeployWatcher;
import org.streamfront.deploy.Distributions;
import org.streamfront.deploy.History;
import org.streamfront.deploy.Progress;
import org.streamfront.plan.DistributionConfigMapper;
import org.streamfront.plan.Plan;
import org.streamfront.plan.PlanIds;
import org.streamfront.plan.PlanImport;
import org.streamfront.sim.CloudFrontSimulator;
import org.streamfront.ui.Jobs;
import software.amazon.awssdk.services.cloudfront.CloudFrontClient;
import org.streamfront.testing.SimulatorExtension;

/** My distributions' list without its window: what the history and CloudFront say, merged. */
class MyDistributionsViewModelTest {
    @TempDir
    Path dir;
    @RegisterExtension
    final SimulatorExtension cloudFront = new SimulatorExtension();
    private final CloudFrontSimulator sim = cloudFront.sim;
    private final CloudFrontClient client = cloudFront.client;


    private static Plan plan(String name) {
        return PlanIds.ensure(Plan.empty().withName(name).withOrigin(new Plan.Origin("ams.example.com", null, null, null, null))
                .withStream(new Plan.Stream("live1")));
    }

    private Distributions distributions() {
        return new Distributions(() -> client, History.open(dir.resolve("history.json")),
                new Retry(Duration.ofMillis(10), Duration.ofMillis(50), 3), new DeployWatcher(Duration.ofMillis(50)));
    }

    @Test
    void listsOursOnceEachLeavesOutTheDeletedAndOthersDistributions() throws Exception {
        sim.deployDelay(Duration.ZERO);
        Distributions d = distributions();
        var kept = d.create(plan("Kept"), Progress.SILENT);
        var gone = d.create(plan("Gone"), Progress.SILENT);
        d.teardown(gone.id(), Progress.SILENT, Duration.ofSeconds(20));
        // Someone else's distribution, made without StreamFront: no plan id in its comment.
        Plan foreign = plan("Foreign");
        client.createDistribution(b -> b.distributionConfig(Configs.tutorial(foreign, "by hand", "console-0")));

        MyDistributionsViewModel model = new MyDistributionsViewModel(() -> d, Jobs.immediate());
        model.refresh();
        assertThat(model.rows).extracting(MyDistributionsViewModel.Row::id).containsExactly(kept.id());
        assertThat(model.rows.getFirst().status()).isEqualTo("Deployed");
        assertThat(model.rows.getFirst().stream()).isEqualTo("live1");
        assertThat(model.loading.get()).isFalse();
        assertThat(model.message.get()).isEmpty();
    }

    @Test
    void withoutASignInItSaysToConnectFirst() {
        MyDistributionsViewModel model = new MyDistributionsViewModel(() -> {
            throw new IllegalStateException("no AWS sign-in is connected");
        }, Jobs.immediate());
        model.refresh();
        assertThat(model.rows).isEmpty();
        assertThat(model.message.get()).isNotBlank().doesNotContain("IllegalStateException");
        assertThat(model.loading.get()).isFalse();
    }

    @Test
    void showAllListsOthersDistributionsAndImportMakesOneOurs() throws Exception {
        sim.deployDelay(Duration.ZERO);
        Distributions d = distributions();
        var kept = d.create(plan("Kept"), Progress.SILENT);
        String foreign = client.createDistribution(b -> b.distributionConfig(Configs.tutorial(plan("Foreign"), "by hand", "console-1")))
                .distribution().id();

        MyDistributionsViewModel model = new MyDistributionsViewModel(() -> d, Jobs.immediate());
        model.showAll.set(true);
        model.refresh();
        assertThat(model.rows).extracting(MyDistributionsViewModel.Row::id, MyDistributionsViewModel.Row::ours)
                .containsExactlyInAnyOrder(tuple(kept.id(), true),
                        tuple(foreign, false));

        var row = model.rows.stream().filter(r -> !r.ours()).findFirst().orElseThrow();
        PlanImport.Imported[] read = new PlanImport.Imported[1];
        model.readPlan(row, imported -> read[0] = imported);
        assertThat(read[0].id()).isEqualTo(foreign);
        assertThat(read[0].plan().origin().domain()).isEqualTo("ams.example.com");
        assertThat(d.history().forDistribution(foreign)).as("imported: StreamFront's from now on").isPresent();

        model.showAll.set(false);
        model.refresh();
        assertThat(model.rows).extracting(MyDistributionsViewModel.Row::id).containsExactlyInAnyOrder(kept.id(), foreign);
    }

    @Test
    void readingAMissingDistributionSaysSoAndKeepsTheWindowsList() {
        Distributions d = distributions();
        MyDistributionsViewModel model = new MyDistributionsViewModel(() -> d, Jobs.immediate());
        boolean[] opened = {false};
        model.readPlan(new MyDistributionsViewModel.Row("ENOSUCHDIST000", "Deployed", "d1.cloudfront.net", "", null, null, false),
                imported -> opened[0] = true);
        assertThat(opened[0]).isFalse();
        assertThat(model.message.get()).isNotBlank().doesNotContain("Exception");
        assertThat(model.loading.get()).isFalse();
    }
}
