package org.streamfront.ui;

import org.streamfront.testing.Configs;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import javafx.scene.Scene;
import javafx.scene.image.WritableImage;
import javax.imageio.ImageIO;
import org.streamfront.aws.AwsClients;
import org.streamfront.plan.DistributionConfigMapper;
import org.streamfront.plan.PlanIds;
import org.streamfront.sim.CloudFrontSimulator;
import org.streamfront.sim.PracticeWorld;
import org.streamfront.sim.SsoSimulator;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Not a test: walks the practice flow on the headless platform and saves a PNG of every step,
 * for looking at the screens as a person would and for the README. Run with
 * {@code mvn -q test-compile exec:java -Dexec.classpathScope=test -Dexec.mainClass=org.streamfront.ui.ScreenshotTour}.
 */
public final class ScreenshotTour {
    private ScreenshotTour() {
    }

    public static void main(String[] args) throws Exception {
        Path out = Path.of(args.length > 0 ? args[0] : "target/screens");
        Files.createDirectories(out);
        Path home = Files.createTempDirectory("sf-tour");
        tokens(out);
        if (Boolean.getBoolean("tour.tokensOnly")) {
            System.exit(0);
        }
        try (PracticeWorld world = PracticeWorld.start(Duration.ofSeconds(14), Duration.ofSeconds(4))) {
            AppDriver user = new AppDriver();
            user.startPractice(home, world);
            AppDriver.await(10, () -> user.text("#account-identity").contains("1234"));
            shot(user, out, "1-account");
            user.click("#nav-next");
            AppDriver.await(5, () -> user.text("#origin-domain").equals("localhost"));
            shot(user, out, "2-origin");
            user.type("#origin-domain", "3.120.1.2");
            shot(user, out, "2-origin-error");
            user.type("#origin-domain", "localhost");
            user.click("#origin-cluster .title");
            user.type("#origin-secondary", "localhost");
            shot(user, out, "2-origin-cluster");
            user.type("#origin-secondary", "");
            user.click("#origin-cluster .title");
            user.click("#nav-next");
            user.click("#cache-advanced .title");
            user.click("#cache-shield");
            AppDriver.await(5, () -> user.lookup("#cache-shield-region").query().isVisible());
            user.reveal(user.node("#cache-shield-suggestion"));
            shot(user, out, "3-cache");
            user.click("#cache-shield");
            user.click("#nav-next");
            shot(user, out, "4-error-pages");
            user.click("#nav-next");
            shot(user, out, "5-review");
            user.click("#review-estimate .title");
            user.type("#estimate-viewers", "2000");
            user.type("#estimate-events", "8");
            user.reveal(user.node("#estimate-total"));
            shot(user, out, "5-review-estimate");
            AppDriver.await(5, () -> !user.lookup("#review-create").queryButton().isDisabled());
            user.click("#review-create");
            AppDriver.await(10, () -> user.text("#deploy-edge-note").startsWith("Not serving"));
            shot(user, out, "6-deploy-in-progress");
            AppDriver.await(20, () -> user.text("#deploy-edge-note").startsWith("You can watch now"));
            shot(user, out, "6-deploy-watch-now");
            AppDriver.await(30, () -> user.text("#deploy-status").startsWith("Deployed"));
            shot(user, out, "6-deploy-done");
            if (user.lookup("#nav-next").queryButton().isDisabled()) {
                throw new IllegalStateException("Next stayed disabled after deployment");
            }
            user.click("#nav-next");
            AppDriver.await(20, () -> user.text("#play-state").equals("Playing live"));
            AppDriver.await(30, () -> !user.text("#play-checks-cdn #check-cors").isEmpty()
                    && !user.text("#play-checks-origin #check-cors").isEmpty());
            shot(user, out, "7-play");
            user.click("#play-audience .title");
            user.click("#audience-simulated .increment-arrow-button");
            user.click("#audience-simulated .increment-arrow-button");
            AppDriver.await(90, () -> user.text("#audience-viewers").startsWith("About 2"));
            user.reveal(user.node("#audience-viewers-chart"));
            shot(user, out, "7-play-audience");
            // Back to no simulated viewers, set directly: the charts growing with new data move the spinner between
            // scrolling to it and clicking it (the tour is not a test of the spinner).
            user.interact(() -> user.<javafx.scene.control.Spinner<Integer>>node("#audience-simulated").getValueFactory().setValue(0));
            user.click("#play-audience .title");

            // Own address: the Route 53 way offered for example.org, then the by-hand way for example.net.
            user.click("#nav-next");
            user.type("#address-host", "live.example.org");
            user.click("#address-lookup");
            AppDriver.await(10, () -> user.lookup("#address-route53").queryAs(javafx.scene.control.RadioButton.class).isSelected());
            shot(user, out, "11-address-route53");
            user.type("#address-host", "live.example.net");
            user.click("#address-lookup");
            AppDriver.await(10, () -> user.lookup("#address-by-hand").queryAs(javafx.scene.control.RadioButton.class).isSelected());
            user.click("#address-add");
            AppDriver.await(30, () -> user.text("#address-seen-2").startsWith("not yet"));
            user.click("#address-help .title");
            shot(user, out, "11-address-waiting");
            user.click("#address-help .title");
            user.click("#address-practice-dns");
            AppDriver.await(60, () -> user.text("#address-live").startsWith("Live at"));
            shot(user, out, "11-address-live");
            user.click("#address-play");
            AppDriver.await(20, () -> user.text("#play-state").equals("Playing live"));
            shot(user, out, "11-address-playing");

            // Changing it: a longer 404 time, shown on Review as what the update changes.
            user.click("#step-error_pages");
            user.type("#error-page-ttl-404", "5");
            user.click("#step-review");
            AppDriver.await(10, () -> user.text("#review-create").replace("_", "").equals("Update distribution"));
            shot(user, out, "8-review-changes");
            world.api.inject(org.streamfront.sim.SimFault.STALE_ETAG, "UpdateDistribution");
            user.click("#review-create");
            try {
                AppDriver.await(10, () -> user.lookup("#deploy-review-again").tryQuery().map(javafx.scene.Node::isVisible).orElse(false));
            } finally {
                shot(user, out, "8-deploy-changed-meanwhile");
            }

            // My distributions with the account's other distributions, one made by hand with the tutorial.
            try (var console = AwsClients.cloudFront(PracticeWorld.CREDENTIALS, world.api.uri())) {
                var byHand = Configs.tutorial(world.examplePlan(), "Sunday service (made by hand)", "console");
                console.createDistribution(b -> b.distributionConfig(byHand));
            }
            user.click("#toolbar-mine");
            user.click("#mine-show-all");
            AppDriver.await(10, () -> user.lookup("#mine-table").queryTableView().getItems().size() == 2);
            user.interact(() -> user.lookup("#mine-table").queryTableView().getSelectionModel().select(1));
            AppDriver.await(5, () -> !user.lookup("#mine-import").queryButton().isDisabled());
            shot(user.lookup("#mine-table").query().getScene(), out, "9-my-distributions-all");
            user.interact(() -> user.lookup("#mine-table").queryTableView().getSelectionModel().select(0));
            user.click("#mine-audience");
            AppDriver.await(20, () -> user.lookup("#audience-requests-chart").tryQuery().map(n -> n.isVisible()).orElse(false));
            shot(user.lookup("#audience-requests-chart").query().getScene(), out, "10-audience-window");
            user.stop();
        }
        try (var aws = CloudFrontSimulator.start(); var sso = SsoSimulator.start()) {
            AppDriver user = new AppDriver();
            user.startReal(Files.createTempDirectory("sf-tour-real"), aws.uri(), sso.uri());
            shot(user, out, "1-account-real");
            user.click("#account-way-sso");
            user.type("#account-sso-url", "https://practice.awsapps.com/start");
            user.click("#account-sso-sign-in");
            AppDriver.await(10, () -> !user.text("#account-sso-code").isEmpty());
            shot(user, out, "1-account-sso-code");
            sso.approve(user.text("#account-sso-code"));
            AppDriver.await(15, () -> user.text("#account-sso-status").startsWith("Signed in"));
            // A sign-in without CloudWatch: it connects, and the Account step says what the charts will need.
            aws.deny("GetMetricData");
            user.click("#account-way-keys");
            user.type("#account-key-id", "AKIAEXAMPLEKEY000001");
            user.type("#account-secret", "not-a-real-secret");
            user.click("#account-connect-keys");
            AppDriver.await(10, () -> user.text("#account-identity").contains("1234")
                    && user.lookup("#account-metrics").query().isVisible());
            user.reveal(user.node("#account-metrics"));
            shot(user, out, "1-account-keys");
            user.stop();
        }
        System.exit(0);
    }

    /** Viewers with a token: the choice on the Cache step, Review, the Deploy step's test answers, the Play step's proof. */
    private static void tokens(Path out) throws Exception {
        try (PracticeWorld world = PracticeWorld.start(Duration.ofSeconds(2))) {
            AppDriver user = new AppDriver();
            user.startPractice(Files.createTempDirectory("sf-tour-tokens"), world);
            AppDriver.await(10, () -> user.text("#account-identity").contains("1234"));
            user.click("#nav-next");
            AppDriver.await(5, () -> user.text("#origin-domain").equals("localhost"));
            user.click("#nav-next");
            user.click("#access-mode-token");
            user.click("#access-make");
            AppDriver.await(5, () -> !user.text("#access-made-secret").isEmpty());
            shot(user, out, "12-tokens-cache");
            user.click("#nav-next");
            user.click("#nav-next");
            AppDriver.await(10, () -> !user.<javafx.scene.control.Button>node("#review-create").isDisabled());
            shot(user, out, "12-tokens-review");
            user.click("#review-create");
            AppDriver.await(30, () -> user.text("#deploy-status").startsWith("Deployed"));
            shot(user, out, "12-tokens-deploy");
            user.click("#nav-next");
            AppDriver.await(20, () -> user.text("#play-state").equals("Playing live"));
            AppDriver.await(30, () -> user.lookup("#play-checks-access #check-token-shared").tryQuery().isPresent()
                    && user.lookup("#play-checks-cdn #check-cors").tryQuery().isPresent());
            user.click("#play-developer .title");
            AppDriver.await(5, () -> user.lookup("#play-developer-js .text-area").tryQuery().isPresent());
            shot(user, out, "12-tokens-play");
            user.stop();
        }
    }

    static void shot(AppDriver user, Path dir, String name) throws Exception {
        shot(user.app.root().view().getScene(), dir, name);
    }

    static void shot(Scene scene, Path dir, String name) throws Exception {
        WaitForAsyncUtils.waitForFxEvents();
        WritableImage image = WaitForAsyncUtils.asyncFx(() -> scene.snapshot(null)).get();
        int w = (int) image.getWidth();
        int h = (int) image.getHeight();
        BufferedImage png = new BufferedImage(w, h, BufferedImage.TYPE_INT_ARGB);
        var reader = image.getPixelReader();
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                png.setRGB(x, y, reader.getArgb(x, y));
            }
        }
        ImageIO.write(png, "png", dir.resolve(name + ".png").toFile());
        FxToolkit.toolkitContext();
    }
}
