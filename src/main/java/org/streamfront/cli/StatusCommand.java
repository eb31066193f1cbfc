package org.streamfront.cli;

import org.streamfront.Numbers;
import java.io.PrintWriter;
import java.time.Duration;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import org.streamfront.Messages;
import org.streamfront.audience.AudienceMetrics;
import org.streamfront.audience.Traffic;
import org.streamfront.aws.Retry;
import org.streamfront.origin.OriginCheck;
import org.streamfront.services.DeployServices;
import org.streamfront.deploy.Progress;
import org.streamfront.deploy.Snapshot;
import org.streamfront.playback.ViewerUrls;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
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

    @Option(names = "--metrics", description = "Also print the last 15 minutes of traffic from CloudWatch, minute by minute.")
    boolean metrics;

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
            // A distribution made elsewhere names no stream: the address is shown with a placeholder, as words.
            out.println("url:     " + (stream == null || stream.isBlank()
                    ? "https://" + s.domain() + "/streams/<stream id>.m3u8" : ViewerUrls.production(s.domain(), stream)));
            if (metrics) {
                printMetrics(out, s, stream);
            }
            out.flush();
            return StreamFrontCommand.OK;
        } catch (Exception e) {
            return Failures.report(spec.commandLine().getErr(), e);
        }
    }

    /** Minute by minute: requests, megabytes, error rates; then the viewers that adds up to at the measured bitrate. */
    private void printMetrics(PrintWriter out, Snapshot s, String stream) throws Exception {
        Traffic t = new AudienceMetrics(aws.session(), Retry.standard())
                .read(s.id(), Duration.ofMinutes(15), AudienceMetrics.PERIOD_SECONDS, (what, next, wait, cause) -> { });
        out.println();
        if (!t.hasData()) {
            out.println(Messages.get("cli.status.noMetrics"));
            return;
        }
        out.println("minute  requests        MB   4xx %   5xx %");
        DateTimeFormatter hhmm = DateTimeFormatter.ofPattern("HH:mm").withZone(ZoneId.systemDefault());
        Map<java.time.Instant, Double> bytes = byTime(t.bytesDownloaded());
        Map<java.time.Instant, Double> e4 = byTime(t.clientErrorRate());
        Map<java.time.Instant, Double> e5 = byTime(t.serverErrorRate());
        for (Traffic.Point p : t.requests()) {
            out.printf(Locale.ROOT, "%s  %8.0f  %8.1f  %6.1f  %6.1f%n", hhmm.format(p.at()), p.value(),
                    bytes.getOrDefault(p.at(), 0.0) / 1e6, e4.getOrDefault(p.at(), 0.0), e5.getOrDefault(p.at(), 0.0));
        }
        long bps = 0;
        if (stream != null && !stream.isBlank()) {
            bps = OriginCheck.highest(OriginCheck.standard().renditions(ViewerUrls.production(s.domain(), stream)))
                    .map(OriginCheck.Rendition::measuredBps).orElse(0L);
        }
        long bitrate = bps;
        out.println(t.viewers(bitrate, 3).map(v -> Messages.get("cli.status.viewers", Numbers.whole(v),
                        String.format(Locale.ROOT, "%.2f", bitrate / 1e6)))
                .orElse(Messages.get("cli.status.viewersUnknown")));
        t.newestSpike().ifPresent(spike -> out.println(Messages.get(spike.serverErrors() ? "audience.spike.5xx" : "audience.spike.4xx",
                String.format(Locale.ROOT, "%.0f", spike.at().value()))));
    }

    private static Map<java.time.Instant, Double> byTime(List<Traffic.Point> points) {
        return points.stream().collect(Collectors.toMap(Traffic.Point::at, Traffic.Point::value, (a, b) -> b));
    }
}
