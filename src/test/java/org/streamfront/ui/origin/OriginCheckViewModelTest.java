package org.streamfront.ui.origin;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Duration;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.streamfront.origin.Check;
import org.streamfront.plan.Plan;
import org.streamfront.playback.HeadlessPlayer;
import org.streamfront.sim.OriginSimulator;
import org.streamfront.ui.Jobs;
import org.streamfront.ui.wizard.PlanForm;

/** The server check's logic without the Origin step: checks run at once on the test thread. */
class OriginCheckViewModelTest {
    @BeforeAll
    static void toolkit() throws Exception {
        HeadlessPlayer.startToolkit(); // for the pause after typing (a PauseTransition); no window
    }

    private static PlanForm formFor(int port) {
        PlanForm form = new PlanForm();
        form.load(Plan.empty().withOrigin(new Plan.Origin("localhost", "WebRTCAppEE", "http-only", port, 5443))
                .withStream(new Plan.Stream("stream1")));
        return form;
    }

    @Test
    void aRecheckThatFailsReplacesTheGreenLinesItFoundBefore() throws Exception {
        OriginSimulator ams = OriginSimulator.start();
        ams.startStream("WebRTCAppEE", "stream1");
        OriginCheckViewModel model = new OriginCheckViewModel(formFor(ams.port()), Duration.ofSeconds(1), Jobs.immediate());
        model.run();
        assertThat(model.checks).anySatisfy(c -> assertThat(c.id()).isEqualTo("application"))
                .filteredOn(c -> c.id().equals("application")).allSatisfy(c -> assertThat(c.mark()).isEqualTo(Check.Mark.GREEN));
        assertThat(model.liveStreams).containsExactly("stream1");

        int port = ams.port();
        ams.close(); // the server goes away
        try (Socket holder = new Socket()) {
            // Its port stays taken but not listening (connections refused): another test's server cannot pick it up meanwhile.
            holder.setReuseAddress(true);
            holder.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
            model.run();
        }
        assertThat(model.checks).noneMatch(c -> c.mark() == Check.Mark.GREEN && !c.id().equals("dns"));
        assertThat(model.checks).anySatisfy(c -> {
            assertThat(c.id()).isEqualTo("port");
            assertThat(c.mark()).isEqualTo(Check.Mark.RED);
        });
        assertThat(model.liveStreams).as("no stale stream to pick").isEmpty();
        assertThat(model.running.get()).isFalse();
    }

    @Test
    void incompleteFieldsClearTheChecklist() {
        OriginSimulator ams = OriginSimulator.start();
        try {
            PlanForm form = formFor(ams.port());
            OriginCheckViewModel model = new OriginCheckViewModel(form, Duration.ofSeconds(1), Jobs.immediate());
            model.run();
            assertThat(model.checks).isNotEmpty();
            form.domain.set("10.0.0.1"); // refused by the rules: nothing is checked, nothing stale is shown
            model.run();
            assertThat(model.checks).isEmpty();
            assertThat(model.liveStreams).isEmpty();
        } finally {
            ams.close();
        }
    }
}
