package org.streamfront.cli;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.time.Duration;
import java.util.concurrent.Callable;
import org.streamfront.Messages;
import org.streamfront.services.DeployServices;
import org.streamfront.deploy.Progress;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import software.amazon.awssdk.services.cloudfront.model.NoSuchDistributionException;

@Command(name = "teardown", description = "Disables a distribution, waits until CloudFront has deployed that, and deletes it (and what StreamFront made for its own address).")
final class TeardownCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    AwsOptions aws;

    @Parameters(paramLabel = "ID", description = "The distribution id (E...).")
    String id;

    @Option(names = "--wait", description = "Accepted for symmetry with apply: teardown always waits, since CloudFront deletes only disabled, deployed distributions.")
    boolean await;

    @Option(names = "--timeout", paramLabel = "DURATION", defaultValue = "30m", converter = DurationConverter.class,
            description = "How long the teardown may take (default ${DEFAULT-VALUE}); run it again to go on after a timeout.")
    Duration timeout;

    @Option(names = "--keep-certificate", description = "Keep the certificate StreamFront asked for the distribution's own address.")
    boolean keepCertificate;

    @Override
    public Integer call() {
        var err = spec.commandLine().getErr();
        Progress progress = err::println;
        try (DeployServices services = aws.services()) {
            try {
                services.distributions().teardown(id, progress, timeout);
            } catch (NoSuchDistributionException gone) {
                // Not in the history (made outside StreamFront), but its own address was ours: an earlier run deleted it.
                if (services.ownAddress().store().of(id).isEmpty()) {
                    throw gone;
                }
                progress.log(Messages.get("deploy.log.alreadyDeleted", id));
            }
            services.ownAddress().cleanUpAfterTeardown(id, keepCertificate, progress);
            spec.commandLine().getOut().println(JsonNodeFactory.instance.objectNode().put("id", id).put("status", "Deleted"));
            spec.commandLine().getOut().flush();
            return StreamFrontCommand.OK;
        } catch (Exception e) {
            return Failures.report(err, e);
        }
    }
}
