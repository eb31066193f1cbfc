package org.streamfront.ui;

import org.streamfront.testing.Configs;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.layout.HBox;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.streamfront.aws.AwsClients;
import org.streamfront.plan.DistributionConfigMapper;
import org.streamfront.plan.PlanIds;
import org.streamfront.sim.PracticeWorld;
import org.streamfront.sim.SimFault;
import org.streamfront.ui.distributions.MyDistributionsViewModel;
import org.streamfront.ui.wizard.Step;
import software.amazon.awssdk.services.cloudfront.CloudFrontClient;
import software.amazon.awssdk.services.cloudfront.model.CacheBehavior;
import software.amazon.awssdk.services.cloudfront.model.CacheBehaviors;
import software.amazon.awssdk.services.cloudfront.model.DistributionConfig;

/** Changing a distribution from the wizard: the plan is the desired state, and Review shows the way there. */
class ChangeDistributionTest {
    @TempDir
    Path home;
    final AppDriver user = new AppDriver();
    final PracticeWorld world = PracticeWorld.start(Duration.ofSeconds(2));
    /** Someone else's hands on the same account: the console, the AWS CLI. */
    final CloudFrontClient console = AwsClients.cloudFront(PracticeWorld.CREDENTIALS, world.api.uri());

    @AfterEach
    void close() throws Exception {
        user.stop();
        console.close();
        world.close();
    }

    private Step current() {
        return user.app.root().wizard().current().get();
    }

    private String createDistribution() throws Exception {
        return user.deployInPractice(home, world);
    }

    private DistributionConfig configOf(String id) {
        return console.getDistributionConfig(b -> b.id(id)).distributionConfig();
    }

    private List<String> changeLines() {
        return user.lookup("#review-changes .label").queryAllAs(Label.class).stream()
                .map(Label::getText).toList();
    }

    private void chooseRow(String id) throws Exception {
        user.click("#toolbar-mine");
        TableView<MyDistributionsViewModel.Row> table = user.node("#mine-table");
        AppDriver.await(10, () -> table.getItems().stream().anyMatch(r -> r.id().equals(id)));
        int index = table.getItems().stream().map(MyDistributionsViewModel.Row::id).toList().indexOf(id);
        // The row is drawn a pulse after it arrives: click it once it is on screen.
        java.util.function.Supplier<java.util.Optional<Node>> row = () -> user.lookup("#mine-table .table-row-cell").queryAll().stream()
                .filter(n -> n instanceof javafx.scene.control.TableRow<?> r && r.getItem() instanceof MyDistributionsViewModel.Row item
                        && item.id().equals(id)).findFirst();
        AppDriver.await(5, () -> row.get().isPresent());
        user.clickOn(row.get().orElseThrow());
        AppDriver.await(5, () -> table.getSelectionModel().getSelectedIndex() == index);
    }

    private void setNotFoundTtl(String seconds) {
        user.click("#step-error_pages");
        user.type("#error-page-ttl-404", seconds);
    }

    @Test
    void changeSettingsUpdatesTheSameDistributionAndKeepsWhatSomeoneElseAdded() throws Exception {
        String id = createDistribution();
        String domain = user.text("#deploy-domain");
        // Meanwhile, in the console: an alias and a behaviour of their own.
        var got = console.getDistributionConfig(b -> b.id(id));
        List<CacheBehavior> behaviours = new ArrayList<>(got.distributionConfig().cacheBehaviors().items());
        behaviours.add(CacheBehavior.builder().pathPattern("/admin/*").targetOriginId(DistributionConfigMapper.ORIGIN_ID)
                .viewerProtocolPolicy("https-only").forwardedValues(f -> f.queryString(false).cookies(c -> c.forward("none")))
                .minTTL(0L).build());
        console.updateDistribution(b -> b.id(id).ifMatch(got.eTag()).distributionConfig(got.distributionConfig().toBuilder()
                .aliases(a -> a.quantity(1).items("live.example.org"))
                .viewerCertificate(v -> v.acmCertificateArn(world.api.issuedCertificate("live.example.org")).sslSupportMethod("sni-only")
                        .minimumProtocolVersion("TLSv1.2_2021"))
                .cacheBehaviors(CacheBehaviors.builder().quantity(behaviours.size()).items(behaviours).build()).build()));
        world.api.finishDeployment(id);

        chooseRow(id);
        user.click("#mine-change");
        AppDriver.await(10, () -> current() == Step.ORIGIN);
        assertThat(user.text("#origin-domain")).isEqualTo("localhost");
        assertThat(user.text("#stream-id")).as("the stream it was made for").isEqualTo("stream1");
        setNotFoundTtl("5");
        user.click("#step-review");

        AppDriver.await(10, () -> user.text("#review-create").replace("_", "").equals("Update distribution"));
        assertThat(changeLines()).containsExactly(
                "This plan's distribution " + id + " (" + domain + ") exists. Updating it keeps its address and changes:",
                "\u2022 404 remembered: 3 s \u2192 5 s");
        assertThat(user.text("#nav-blocker")).contains("Update distribution");
        AppDriver.await(10, () -> !user.<Button>node("#review-create").isDisabled());
        user.click("#review-create");
        AppDriver.await(5, () -> current() == Step.DEPLOY);
        AppDriver.await(10, () -> user.text("#deploy-status").startsWith("In progress"));
        AppDriver.await(15, () -> user.text("#deploy-status").startsWith("Deployed"));
        assertThat(user.text("#deploy-id")).isEqualTo(id);
        assertThat(user.text("#deploy-domain")).isEqualTo(domain);
        // Copied on the FX thread, which may still be adding lines.
        assertThat(AppDriver.onFx(() -> List.copyOf(user.lookup("#deploy-log").queryListView().getItems())))
                .anySatisfy(line -> assertThat(line.toString()).endsWith("404 remembered: 3 s \u2192 5 s"));

        DistributionConfig after = configOf(id);
        assertThat(after.customErrorResponses().items()).anySatisfy(r -> {
            assertThat(r.errorCode()).isEqualTo(404);
            assertThat(r.errorCachingMinTTL()).isEqualTo(5L);
        });
        assertThat(after.aliases().items()).containsExactly("live.example.org");
        assertThat(after.cacheBehaviors().items()).extracting(CacheBehavior::pathPattern).contains("/admin/*");
        assertThat(world.api.distributionCount()).isEqualTo(1);

        // Back on Review, the plan and the distribution agree.
        user.click("#nav-back");
        AppDriver.await(10, () -> user.text("#review-create").replace("_", "").equals("Show distribution"));
        assertThat(changeLines()).containsExactly("Nothing to apply: distribution " + id + " (" + domain + ") already matches this plan.");
        user.click("#review-create");
        AppDriver.await(10, () -> !user.<Button>node("#nav-next").isDisabled());
        user.click("#nav-next");
        assertThat(current()).isEqualTo(Step.PLAY);
        assertThat(console.listDistributions().distributionList().quantity()).isEqualTo(1);
    }

    @Test
    void aDistributionMadeByHandIsImportedAndTheUpdateMakesItStreamFronts() throws Exception {
        // The tutorial's distribution: playlists cached by the origin's headers, no behaviours of its own, no plan id.
        DistributionConfig byHand = Configs.tutorial(world.examplePlan(), "Made by hand", "console-2026-11-26");
        String id = console.createDistribution(b -> b.distributionConfig(byHand)).distribution().id();
        world.api.finishDeployment(id);
        user.startPractice(home, world);
        AppDriver.await(10, () -> user.text("#account-identity").contains("1234-5678-9012"));

        user.click("#toolbar-mine");
        TableView<MyDistributionsViewModel.Row> table = user.node("#mine-table");
        AppDriver.await(10, () -> "StreamFront has not made any distribution in this account yet.".equals(user.text("#mine-message")));
        assertThat(user.<Node>node("#mine-import").isVisible()).isFalse();
        user.click("#mine-show-all");
        AppDriver.await(10, () -> table.getItems().size() == 1);
        assertThat(table.getItems().getFirst().stream()).isEqualTo("(not made by StreamFront)");
        user.clickOn(user.lookup("#mine-table .table-row-cell").<Node>query());
        AppDriver.await(5, () -> !user.<Button>node("#mine-import").isDisabled());
        assertThat(user.<Button>node("#mine-change").isDisabled()).as("someone else's: import first").isTrue();
        assertThat(user.<Button>node("#mine-teardown").isDisabled()).isTrue();
        user.click("#mine-import");

        AppDriver.await(10, () -> current() == Step.ORIGIN);
        assertThat(user.text("#origin-domain")).isEqualTo("localhost");
        assertThat(user.text("#origin-http-port")).isEqualTo(String.valueOf(world.origin.port()));
        AppDriver.await(5, () -> user.lookup("#import-advice").tryQuery().isPresent());
        String advice = user.lookup("#import-advice .label").queryAs(Label.class).getText();
        assertThat(advice).contains(id).contains("every viewer's playlist request reaches your server");
        user.type("#stream-id", "stream1");
        for (int i = 0; i < 3; i++) {
            user.click("#nav-next");
        }

        AppDriver.await(10, () -> user.text("#review-create").replace("_", "").equals("Update distribution"));
        assertThat(String.join("\n", changeLines())).contains(id).contains("Playlists kept");
        user.click("#import-advice-dismiss");
        assertThat(user.lookup("#import-advice").tryQuery()).isEmpty();
        user.click("#review-create");
        AppDriver.await(15, () -> user.text("#deploy-status").startsWith("Deployed"));

        assertThat(user.text("#deploy-id")).isEqualTo(id);
        assertThat(world.api.distributionCount()).isEqualTo(1);
        DistributionConfig after = configOf(id);
        assertThat(DistributionConfigMapper.planIdInComment(after.comment())).contains(user.app.root().form().planId.get());
        assertThat(after.cacheBehaviors().items()).extracting(CacheBehavior::pathPattern).contains(DistributionConfigMapper.PLAYLIST_PATTERN);
    }

    @Test
    void aDistributionChangedMeanwhileShowsWhatDiffersNowBeforeAnythingIsApplied() throws Exception {
        String id = createDistribution();
        setNotFoundTtl("5");
        user.click("#step-review");
        AppDriver.await(10, () -> user.text("#review-create").replace("_", "").equals("Update distribution"));
        // Between StreamFront's read and its update, someone changes the distribution in the console.
        world.api.inject(SimFault.STALE_ETAG, "UpdateDistribution");
        user.click("#review-create");

        AppDriver.await(10, () -> user.lookup("#deploy-review-again").tryQuery().map(Node::isVisible).orElse(false)
                && user.lookup("#deploy-error-summary").tryQuery().isPresent() && !user.text("#deploy-error-summary").isEmpty());
        assertThat(user.text("#deploy-error-summary")).isEqualTo("The distribution was changed by someone else meanwhile.");
        assertThat(user.text("#deploy-error-advice")).startsWith("Nothing was changed.");
        assertThat(user.<Node>node("#deploy-try-again").isVisible()).as("no blind retry over their change").isFalse();
        assertThat(configOf(id).customErrorResponses().items()).allSatisfy(r -> assertThat(r.errorCachingMinTTL()).isEqualTo(3L));

        user.click("#deploy-review-again");
        assertThat(current()).isEqualTo(Step.REVIEW);
        AppDriver.await(10, () -> user.text("#review-create").replace("_", "").equals("Update distribution"));
        assertThat(changeLines()).contains("\u2022 404 remembered: 3 s \u2192 5 s");
        user.click("#review-create");
        AppDriver.await(15, () -> user.text("#deploy-status").startsWith("Deployed"));
        assertThat(configOf(id).customErrorResponses().items()).anySatisfy(r -> assertThat(r.errorCachingMinTTL()).isEqualTo(5L));
        assertThat(world.api.distributionCount()).isEqualTo(1);
    }

    @Test
    void anAppClosedWhileAnUpdateSpreadsResumesWatchingThatUpdate() throws Exception {
        String id = createDistribution();
        setNotFoundTtl("7");
        user.click("#step-review");
        AppDriver.await(10, () -> user.text("#review-create").replace("_", "").equals("Update distribution"));
        world.api.deployDelay(Duration.ofHours(1));
        user.click("#review-create");
        AppDriver.await(10, () -> user.text("#deploy-status").startsWith("In progress"));
        user.abandon();

        user.startPractice(home, world);
        AppDriver.await(5, () -> user.lookup("#resume-banner").tryQuery().isPresent());
        assertThat(((Label) user.<HBox>node("#resume-banner").getChildren().getFirst()).getText())
                .contains(id).contains("spreading a change");
        user.click("#resume-watch");
        AppDriver.await(10, () -> user.text("#deploy-id").equals(id));
        world.api.finishDeployment(id);
        AppDriver.await(10, () -> user.text("#deploy-status").startsWith("Deployed"));
        assertThat(configOf(id).customErrorResponses().items()).anySatisfy(r -> assertThat(r.errorCachingMinTTL()).isEqualTo(7L));
        assertThat(world.api.distributionCount()).isEqualTo(1);
    }
}
