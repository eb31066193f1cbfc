package org.streamfront.ui.review;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.collections.FXCollections;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.streamfront.aws.Retry;
import org.streamfront.deploy.DeployWatcher;
import org.streamfront.deploy.Distributions;
import org.streamfront.deploy.History;
import org.streamfront.deploy.Progress;
import org.streamfront.plan.Plan;
import org.streamfront.plan.PlanIds;
import org.streamfront.sim.CloudFrontSimulator;
import org.streamfront.sim.SimFault;
import org.streamfront.ui.Jobs;
import org.streamfront.ui.wizard.PlanForm;
import software.amazon.awssdk.services.cloudfront.CloudFrontClient;
import org.streamfront.testing.SimulatorExtension;

/** What Review offers for a plan, against the CloudFront simulator: create, update with the differences, nothing, or ask again. */
class ReviewViewModelTest {
    @TempDir
    Path dir;
    @RegisterExtension
    final SimulatorExtension cloudFront = new SimulatorExtension();
    private final CloudFrontSimulator sim = cloudFront.sim;
    private final CloudFrontClient client = cloudFront.client;
    private final PlanForm form = new PlanForm();
    private Distributions distributions;


    private ReviewViewModel model() {
        sim.deployDelay(Duration.ZERO);
        distributions = new Distributions(() -> client, History.open(dir.resolve("history.json")),
                new Retry(Duration.ofMillis(10), Duration.ofMillis(50), 2), new DeployWatcher(Duration.ofMillis(50)));
        form.load(PlanIds.ensure(Plan.empty().withName("Review test").withOrigin(new Plan.Origin("ams.example.com", null, null, null, null))));
        return new ReviewViewModel(form, new SimpleBooleanProperty(true), FXCollections.observableArrayList(), () -> distributions,
                Jobs.immediate());
    }

    @Test
    void aNewPlanIsCreatedAMadeOneUpdatedWithItsDifferencesOrLeftAsItIs() throws Exception {
        ReviewViewModel model = model();
        model.check();
        assertThat(model.target.get().mode()).isEqualTo(ReviewViewModel.Mode.CREATE);
        assertThat(model.actionText.get().replace("_", "")).isEqualTo("Create distribution");
        assertThat(model.canCreate.get()).isTrue();

        String id = distributions.create(form.toPlan(), Progress.SILENT).id();
        model.check();
        assertThat(model.target.get().mode()).isEqualTo(ReviewViewModel.Mode.IN_SYNC);
        assertThat(model.target.get().id()).isEqualTo(id);
        assertThat(model.actionText.get().replace("_", "")).isEqualTo("Show distribution");

        form.application.set("LiveApp");
        model.check();
        assertThat(model.target.get().mode()).isEqualTo(ReviewViewModel.Mode.UPDATE);
        assertThat(model.target.get().changes()).extracting(Object::toString)
                .containsExactly("Application (origin path): /WebRTCAppEE \u2192 /LiveApp");
        assertThat(model.blocker().get()).contains("Update distribution");
    }

    @Test
    void whenCloudFrontCannotBeAskedItSaysSoAndOffersToAskAgain() {
        ReviewViewModel model = model();
        for (int i = 0; i < 3; i++) {
            sim.inject(SimFault.SERVICE_UNAVAILABLE, "*");
        }
        model.check();
        assertThat(model.target.get().mode()).isEqualTo(ReviewViewModel.Mode.UNKNOWN);
        assertThat(model.createBlocker.get()).startsWith("StreamFront could not ask CloudFront about this plan's distribution:");
        assertThat(model.actionText.get().replace("_", "")).isEqualTo("Check again");
        assertThat(model.canCreate.get()).as("the button asks again").isTrue();
        model.check();
        assertThat(model.target.get().mode()).isEqualTo(ReviewViewModel.Mode.CREATE);
    }

    @Test
    void aDistributionDeletedOutsideStreamFrontIsNamedAndCreateMakesANewOne() throws Exception {
        ReviewViewModel model = model();
        String id = distributions.create(form.toPlan(), Progress.SILENT).id();
        // Deleted in the console.
        var config = client.getDistributionConfig(b -> b.id(id));
        var off = client.updateDistribution(b -> b.id(id).ifMatch(config.eTag())
                .distributionConfig(config.distributionConfig().toBuilder().enabled(false).build()));
        sim.finishDeployment(id);
        client.deleteDistribution(b -> b.id(id).ifMatch(off.eTag()));

        model.check();
        assertThat(model.target.get().mode()).isEqualTo(ReviewViewModel.Mode.CREATE);
        assertThat(model.target.get().note()).contains(id).contains("deleted outside StreamFront").contains("new address");
        assertThat(model.canCreate.get()).isTrue();
    }

    @Test
    void withoutASignInOrWithProblemsNothingIsAsked() {
        ReviewViewModel model = model();
        form.domain.set("");
        model.check();
        assertThat(model.target.get().mode()).isEqualTo(ReviewViewModel.Mode.CREATE);
        assertThat(model.createBlocker.get()).startsWith("Fix this first");
        assertThat(sim.calls("ListDistributions")).isZero();
    }
}
