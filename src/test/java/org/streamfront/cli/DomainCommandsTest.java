package org.streamfront.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.streamfront.aws.AwsClients;
import org.streamfront.playback.StreamCheck;
import org.streamfront.plan.PlanIds;
import org.streamfront.plan.PlanJson;
import org.streamfront.sim.CloudFrontSimulator;
import org.streamfront.sim.PracticeWorld;
import org.streamfront.testing.Configs;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.acm.model.ValidationMethod;
import org.streamfront.testing.ChildProcesses;

/**
 * {@code domain add|status|remove} against the practice ACM, Route 53 and public DNS, each path
 * ending with the stream playing through the own address on the simulated edge.
 */
@ChildProcesses
class DomainCommandsTest {
    @TempDir
    Path home;
    /** Deployments and certificates take a moment, as on AWS, but only long enough to be seen waiting. */
    private final PracticeWorld world = PracticeWorld.start(Duration.ofMillis(400));
    private String id;
    private String domain;

    @BeforeEach
    void distribution() {
        world.api.certificateValidationDelay(Duration.ofMillis(400));
        try (var cf = AwsClients.cloudFront(PracticeWorld.CREDENTIALS, world.api.uri())) {
            var made = cf.createDistribution(r -> r.distributionConfig(Configs.sendable(cf, PlanIds.ensure(world.examplePlan()))))
                    .distribution();
            id = made.id();
            domain = made.domainName();
        }
    }

    @AfterEach
    void close() {
        world.close();
    }

    private Map<String, String> env() {
        return CommandProcess.awsVariables(world);
    }

    private CommandProcess domain(String... args) throws Exception {
        return CommandProcess.run(home, env(), Stream.concat(Stream.of("domain"), Stream.of(args)).toArray(String[]::new));
    }

    private static JsonNode lastJson(CommandProcess run) throws Exception {
        return PlanJson.MAPPER.readTree(run.out().strip().lines().reduce((a, b) -> b).orElseThrow());
    }

    /**
     * The stream checks healthy and plays at the address. Played by {@code check --play} in a process of
     * its own: this class runs beside the UI tests, and a player in this JVM would share their FX thread.
     */
    private void assertPlaysAt(String host) throws Exception {
        URI playlist = URI.create(world.edge.addressOf(host) + "/streams/" + PracticeWorld.STREAM + ".m3u8");
        assertThat(new StreamCheck().run(playlist).healthy()).as("the stream checks healthy at %s", host).isTrue();
        CommandProcess played = CommandProcess.run(home, env(), "check", playlist.toString(), "--play", "4");
        assertThat(played.out()).as("a frame played through %s: %s", host, played.out() + played.err()).contains("ok   play: first frame after");
    }

    @Test
    void withTheRoute53ZoneEverythingIsWrittenAndTheStreamPlaysAtTheAddress() throws Exception {
        CommandProcess add = domain("add", id, "live.example.org", "--route53", "--wait", "--timeout", "60s");
        assertThat(add.exit()).as(add.err()).isZero();
        JsonNode result = lastJson(add);
        assertThat(result.get("phase").asText()).isEqualTo("LIVE");
        assertThat(result.get("certificateStatus").asText()).isEqualTo("ISSUED");
        assertThat(add.err()).contains("Writing _").contains("to the Route 53 zone example.org").contains("The distribution answers at live.example.org");
        assertThat(world.api.zoneRecords(CloudFrontSimulator.PRACTICE_ZONE_ID))
                .anyMatch(r -> r.startsWith("_") && r.contains(" CNAME "))
                .contains("live.example.org A ALIAS " + domain, "live.example.org AAAA ALIAS " + domain);
        assertPlaysAt("live.example.org");

        CommandProcess again = domain("add", id, "live.example.org", "--route53", "--wait");
        assertThat(again.exit()).as(again.err()).isZero();
        assertThat(world.api.certificateCount()).as("running it again makes no second certificate").isEqualTo(1);

        CommandProcess remove = domain("remove", id);
        assertThat(remove.exit()).as(remove.err()).isZero();
        assertThat(world.api.zoneRecords(CloudFrontSimulator.PRACTICE_ZONE_ID)).as("the records StreamFront wrote are gone").isEmpty();
        assertThat(world.api.certificateCount()).as("the certificate StreamFront asked for is deleted").isZero();
        URI gone = URI.create(world.edge.addressOf("live.example.org") + "/streams/" + PracticeWorld.STREAM + ".m3u8");
        assertThat(new StreamCheck().run(gone).healthy()).as("the address no longer serves the stream").isFalse();
        assertThat(domain("status", id).exit()).isEqualTo(1);
    }

    @Test
    void byHandItPrintsTheRecordsWatchesPublicDnsAndFinishesOnceTheyAppear() throws Exception {
        CommandProcess first = domain("add", id, "live.example.net");
        assertThat(first.exit()).as(first.err()).isZero();
        JsonNode waiting = lastJson(first);
        assertThat(waiting.get("phase").asText()).isEqualTo("VALIDATING");
        assertThat(first.err()).contains("Add at your DNS provider:").contains("live.example.net  CNAME  " + domain)
                .contains("public DNS shows no record yet");
        // First only the certificate's record: the address is added to the distribution, but nothing points at it yet.
        for (JsonNode r : waiting.get("records")) {
            if (r.get("name").asText().startsWith("_")) {
                world.api.dns().put(r.get("name").asText(), r.get("type").asText(), r.get("value").asText());
            }
        }
        CommandProcess notYet = domain("add", id, "live.example.net", "--wait", "--timeout", "8s");
        assertThat(notYet.exit()).as("not live without its CNAME: " + notYet.err()).isEqualTo(1);
        assertThat(notYet.err()).contains("Waiting for public DNS to show the address's record").contains("not seen serving yet");
        assertThat(lastJson(domain("status", id)).get("phase").asText()).isEqualTo("POINTING");
        addRecordsByHand(waiting);

        CommandProcess done = domain("add", id, "live.example.net", "--wait", "--timeout", "60s");
        assertThat(done.exit()).as(done.err()).isZero();
        assertThat(lastJson(done).get("phase").asText()).isEqualTo("LIVE");
        assertThat(done.err()).contains("Going on with live.example.net").contains("\u2713 live.example.net CNAME " + domain);
        assertThat(world.api.certificateCount()).isEqualTo(1);
        assertPlaysAt("live.example.net");

        CommandProcess status = domain("status", id);
        assertThat(status.exit()).as(status.err()).isZero();
        assertThat(lastJson(status).get("records").get(0).get("seen").asBoolean()).isTrue();
    }

    /** What a user types at their DNS provider: every record the command listed. */
    private void addRecordsByHand(JsonNode status) {
        for (JsonNode r : status.get("records")) {
            world.api.dns().put(r.get("name").asText(), r.get("type").asText(), r.get("value").asText());
        }
    }

    static Stream<Arguments> killPoints() {
        return Stream.of(
                Arguments.of("before ACM answered RequestCertificate", "RequestCertificate", false, null),
                Arguments.of("after ACM made the certificate, its answer lost", "RequestCertificate", true, null),
                Arguments.of("while waiting for the validation record", null, false, "public DNS shows"),
                Arguments.of("after the update was sent, waiting for Deployed", "UpdateDistribution", true, null));
    }

    @ParameterizedTest(name = "killed {0}")
    @MethodSource("killPoints")
    void killedAnywhereItResumesAndFinishesWithOneCertificate(String when, String operation, boolean afterApplying, String line)
            throws Exception {
        if (operation != null && operation.equals("UpdateDistribution")) {
            world.api.dns().put("live.example.net", "CNAME", domain);
            // The validation record is added as soon as ACM gives it, so the run gets as far as the update.
            world.api.certificateValidationDelay(Duration.ZERO);
            Thread.ofVirtual().start(this::copyValidationRecordOnceKnown);
        }
        CloudFrontSimulator.Hold hold = operation == null ? null : world.api.hold(operation, 0, afterApplying);
        Process p = CommandProcess.start(home, env(), "domain", "add", id, "live.example.net", "--wait", "--timeout", "60s");
        CommandProcess.killAt(p, hold, lines -> lines.stream().anyMatch(l -> l.contains(line)));

        // The user adds the records (status lists them, whatever the run got to) and starts again.
        world.api.dns().put("live.example.net", "CNAME", domain);
        CommandProcess status = domain("add", id, "live.example.net");
        assertThat(status.exit()).as(status.err()).isZero();
        addRecordsByHand(lastJson(status));
        CommandProcess resumed = domain("add", id, "live.example.net", "--wait", "--timeout", "60s");
        assertThat(resumed.exit()).as(resumed.err()).isZero();
        assertThat(lastJson(resumed).get("phase").asText()).isEqualTo("LIVE");
        assertThat(world.api.certificateCount()).as("one certificate, however the run was stopped").isEqualTo(1);
        assertPlaysAt("live.example.net");

        CommandProcess removed = domain("remove", id);
        assertThat(removed.exit()).as(removed.err()).isZero();
        assertThat(world.api.certificateCount()).as("still known as StreamFront's, so removing the address deletes it").isZero();
    }

    static Stream<Arguments> route53KillPoints() {
        return Stream.of(
                Arguments.of("before Route 53 wrote the validation record", "ChangeResourceRecordSets", 0, false),
                Arguments.of("after Route 53 wrote the validation record, its answer lost", "ChangeResourceRecordSets", 0, true),
                Arguments.of("after Route 53 wrote the alias records, its answer lost", "ChangeResourceRecordSets", 1, true),
                Arguments.of("while reading the alias records back", "ListResourceRecordSets", 0, false));
    }

    @ParameterizedTest(name = "add --route53 killed {0}")
    @MethodSource("route53KillPoints")
    void addWithRoute53KilledAtARemoteStepResumesToOneCertificateAndItsRecords(String when, String operation, int letThrough,
            boolean afterApplying) throws Exception {
        CloudFrontSimulator.Hold hold = world.api.hold(operation, letThrough, afterApplying);
        Process p = CommandProcess.start(home, env(), "domain", "add", id, "live.example.org", "--route53", "--wait", "--timeout", "60s");
        CommandProcess.killAt(p, hold, lines -> false);

        CommandProcess resumed = domain("add", id, "live.example.org", "--route53", "--wait", "--timeout", "60s");
        assertThat(resumed.exit()).as(resumed.err()).isZero();
        assertThat(lastJson(resumed).get("phase").asText()).isEqualTo("LIVE");
        assertThat(world.api.certificateCount()).as("one certificate").isEqualTo(1);
        assertThat(world.api.zoneRecords(CloudFrontSimulator.PRACTICE_ZONE_ID)).as("the validation record and the two aliases, once each")
                .hasSize(3).contains("live.example.org A ALIAS " + domain, "live.example.org AAAA ALIAS " + domain);

        CommandProcess removed = domain("remove", id);
        assertThat(removed.exit()).as(removed.err()).isZero();
        assertThat(world.api.zoneRecords(CloudFrontSimulator.PRACTICE_ZONE_ID)).isEmpty();
        assertThat(world.api.certificateCount()).isZero();
    }

    static Stream<Arguments> removeKillPoints() {
        return Stream.of(
                Arguments.of("remove", "after CloudFront took the address off, its answer lost", "UpdateDistribution", 0, true),
                Arguments.of("remove", "before Route 53 deleted the alias records", "ChangeResourceRecordSets", 0, false),
                Arguments.of("remove", "after Route 53 deleted the alias records, its answer lost", "ChangeResourceRecordSets", 0, true),
                Arguments.of("remove", "before ACM deleted the certificate", "DeleteCertificate", 0, false),
                Arguments.of("teardown", "after CloudFront deleted the distribution, its answer lost", "DeleteDistribution", 0, true),
                Arguments.of("teardown", "after Route 53 deleted the alias records, its answer lost", "ChangeResourceRecordSets", 0, true),
                Arguments.of("teardown", "before ACM deleted the certificate", "DeleteCertificate", 0, false));
    }

    @ParameterizedTest(name = "{0} killed {1}")
    @MethodSource("removeKillPoints")
    void removeAndTeardownKilledAtARemoteStepFinishLeavingNothingOfTheAddress(String command, String when, String operation,
            int letThrough, boolean afterApplying) throws Exception {
        CommandProcess added = domain("add", id, "live.example.org", "--route53", "--wait", "--timeout", "60s");
        assertThat(added.exit()).as(added.err()).isZero();
        String[] args = command.equals("remove") ? new String[] {"domain", "remove", id} : new String[] {"teardown", id, "--wait"};

        CloudFrontSimulator.Hold hold = world.api.hold(operation, letThrough, afterApplying);
        CommandProcess.killAt(CommandProcess.start(home, env(), args), hold, lines -> false);
        CommandProcess again = CommandProcess.run(home, env(), args);
        assertThat(again.exit()).as(again.err()).isZero();

        assertThat(world.api.zoneRecords(CloudFrontSimulator.PRACTICE_ZONE_ID)).as("no record of the address is left").isEmpty();
        assertThat(world.api.certificateCount()).as("the certificate StreamFront asked for is gone").isZero();
        if (command.equals("teardown")) {
            assertThat(world.api.distributionCount()).isZero();
        } else {
            try (var cf = AwsClients.cloudFront(PracticeWorld.CREDENTIALS, world.api.uri())) {
                assertThat(cf.getDistribution(b -> b.id(id)).distribution().distributionConfig().aliases().quantity()).isZero();
            }
        }
    }

    /** Plays a user who adds the validation record the moment ACM shows it. */
    private void copyValidationRecordOnceKnown() {
        try (var acm = AwsClients.acm(PracticeWorld.CREDENTIALS, world.api.uri(), Region.US_EAST_1)) {
            for (int i = 0; i < 600; i++) {
                for (var summary : acm.listCertificates().certificateSummaryList()) {
                    var options = acm.describeCertificate(b -> b.certificateArn(summary.certificateArn())).certificate().domainValidationOptions();
                    if (!options.isEmpty() && options.getFirst().resourceRecord() != null) {
                        var r = options.getFirst().resourceRecord();
                        world.api.dns().put(r.name(), r.typeAsString(), r.value());
                        return;
                    }
                }
                Thread.sleep(50);
            }
        } catch (InterruptedException | RuntimeException stopped) {
            // the test is over
        }
    }

    @Test
    void badAddressesAreRefusedBeforeAnythingIsMade() throws Exception {
        CommandProcess invalid = domain("add", id, "live_stream.example.org");
        assertThat(invalid.exit()).isEqualTo(2);
        assertThat(invalid.err()).contains("\"live_stream\" cannot be part of an address");

        CommandProcess apex = domain("add", id, "example.net");
        assertThat(apex.exit()).isEqualTo(1);
        assertThat(apex.err()).contains("example.net is a bare domain").contains("live.example.net");

        CommandProcess noZone = domain("add", id, "live.example.net", "--route53");
        assertThat(noZone.exit()).isEqualTo(1);
        assertThat(noZone.err()).contains("no Route 53 hosted zone for live.example.net");
        assertThat(world.api.certificateCount()).as("nothing was asked of ACM").isZero();

        world.api.deny("RequestCertificate");
        CommandProcess denied = domain("add", id, "live.example.net");
        assertThat(denied.exit()).isEqualTo(1);
        assertThat(denied.err()).contains("acm:RequestCertificate");
    }

    @Test
    void anAddressAnotherDistributionServesIsNamedWithThatDistribution() throws Exception {
        assertThat(domain("add", id, "live.example.org", "--route53", "--wait", "--timeout", "60s").exit()).isZero();
        String other;
        try (var cf = AwsClients.cloudFront(PracticeWorld.CREDENTIALS, world.api.uri())) {
            other = cf.createDistribution(r -> r.distributionConfig(Configs.sendable(cf, PlanIds.ensure(world.examplePlan()))))
                    .distribution().id();
        }
        CommandProcess taken = CommandProcess.run(home.resolve("other"), env(), "domain", "add", other, "live.example.org", "--route53");
        assertThat(taken.exit()).isEqualTo(1);
        assertThat(taken.err()).contains("live.example.org is already an address of " + id);
    }

    @Test
    void aValidationThatNeverCompletesSaysWhatDnsShowsAndWhatWasExpected() throws Exception {
        world.api.certificateValidationTimeout(Duration.ofSeconds(2));
        world.api.dns().put("_wrong.live.example.net", "CNAME", "somewhere.example.com");
        CommandProcess run = domain("add", id, "live.example.net", "--wait", "--timeout", "60s");
        assertThat(run.exit()).isEqualTo(1);
        assertThat(run.err()).contains("ACM stopped waiting for the validation record (certificate VALIDATION_TIMED_OUT)")
                .contains("Public DNS shows no record yet; ACM expected _").contains(".live.example.net CNAME _");
    }

    @Test
    void aCertificateMadeInAnotherRegionIsFoundExplainedAndNotUsed() throws Exception {
        String elsewhere;
        try (var acm = AwsClients.acm(PracticeWorld.CREDENTIALS, world.api.uri(), Region.EU_WEST_1)) {
            elsewhere = acm.requestCertificate(b -> b.domainName("live.example.org").validationMethod(ValidationMethod.DNS)).certificateArn();
        }
        Map<String, String> inIreland = new HashMap<>(env());
        inIreland.put("AWS_REGION", "eu-west-1");
        CommandProcess run = CommandProcess.run(home, inIreland, "domain", "add", id, "live.example.org", "--route53", "--wait", "--timeout", "60s");
        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(run.err()).contains("A certificate for live.example.org exists in eu-west-1 (" + elsewhere + ")")
                .contains("does not use it");
        assertThat(lastJson(run).get("certificate").asText()).startsWith("arn:aws:acm:us-east-1:");
    }

    @Test
    void aPlanWithAliasesConvergesOnceACertificateIsIssued() throws Exception {
        Path plan = CliTest.write(home, "plan.json", PlanJson.write(PlanIds.ensure(world.examplePlan())
                .withAliases(List.of("live.example.org"))));
        CommandProcess withoutCertificate = CommandProcess.run(home, env(), "apply", plan.toString(), "--wait", "--timeout", "60s");
        assertThat(withoutCertificate.exit()).isEqualTo(1);
        assertThat(withoutCertificate.err()).contains("No issued certificate in US East (N. Virginia) covers live.example.org");

        assertThat(domain("add", id, "live.example.org", "--route53", "--wait", "--timeout", "60s").exit()).isZero();
        assertThat(domain("remove", id, "--keep-certificate").exit()).isZero();
        CommandProcess applied = CommandProcess.run(home, env(), "apply", plan.toString(), "--wait", "--timeout", "60s");
        assertThat(applied.exit()).as(applied.err()).isZero();
        String made = lastJson(applied).get("id").asText();
        assertPlaysAt("live.example.org");

        Files.writeString(plan, PlanJson.write(PlanJson.read(plan).withAliases(List.of())));
        CommandProcess dry = CommandProcess.run(home, env(), "apply", plan.toString(), "--dry-run");
        assertThat(dry.exit()).as(dry.err()).isEqualTo(3);
        assertThat(dry.err()).contains("Own addresses: live.example.org \u2192 (none)");
        assertThat(made).isNotEqualTo(id);
    }
}
