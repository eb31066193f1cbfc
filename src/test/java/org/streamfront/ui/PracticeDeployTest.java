package org.streamfront.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.streamfront.sim.PracticeWorld;
import org.streamfront.ui.distributions.MyDistributionsViewModel;
import org.streamfront.ui.wizard.Step;

/** Practice mode end to end in the UI: the simulated account, Create, and the Deploy step. */
class PracticeDeployTest {
    @TempDir
    Path home;
    final AppDriver user = new AppDriver();
    final PracticeWorld world = PracticeWorld.start(Duration.ofSeconds(3));

    @AfterEach
    void close() throws Exception {
        user.stop();
        world.close();
    }

    private Step current() {
        return user.app.root().wizard().current().get();
    }

    private void toReview() throws Exception {
        AppDriver.await(10, () -> user.text("#account-identity").contains("1234-5678-9012"));
        assertThat(user.text("#account-identity")).contains("user practice");
        assertThat(user.<Label>node("#practice-badge").isVisible()).isTrue();
        user.click("#nav-next");
        AppDriver.await(5, () -> user.text("#origin-domain").equals("localhost"));
        assertThat(user.text("#origin-http-port")).isEqualTo(String.valueOf(world.origin.port()));
        assertThat(user.text("#stream-id")).isEqualTo("stream1");
        user.click("#nav-next");
        user.click("#nav-next");
        user.click("#nav-next");
        assertThat(current()).isEqualTo(Step.REVIEW);
    }

    private void create() throws Exception {
        AppDriver.await(5, () -> !user.<Button>node("#review-create").isDisabled());
        user.click("#review-create");
    }

    /** Creates a distribution CloudFront keeps deploying for an hour; returns its id. */
    private String createOneThatStaysInProgress() throws Exception {
        world.api.deployDelay(Duration.ofHours(1));
        user.startPractice(home, world);
        toReview();
        create();
        AppDriver.await(10, () -> user.text("#deploy-id").startsWith("E"));
        return user.text("#deploy-id");
    }

    @Test
    void theStreamCanBeWatchedAsSoonAsTheEdgeServesItBeforeDeployed() throws Exception {
        world.api.deployDelay(Duration.ofHours(1));
        world.api.edgeDelay(Duration.ofSeconds(3));
        user.startPractice(home, world);
        toReview();
        create();
        assertThat(current()).isEqualTo(Step.DEPLOY);
        AppDriver.await(10, () -> user.text("#deploy-edge-note").startsWith("Not serving your stream yet"));
        assertThat(user.text("#deploy-status")).startsWith("In progress");
        assertThat(user.<Button>node("#nav-next").isDisabled()).as("nothing to watch yet").isTrue();
        assertThat(user.text("#deploy-id")).matches("E[A-Z0-9]{13}");
        assertThat(user.text("#deploy-domain")).endsWith(".cloudfront.net");
        assertThat(user.text("#deploy-url")).isEqualTo("https://" + user.text("#deploy-domain") + "/streams/stream1.m3u8");
        String id = user.text("#deploy-id");

        AppDriver.await(10, () -> user.text("#deploy-edge-note").startsWith("You can watch now"));
        assertThat(user.text("#deploy-status")).as("still deploying").startsWith("In progress");
        assertThat(user.<Button>node("#nav-next").isDisabled()).isFalse();
        user.click("#nav-next");
        assertThat(current()).isEqualTo(Step.PLAY);
        assertThat(user.text("#play-before-deployed")).contains("still copying your settings");
        AppDriver.await(20, () -> user.text("#play-state").equals("Playing live"));
        AppDriver.await(20, () -> user.lookup("#play-checks-cdn-list .check-line").queryAll().size() > 1);
        assertThat(user.lookup("#play-checks-origin-list .check-line").queryAll()).as("the checks ran by themselves").isNotEmpty();

        world.api.finishDeployment(id);
        AppDriver.await(10, () -> !user.<Label>node("#play-before-deployed").isVisible());
        assertThat(world.api.distributionCount()).isEqualTo(1);
    }

    @Test
    void anAppKilledMidDeployResumesWatchingTheSameDistribution() throws Exception {
        String id = createOneThatStaysInProgress();
        user.abandon();

        user.startPractice(home, world);
        AppDriver.await(5, () -> user.lookup("#resume-banner").tryQuery().isPresent());
        user.click("#resume-watch");
        AppDriver.await(10, () -> user.text("#deploy-id").equals(id));
        world.api.finishDeployment(id);
        AppDriver.await(10, () -> user.text("#deploy-status").startsWith("Deployed"));
        assertThat(world.api.distributionCount()).isEqualTo(1);
    }

    @Test
    void myDistributionsListsWhatWasMadeAndDeletesIt() throws Exception {
        user.startPractice(home, world);
        toReview();
        create();
        AppDriver.await(15, () -> user.text("#deploy-status").startsWith("Deployed"));
        String id = user.text("#deploy-id");
        user.click("#toolbar-mine");
        AppDriver.await(10, () -> user.lookup("#mine-table").queryTableView().getItems().size() == 1);
        var row = (MyDistributionsViewModel.Row) user.lookup("#mine-table").queryTableView().getItems().getFirst();
        assertThat(row.id()).isEqualTo(id);
        assertThat(row.status()).isEqualTo("Deployed");
        assertThat(row.stream()).isEqualTo("stream1");
        // The row, not the same id shown on the Deploy step behind the window.
        user.clickOn(user.lookup("#mine-table .table-row-cell").<Node>query());
        AppDriver.await(5, () -> user.lookup("#mine-table").queryTableView().getSelectionModel().getSelectedIndex() == 0);
        world.api.deployDelay(Duration.ofMillis(500));
        user.click("#mine-teardown");
        assertThat(current()).isEqualTo(Step.DEPLOY);
        AppDriver.await(20, () -> user.text("#deploy-status").equals("Deleted"));
        assertThat(world.api.distributionCount()).isZero();
    }

    @Test
    void stoppingOffersTeardownWhichDeletesTheDistribution() throws Exception {
        String id = createOneThatStaysInProgress();
        user.click("#deploy-cancel");
        assertThat(user.<Node>node("#deploy-stopped").isVisible()).isTrue();
        world.api.deployDelay(Duration.ofMillis(500));
        user.click("#deploy-teardown");
        AppDriver.await(20, () -> user.text("#deploy-status").equals("Deleted"));
        assertThat(world.api.distributionCount()).isZero();
        assertThat(world.api.deployedAt(id)).isEmpty();
    }

    private String bannerText() {
        return ((Label) user.<HBox>node("#resume-banner").getChildren().getFirst()).getText();
    }

    @Test
    void anAppClosedMidCreateResumesByFindingTheDistributionNotMakingASecond() throws Exception {
        world.api.deployDelay(Duration.ofMillis(500));
        user.startPractice(home, world);
        toReview();
        // CloudFront makes the distribution, but the answer never reaches the app, which then dies.
        var unanswered = world.api.hold("CreateDistributionWithTags", 0, true);
        create();
        assertThat(unanswered.awaitReached(Duration.ofSeconds(10))).isTrue();
        user.abandon();

        user.startPractice(home, world);
        AppDriver.await(5, () -> user.lookup("#resume-banner").tryQuery().isPresent());
        assertThat(bannerText()).contains("was being created").contains("no second one");
        user.click("#resume-watch");
        AppDriver.await(15, () -> user.text("#deploy-status").startsWith("Deployed"));
        assertThat(world.api.distributionCount()).isEqualTo(1);
        assertThat(world.api.calls("CreateDistributionWithTags")).as("no second create sent").isEqualTo(1);
    }

    @Test
    void anAppClosedMidTeardownOffersToFinishDeletingAndDoes() throws Exception {
        String id = createOneThatStaysInProgress();
        user.click("#deploy-cancel");
        // The disable is sent; the app dies while waiting for CloudFront to finish it.
        var waiting = world.api.hold("GetDistribution", 0, false);
        user.click("#deploy-teardown");
        assertThat(waiting.awaitReached(Duration.ofSeconds(10))).isTrue();
        user.abandon();

        user.startPractice(home, world);
        AppDriver.await(5, () -> user.lookup("#resume-banner").tryQuery().isPresent());
        assertThat(bannerText()).contains(id).contains("being deleted");
        assertThat(user.text("#resume-watch").replace("_", "")).isEqualTo("Finish deleting");
        world.api.finishDeployment(id);
        user.click("#resume-watch");
        AppDriver.await(20, () -> user.text("#deploy-status").equals("Deleted"));
        assertThat(world.api.distributionCount()).isZero();
        assertThat(current()).as("a deleted distribution does not lead to Play").isEqualTo(Step.DEPLOY);
        assertThat(user.<Button>node("#nav-next").isDisabled()).isTrue();
    }
}
