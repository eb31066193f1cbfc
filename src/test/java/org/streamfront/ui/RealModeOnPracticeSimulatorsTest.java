package org.streamfront.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.streamfront.address.PublicDns;
import org.streamfront.plan.Plan;
import org.streamfront.plan.PlanJson;
import org.streamfront.playback.PracticeEdge;
import org.streamfront.sim.PracticeWorld;
import org.streamfront.testing.PracticeCommandProcess;

/**
 * Real mode on the {@code practice} command's simulators, in their own process, reached only through
 * the variables the command prints: the stream plays through the practice edge, not through
 * https://d….cloudfront.net, which exists only on the internet.
 */
class RealModeOnPracticeSimulatorsTest {
    @TempDir
    Path home;
    final AppDriver user = new AppDriver();

    @AfterEach
    void close() throws Exception {
        user.stop();
    }

    @Test
    void aDistributionMadeInRealModePlaysThroughThePracticeEdge() throws Exception {
        try (PracticeCommandProcess practice = PracticeCommandProcess.start(2)) {
            assertThat(practice.endpoints).containsOnlyKeys("cloudfront-api", "edge", "origin");
            assertThat(practice.variables).containsOnlyKeys("AWS_ENDPOINT_URL", PracticeEdge.VARIABLE, PublicDns.ENDPOINT_VARIABLE);
            URI edge = URI.create(practice.variables.get(PracticeEdge.VARIABLE));
            user.startReal(home, URI.create(practice.variables.get("AWS_ENDPOINT_URL")), null, edge);
            String domain = realModeToPlay(user, home, PracticeWorld.examplePlan(URI.create(practice.endpoints.get("origin")).getPort()));
            assertThat(domain).endsWith(".cloudfront.net");
            AppDriver.await(20, () -> PlayStepTest.showsVideo(user));
            AppDriver.await(10, () -> user.text("#play-state").equals("Playing live"));
            assertThat(user.text("#play-url")).as("the distribution's own address on the practice edge")
                    .startsWith("http://127.0.0.1:").endsWith("/streams/" + PracticeWorld.STREAM + ".m3u8")
                    .doesNotStartWith(edge.toString());
        }
    }

    /** In the started app: signs in with access keys, opens the plan, creates it and goes on to Play once deployed; its domain. */
    static String realModeToPlay(AppDriver user, Path home, Plan practicePlan) throws Exception {
        realModeToCreate(user, home, practicePlan);
        AppDriver.await(30, () -> user.text("#deploy-status").startsWith("Deployed"));
        String domain = user.text("#deploy-domain");
        user.click("#nav-next");
        return domain;
    }

    /** Signs in with access keys, then opens the plan and presses Create distribution on Review. */
    static void realModeToCreate(AppDriver user, Path home, Plan practicePlan) throws Exception {
        signInWithKeys(user);
        Path plan = Files.writeString(home.resolve("practice.json"), PlanJson.write(practicePlan));
        user.dialogs.willChoose(plan);
        user.click("#toolbar-open");
        user.click("#nav-next");
        for (int i = 0; i < 3; i++) {
            user.click("#nav-next");
        }
        AppDriver.await(10, () -> !user.lookup("#review-create").queryButton().isDisabled());
        user.click("#review-create");
    }

    /** The Account step's access keys way: keys held in memory only, so a restarted app asks again. */
    static void signInWithKeys(AppDriver user) throws Exception {
        user.click("#account-way-keys");
        user.type("#account-key-id", "AKIAEXAMPLEKEY000001");
        user.type("#account-secret", "practice-secret");
        user.click("#account-connect-keys");
        AppDriver.await(10, () -> user.text("#account-identity").contains("1234-5678-9012"));
    }
}
