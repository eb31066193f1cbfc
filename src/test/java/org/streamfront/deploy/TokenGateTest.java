package org.streamfront.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.streamfront.access.TokenSecret;
import org.streamfront.access.ViewerFunction;
import org.streamfront.aws.KeyValueStoreData;
import org.streamfront.aws.Retry;
import org.streamfront.plan.Plan;
import org.streamfront.sim.PracticeWorld;
import org.streamfront.sim.SimFault;
import org.streamfront.testing.SimulatorExtension;

/** The viewer check's lifecycle against the practice CloudFront when the key value store misbehaves, and when a test answer is wrong. */
class TokenGateTest {
    @RegisterExtension
    final SimulatorExtension cloudFront = new SimulatorExtension();
    private final String secret = TokenSecret.generate();
    private final Plan plan = new Plan(null, "sf-gate", "Gate", null, null, null, null, null, new Plan.Access(Plan.Access.TOKEN));
    private final List<String> log = new ArrayList<>();
    private final TokenGate gate = new TokenGate(() -> cloudFront.client, new KeyValueStoreData(PracticeWorld.CREDENTIALS, cloudFront.sim.uri()),
            new Retry(Duration.ofMillis(5), Duration.ofMillis(20), 4), planId -> Optional.of(secret));

    @Test
    void aStoreThatFailsOnceOrLosesTheAnswerToAWriteStillEndsWithTheSecretWrittenOnce() throws Exception {
        cloudFront.sim.inject(SimFault.INTERNAL_ERROR, "GetKey");
        cloudFront.sim.inject(SimFault.DROP_AFTER, "UpdateKeys"); // written, the answer lost: the retry meets a moved ETag
        String arn = gate.ensure(plan, log::add);
        assertThat(arn).endsWith(":function/" + ViewerFunction.functionName("sf-gate"));
        assertThat(gate.storedSecret("sf-gate", Progress.SILENT)).hasValue(secret);
        assertThat(cloudFront.sim.calls("UpdateKeys")).as("the lost answer's write, then one look that finds it done").isEqualTo(2);
        assertThat(log).noneMatch(l -> l.contains(secret));
        assertThat(cloudFront.client.describeFunction(b -> b.name(ViewerFunction.functionName("sf-gate")).stage("LIVE")).functionSummary().status())
                .isEqualTo("DEPLOYED");
    }

    @Test
    void aWrongTestAnswerIsReportedAsWrong() throws Exception {
        gate.ensure(plan, log::add);
        String name = ViewerFunction.functionName("sf-gate");
        String etag = cloudFront.client.describeFunction(b -> b.name(name)).eTag();
        // Tokens signed with another secret than the store's: the "valid" one must now be refused, and that is a wrong answer.
        List<TokenGate.TestRun> runs = gate.test(name, etag, TokenSecret.generate(), Progress.SILENT);
        assertThat(runs).extracting(TokenGate.TestRun::right).containsExactly(false, true, true);
        assertThat(runs.getFirst().answer()).isEqualTo("refused (403)");
    }
}
