package org.streamfront.cli;

import java.util.concurrent.Callable;
import org.streamfront.services.DeployServices;
import org.streamfront.deploy.Progress;
import org.streamfront.deploy.Snapshot;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

@Command(name = "list", description = "Lists the distributions StreamFront made in this account.")
final class ListCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    AwsOptions aws;

    @Override
    public Integer call() {
        var out = spec.commandLine().getOut();
        try (DeployServices services = aws.services()) {
            var ours = services.distributions().listOurs(Progress.SILENT);
            out.printf("%-16s %-11s %-8s %-32s %s%n", "ID", "STATUS", "ENABLED", "DOMAIN", "ORIGIN");
            for (Snapshot s : ours) {
                out.printf("%-16s %-11s %-8s %-32s %s%n", s.id(), s.status(), s.enabled() ? "yes" : "no", s.domain(), s.originDomain());
            }
            out.flush();
            return StreamFrontCommand.OK;
        } catch (Exception e) {
            return Failures.report(spec.commandLine().getErr(), e);
        }
    }
}
