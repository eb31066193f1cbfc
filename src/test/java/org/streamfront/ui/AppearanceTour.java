package org.streamfront.ui;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import org.streamfront.sim.PracticeWorld;

/**
 * Not a test: the practice flow's main steps in one look (colours, text size, language), saved as PNGs
 * named {@code <prefix>-<step>.png}. The look comes from system properties: {@code tour.colours}
 * (light/dark), {@code tour.textSize} (percent), and the JVM's own {@code user.language}/{@code user.country}.
 * Run as ScreenshotTour is, with {@code -Dexec.args="docs/screens dark"}.
 */
public final class AppearanceTour {
    private AppearanceTour() {
    }

    public static void main(String[] args) throws Exception {
        Path out = Path.of(args[0]);
        String prefix = args[1];
        Files.createDirectories(out);
        Path home = Files.createTempDirectory("sf-look");
        Files.writeString(home.resolve("settings.json"), "{\"colours\": \"" + System.getProperty("tour.colours", "light")
                + "\", \"textSize\": " + Integer.getInteger("tour.textSize", 100) + "}");
        System.out.println("locale " + Locale.getDefault());
        try (PracticeWorld world = PracticeWorld.start(Duration.ofSeconds(6), Duration.ofSeconds(2))) {
            AppDriver user = new AppDriver();
            user.startPractice(home, world);
            AppDriver.await(10, () -> user.text("#account-identity").contains("1234"));
            ScreenshotTour.shot(user, out, prefix + "-1-account");
            user.click("#toolbar-settings");
            ScreenshotTour.shot(user.<javafx.scene.Node>node("#settings-close").getScene(), out, prefix + "-settings");
            user.click("#settings-close");
            user.click("#nav-next");
            AppDriver.await(5, () -> user.text("#origin-domain").equals("localhost"));
            ScreenshotTour.shot(user, out, prefix + "-2-origin");
            for (int i = 0; i < 3; i++) {
                user.click("#nav-next");
            }
            AppDriver.await(10, () -> !user.lookup("#review-create").queryButton().isDisabled());
            ScreenshotTour.shot(user, out, prefix + "-5-review");
            user.click("#review-create");
            AppDriver.await(30, () -> !user.lookup("#nav-next").queryButton().isDisabled());
            ScreenshotTour.shot(user, out, prefix + "-6-deploy");
            user.click("#nav-next");
            AppDriver.await(15, () -> user.text("#play-state").equals(org.streamfront.Messages.get("play.state.PLAYING")));
            ScreenshotTour.shot(user, out, prefix + "-7-play");
            user.stop();
        }
        System.exit(0);
    }
}
