package org.streamfront.aws;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.streamfront.audience.AudienceMetrics;
import org.streamfront.services.DeployServices;
import org.streamfront.deploy.DeployWatcher;
import org.streamfront.deploy.Progress;
import org.streamfront.address.OwnAddress;
import org.streamfront.plan.Plan;
import org.streamfront.plan.PlanIds;
import org.streamfront.sim.PracticeWorld;

/**
 * The policy that Copy policy offers is exactly what StreamFront calls: a full practice run (sign-in
 * checks, create with and without tags, update, import, list, own address with Route 53, audience,
 * teardown) against the simulators, which note every operation asked of them, compared both ways
 * with the policy's actions.
 */
class MinimalPolicyTest {
    /**
     * Operations whose IAM actions are not just their own name: CloudFront's API reference lists
     * CreateDistribution and TagResource as what CreateDistributionWithTags needs, and the policy keeps
     * the operation's own name beside them, as AWS's error for it names that.
     */
    private static final Map<String, List<String>> ACTIONS = Map.of(
            "cloudfront:CreateDistributionWithTags",
            List.of("cloudfront:CreateDistributionWithTags", "cloudfront:CreateDistribution", "cloudfront:TagResource"));
    /** Calls every identity may make without a policy. */
    private static final Set<String> NEEDS_NO_PERMISSION = Set.of("sts:GetCallerIdentity");

    @TempDir
    Path dir;
    private final PracticeWorld world = PracticeWorld.start(Duration.ZERO);
    private final Progress quiet = new OwnAddress.Listener() {
        @Override
        public void log(String message) {
        }

        @Override
        public void retrying(String what, int nextAttempt, Duration wait, Throwable cause) {
        }
    };

    @AfterEach
    void close() {
        world.close();
    }

    @Test
    void everyActionThePolicyGrantsIsCalledAndEveryCallIsGranted() throws Exception {
        world.api.certificateValidationDelay(Duration.ZERO);
        AwsSession session = new AwsSession("practice", PracticeWorld.CREDENTIALS, world.api.uri());
        session.whoAmI();
        session.checkCloudFrontAccess();
        assertThat(session.metricsProblem()).isEmpty();
        assertThat(session.addressProblem()).isEmpty();
        try (DeployServices services = new DeployServices(PracticeWorld.CREDENTIALS, world.api.uri(), dir.resolve("history.json"),
                new DeployWatcher(Duration.ofMillis(50)), world.edge::addressOf)) {
            var distributions = services.distributions();
            String id = distributions.create(PlanIds.ensure(world.examplePlan()), quiet).id();
            distributions.awaitDeployed(id, quiet, Duration.ofSeconds(30));
            Plan changed = world.examplePlan().withCache(new Plan.Cache(null, true, 2, 10));
            distributions.update(id, PlanIds.ensure(changed).withPlanId(distributions.history().forDistribution(id).orElseThrow().planId()),
                    quiet);
            distributions.importDistribution(id, quiet);
            distributions.listOurs(quiet);
            services.ownAddress().add(id, "live.example.org", true, (OwnAddress.Listener) quiet, Duration.ofSeconds(60));
            AudienceMetrics audience = new AudienceMetrics(session, Retry.standard());
            audience.read(id, Duration.ofMinutes(15), 60, quiet);
            audience.turnOnAdditionalMetrics(id, quiet);

            // Viewer tokens: made, read back, brought up to date after a change elsewhere, turned off (then tidied away).
            java.nio.file.Path secret = dir.resolve("viewers.secret");
            org.streamfront.access.TokenSecret.ensure(secret);
            services.useSecretFile(secret);
            Plan protectedPlan = PlanIds.ensure(world.examplePlan().withName("Tokens")).withAccess(new Plan.Access(Plan.Access.TOKEN));
            String guarded = distributions.create(protectedPlan, quiet).id();
            distributions.awaitDeployed(guarded, quiet, Duration.ofSeconds(30));
            var gate = distributions.tokenGate().orElseThrow();
            gate.storedSecret(protectedPlan.planId(), quiet);
            try (var client = AwsClients.cloudFront(PracticeWorld.CREDENTIALS, world.api.uri())) {
                String name = org.streamfront.access.ViewerFunction.functionName(protectedPlan.planId());
                var dev = client.describeFunction(b -> b.name(name));
                client.updateFunction(b -> b.name(name).ifMatch(dev.eTag()).functionConfig(dev.functionSummary().functionConfig())
                        .functionCode(software.amazon.awssdk.core.SdkBytes.fromUtf8String("function handler(event) { return event.request; }")));
            }
            gate.ensure(protectedPlan, quiet);
            distributions.update(guarded, protectedPlan.withAccess(new Plan.Access(Plan.Access.OPEN)), quiet);
            distributions.awaitDeployed(guarded, quiet, Duration.ofSeconds(30));
            assertThat(world.api.functionNames()).as("turned off: tidied away once deployed").isEmpty();
            distributions.teardown(guarded, quiet, Duration.ofSeconds(60));

            world.api.deny("TagResource"); // a policy without tagging: StreamFront creates without tags
            String untagged = distributions.create(PlanIds.ensure(world.examplePlan().withName("Untagged")), quiet).id();
            world.api.allow("TagResource");

            for (String each : List.of(id, untagged)) {
                distributions.teardown(each, quiet, Duration.ofSeconds(60));
                services.ownAddress().cleanUpAfterTeardown(each, false, quiet);
            }
        }

        Set<String> called = new HashSet<>();
        world.api.operationsAsked().stream().filter(op -> !NEEDS_NO_PERMISSION.contains(op))
                .forEach(op -> called.addAll(ACTIONS.getOrDefault(op, List.of(op))));
        Set<String> granted = new HashSet<>();
        for (JsonNode statement : new ObjectMapper().readTree(AwsErrors.MINIMAL_POLICY).get("Statement")) {
            statement.get("Action").forEach(a -> granted.add(a.asText()));
        }
        assertThat(called).as("called but not in the policy: a user with it would be refused").isSubsetOf(granted);
        assertThat(granted).as("in the policy but never called: granted for nothing").isSubsetOf(called);
    }
}
