package org.streamfront.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.streamfront.plan.Plan;
import org.streamfront.plan.PlanJson;
import org.streamfront.playback.PracticeEdge;
import org.streamfront.sim.PracticeWorld;

/**
 * Real mode on the {@code practice} command's simulators, in their own process, reached only through
 * the variables the command prints: the stream plays through the practice edge, not through
 * https://d….cloudfront.net, which exists only on the internet.
 */
class RealModeOnPracticeSimulatorsTest {
    @TempDir
    Path home;
    final AppDriver user = new AppDriver();
    Process practice;

    @AfterEach
    void close() throws Exception {
        user.stop();
        if (practice != null) {
            practice.destroy();
            practice.waitFor(10, TimeUnit.SECONDS);
        }
    }

    @Test
    void aDistributionMadeInRealModePlaysThroughThePracticeEdge() throws Exception {
        practice = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), "org.streamfront.Main", "practice", "--deploy-seconds", "2").start();
        var out = new BufferedReader(new InputStreamReader(practice.getInputStream(), StandardCharsets.UTF_8));
        Map<String, String> endpoints = new HashMap<>();
        for (int i = 0; i < 3; i++) {
            String[] line = out.readLine().split(" ", 2);
            endpoints.put(line[0], line[1]);
        }
        assertThat(endpoints).containsOnlyKeys("cloudfront-api", "edge", "origin");
        URI origin = URI.create(endpoints.get("origin"));
        Map<String, String> variables = variablesLine(practice);
        assertThat(variables).containsKeys("AWS_ENDPOINT_URL", PracticeEdge.VARIABLE, "STREAMFRONT_DNS_URL");

        user.startReal(home, URI.create(variables.get("AWS_ENDPOINT_URL")), null, URI.create(variables.get(PracticeEdge.VARIABLE)));
        String domain = realModeToPlay(user, home, PracticeWorld.examplePlan(origin.getPort()));
        assertThat(domain).endsWith(".cloudfront.net");
        AppDriver.await(20, () -> PlayStepTest.showsVideo(user));
        AppDriver.await(10, () -> user.text("#play-state").equals("Playing live"));
        assertThat(user.text("#play-url")).as("the distribution's own address on the practice edge")
                .startsWith("http://127.0.0.1:").endsWith("/streams/" + PracticeWorld.STREAM + ".m3u8")
                .doesNotStartWith(variables.get(PracticeEdge.VARIABLE));
    }

    /** The command's stderr line of NAME=value pairs for real mode; the rest of stderr is drained so the command never blocks on it. */
    private static Map<String, String> variablesLine(Process practice) throws Exception {
        List<String> lines = new CopyOnWriteArrayList<>();
        Thread.ofPlatform().daemon().start(() -> new BufferedReader(new InputStreamReader(practice.getErrorStream(),
                StandardCharsets.UTF_8)).lines().forEach(lines::add));
        AppDriver.await(10, () -> lines.stream().anyMatch(l -> l.contains("AWS_ENDPOINT_URL=")));
        String line = lines.stream().filter(l -> l.contains("AWS_ENDPOINT_URL=")).findFirst().orElseThrow();
        Map<String, String> variables = new HashMap<>();
        for (String word : line.substring(line.indexOf("AWS_ENDPOINT_URL=")).split(" ")) {
            String[] pair = word.split("=", 2);
            variables.put(pair[0], pair[1]);
        }
        return variables;
    }

    /** In the started app: signs in with access keys, opens the plan, creates it and goes on to Play once deployed; its domain. */
    static String realModeToPlay(AppDriver user, Path home, Plan practicePlan) throws Exception {
        user.click("#account-way-keys");
        user.type("#account-key-id", "AKIAEXAMPLEKEY000001");
        user.type("#account-secret", "practice-secret");
        user.click("#account-connect-keys");
        AppDriver.await(10, () -> user.text("#account-identity").contains("1234-5678-9012"));
        Path plan = Files.writeString(home.resolve("practice.json"), PlanJson.write(practicePlan));
        user.dialogs.willChoose(plan);
        user.click("#toolbar-open");
        user.click("#nav-next");
        for (int i = 0; i < 3; i++) {
            user.click("#nav-next");
        }
        AppDriver.await(10, () -> !user.lookup("#review-create").queryButton().isDisabled());
        user.click("#review-create");
        AppDriver.await(30, () -> user.text("#deploy-status").startsWith("Deployed"));
        String domain = user.text("#deploy-domain");
        user.click("#nav-next");
        return domain;
    }
}
