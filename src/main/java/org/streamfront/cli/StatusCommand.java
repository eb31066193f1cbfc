package org.streamfront.cli;

import java.util.concurrent.Callable;
import org.streamfront.deploy.DeployServices;
import org.streamfront.deploy.Progress;
import org.streamfront.deploy.Snapshot;
import org.streamfront.playback.ViewerUrls;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "status", description = "Shows a distribution's status, domain, origin and stream URL.")
final class StatusCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    AwsOptions aws;

    @Parameters(paramLabel = "ID", description = "The distribution id (E...).")
    String id;

    @Override
    public Integer call() {
        var out = spec.commandLine().getOut();
        try (DeployServices services = aws.services()) {
            Snapshot s = services.distributions().get(id, Progress.SILENT);
            String stream = services.distributions().history().forDistribution(id).map(e -> e.streamId()).orElse("");
            out.println("id:      " + s.id());
            out.println("status:  " + s.status() + (s.enabled() ? "" : " (disabled)"));
            out.println("domain:  " + s.domain());
            out.println("origin:  " + s.originDomain());
            out.println("url:     " + (stream == null || stream.isBlank()
                    ? ViewerUrls.production(s.domain(), "<stream id>") : ViewerUrls.production(s.domain(), stream)));
            out.flush();
            return StreamFrontCommand.OK;
        } catch (Exception e) {
            return Failures.report(spec.commandLine().getErr(), e);
        }
    }
}
