package org.streamfront.ui;

import java.net.URI;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;
import org.streamfront.playback.PracticeEdge;
import org.streamfront.sim.PracticeWorld;

/**
 * The wizard in a process of its own, driven by a short script, for tests that kill it with SIGKILL:
 * real mode on the test's simulators (AWS_ENDPOINT_URL, STREAMFRONT_EDGE_URL), so they outlive it.
 * Scripts: {@code create} presses Create distribution; {@code teardown} also stops the watch and
 * presses Tear down. Then it waits to be killed.
 */
public final class ScriptedWizard {
    private ScriptedWizard() {
    }

    public static void main(String[] args) throws Exception {
        Path home = Path.of(args[0]);
        String script = args[1];
        int originPort = Integer.parseInt(args[2]);
        AppDriver user = new AppDriver();
        user.startReal(home, URI.create(System.getenv("AWS_ENDPOINT_URL")), null, PracticeEdge.fromEnvironment().orElseThrow());
        RealModeOnPracticeSimulatorsTest.realModeToCreate(user, home, PracticeWorld.examplePlan(originPort));
        if (script.equals("teardown")) {
            AppDriver.await(30, () -> user.text("#deploy-id").startsWith("E"));
            user.click("#deploy-cancel");
            user.click("#deploy-teardown");
        }
        System.err.println("SCRIPT_DONE " + script);
        new CountDownLatch(1).await(); // until the test kills this process
    }
}
