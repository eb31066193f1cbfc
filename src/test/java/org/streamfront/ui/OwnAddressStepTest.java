package org.streamfront.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.RadioButton;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.streamfront.sim.CloudFrontSimulator;
import org.streamfront.sim.PracticeWorld;
import org.streamfront.ui.wizard.Step;

/** The Own address step in practice mode: both ways of DNS, each ending with the stream playing at the address. */
class OwnAddressStepTest {
    @TempDir
    Path home;
    final AppDriver user = new AppDriver();
    final PracticeWorld world = PracticeWorld.start(Duration.ofSeconds(2));

    @AfterEach
    void close() throws Exception {
        user.stop();
        world.close();
    }

    private String toAddressStep() throws Exception {
        String id = user.deployInPractice(home, world);
        user.click("#nav-next");
        user.click("#nav-next");
        assertThat(user.app.root().wizard().current().get()).isEqualTo(Step.ADDRESS);
        assertThat(user.text("#address-distribution")).contains(id);
        return id;
    }

    private void playsAt(String host) throws Exception {
        user.click("#address-play");
        assertThat(user.app.root().wizard().current().get()).isEqualTo(Step.PLAY);
        assertThat(user.text("#play-url")).isEqualTo(world.edge.addressOf(host) + "/streams/stream1.m3u8");
        AppDriver.await(20, () -> PlayStepTest.showsVideo(user));
    }

    @Test
    void withTheRoute53ZoneOneClickEndsWithTheStreamPlayingAtTheAddress() throws Exception {
        toAddressStep();
        user.type("#address-host", "live.example.org");
        user.click("#address-lookup");
        AppDriver.await(10, () -> user.<RadioButton>node("#address-route53").isSelected());
        assertThat(user.text("#address-preview")).contains("in the zone example.org").contains("A and AAAA alias records from live.example.org");

        user.click("#address-add");
        AppDriver.await(60, () -> user.text("#address-live").equals("Live at https://live.example.org/streams/stream1.m3u8"));
        assertThat(world.api.zoneRecords(CloudFrontSimulator.PRACTICE_ZONE_ID)).anyMatch(r -> r.startsWith("live.example.org A ALIAS d"));
        playsAt("live.example.org");
    }

    @Test
    void byHandTheRecordsAreShownWatchedAndTheWorkGoesOnAfterARestart() throws Exception {
        String id = toAddressStep();
        user.type("#address-host", "live.example.net");
        user.click("#address-lookup");
        AppDriver.await(10, () -> user.<RadioButton>node("#address-by-hand").isSelected());
        assertThat(user.<RadioButton>node("#address-route53").isDisabled()).as("no zone for example.net in the practice account").isTrue();
        user.click("#address-add");
        AppDriver.await(30, () -> user.text("#address-seen-1").startsWith("not yet: no record yet")
                && user.text("#address-seen-2").startsWith("not yet"));
        assertThat(user.text("#address-phase")).contains("waiting for the certificate to be issued");

        // Stopped as if killed, while the certificate waits for its record; only the disk survives.
        user.abandon();
        user.startPractice(home, world);
        user.click("#toolbar-mine");
        AppDriver.await(10, () -> user.lookup("#mine-table .table-row-cell").queryAll().stream()
                .anyMatch(n -> n.lookupAll(".table-cell").stream().anyMatch(c -> c instanceof javafx.scene.control.Labeled l && id.equals(l.getText()))));
        user.clickOn(user.lookup("#mine-table .table-row-cell").<Node>query());
        AppDriver.await(5, () -> !user.<Button>node("#mine-address").isDisabled());
        user.click("#mine-address");
        AppDriver.await(20, () -> user.text("#address-seen-1").startsWith("not yet"));
        assertThat(user.text("#address-host")).isEqualTo("live.example.net");
        assertThat(world.api.certificateCount()).as("going on, not starting again").isEqualTo(1);

        user.click("#address-practice-dns");
        AppDriver.await(60, () -> user.text("#address-live").equals("Live at https://live.example.net/streams/stream1.m3u8"));
        playsAt("live.example.net");
    }

    @Test
    void badNamesAreRefusedNextToTheField() throws Exception {
        toAddressStep();
        user.type("#address-host", "live..example.org");
        assertThat(user.text("#address-host-error")).contains("two dots in a row");
        assertThat(user.<Button>node("#address-lookup").isDisabled()).isTrue();

        user.type("#address-host", "example.net");
        user.click("#address-lookup");
        AppDriver.await(10, () -> user.<RadioButton>node("#address-by-hand").isSelected());
        user.click("#address-add");
        AppDriver.await(10, () -> user.text("#address-host-error").contains("example.net is a bare domain"));
        assertThat(world.api.certificateCount()).isZero();
    }
}
