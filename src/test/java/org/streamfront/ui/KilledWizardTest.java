package org.streamfront.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.streamfront.cli.CommandProcess;
import org.streamfront.playback.PracticeEdge;
import org.streamfront.sim.CloudFrontSimulator;
import org.streamfront.sim.PracticeWorld;

/**
 * The wizard killed for real: its own process (a {@link ScriptedWizard}) is SIGKILLed while CloudFront
 * holds its call, then the app is started again on the same folder and resumes what the killed one
 * was doing, leaving exactly one distribution (create) or none (teardown).
 */
class KilledWizardTest {
    @TempDir
    Path home;
    private final PracticeWorld world = PracticeWorld.start(Duration.ofSeconds(1));
    private final AppDriver user = new AppDriver();

    @AfterEach
    void close() throws Exception {
        user.stop();
        world.close();
    }

    /** This test JVM's own flags (the headless platform, the short poll) for the wizard's process. */
    private Process wizard(String script) throws Exception {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        ManagementFactory.getRuntimeMXBean().getInputArguments().stream()
                .filter(a -> (a.startsWith("-D") && !a.startsWith("-Dstreamfront.home=")) || a.startsWith("--enable-native-access"))
                .forEach(command::add);
        command.addAll(List.of("-Dstreamfront.home=" + home, "-cp", System.getProperty("java.class.path"), ScriptedWizard.class.getName(),
                home.toString(), script, String.valueOf(world.origin.port())));
        ProcessBuilder pb = new ProcessBuilder(command);
        pb.environment().keySet().removeIf(k -> k.startsWith("AWS_"));
        pb.environment().put("AWS_ENDPOINT_URL", world.api.uri().toString());
        pb.environment().put(PracticeEdge.VARIABLE, world.edge.uri().toString());
        pb.environment().put("AWS_REGION", "us-east-1");
        pb.environment().put("AWS_CONFIG_FILE", home.resolve("no-config").toString());
        pb.environment().put("AWS_SHARED_CREDENTIALS_FILE", home.resolve("no-credentials").toString());
        return pb.start();
    }

    private void startAgainAndResume() throws Exception {
        user.startReal(home, world.api.uri(), null, world.edge.uri());
        RealModeOnPracticeSimulatorsTest.signInWithKeys(user);
        AppDriver.await(10, () -> user.lookup("#resume-banner").tryQuery().isPresent());
        user.click("#resume-watch");
    }

    @Test
    void killedAfterCloudFrontMadeTheDistributionTheNextStartFindsItInsteadOfMakingASecond() throws Exception {
        CloudFrontSimulator.Hold answerLost = world.api.hold("CreateDistributionWithTags", 0, true);
        CommandProcess.killAt(wizard("create"), answerLost, lines -> false);
        assertThat(world.api.distributionCount()).isEqualTo(1);

        startAgainAndResume();
        AppDriver.await(30, () -> user.text("#deploy-status").startsWith("Deployed"));
        assertThat(world.api.distributionCount()).as("the same distribution, not a second").isEqualTo(1);
        assertThat(world.api.distributionIds()).containsExactly(user.text("#deploy-id"));
    }

    @Test
    void killedMidTeardownTheNextStartFinishesTheTeardown() throws Exception {
        world.api.deployDelay(Duration.ofHours(1)); // the create stays InProgress, so the script can stop it and tear down
        CloudFrontSimulator.Hold disableAnswerLost = world.api.hold("UpdateDistribution", 0, true);
        CommandProcess.killAt(wizard("teardown"), disableAnswerLost, lines -> false);
        assertThat(world.api.distributionCount()).isEqualTo(1);

        world.api.deployDelay(Duration.ofMillis(500));
        world.api.distributionIds().forEach(world.api::finishDeployment);
        startAgainAndResume();
        AppDriver.await(30, () -> user.text("#deploy-status").equals("Deleted"));
        assertThat(world.api.distributionCount()).isZero();
    }
}
