package org.streamfront.cli;

import org.streamfront.Numbers;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.streamfront.Messages;
import org.streamfront.cost.CostEstimate;
import org.streamfront.cost.Prices;
import org.streamfront.origin.OriginCheck;
import org.streamfront.plan.Plan;
import org.streamfront.plan.PlanFileException;
import org.streamfront.plan.PlanJson;
import org.streamfront.plan.PlanRules;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "estimate", description = "Estimates a month on CloudFront for a plan: the stream's bitrate (measured from the server) times the audience.")
final class EstimateCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "PLAN", description = "The plan file (JSON).")
    Path planFile;

    @Option(names = "--viewers", required = true, paramLabel = "N", description = "Viewers watching at once.")
    int viewers;

    @Option(names = "--hours", required = true, paramLabel = "H", description = "Hours per event, e.g. 2 or 1.5.")
    String hours;

    @Option(names = "--events", defaultValue = "4", paramLabel = "E", description = "Events per month (default ${DEFAULT-VALUE}).")
    int events;

    @Option(names = "--region", defaultValue = "NORTH_AMERICA", paramLabel = "REGION",
            description = "Where most viewers are: ${COMPLETION-CANDIDATES} (default ${DEFAULT-VALUE}).")
    Prices.Region region;

    @Option(names = "--rendition", paramLabel = "NAME", description = "The rendition viewers watch, e.g. 1280x720 (default: the highest measured).")
    String renditionName;

    @Option(names = "--bitrate", paramLabel = "MBITS", description = "The bitrate in Mbit/s, instead of measuring the server's stream.")
    String bitrate;

    /** One line of the table: its name in a column of its own, then the figures. */
    private static void row(java.io.PrintWriter out, String key, Object... figures) {
        out.println(String.format("%-18s %s", Messages.get("cli.estimate.label." + key), Messages.get("cli.estimate.value." + key, figures)));
    }

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Plan plan;
        try {
            plan = PlanJson.read(planFile);
        } catch (PlanFileException e) {
            e.problems().forEach(err::println);
            return StreamFrontCommand.INVALID;
        }
        Double hoursValue = CostEstimate.parseNumber(hours);
        Double mbits = bitrate == null ? null : CostEstimate.parseNumber(bitrate);
        List<String> problems = new java.util.ArrayList<>();
        PlanRules.validate(plan).forEach(p -> problems.add(p.toString()));
        CostEstimate.viewersProblem(viewers).ifPresent(p -> problems.add("--viewers: " + p));
        CostEstimate.hoursProblem(hoursValue).ifPresent(p -> problems.add("--hours: " + p));
        CostEstimate.eventsProblem(events).ifPresent(p -> problems.add("--events: " + p));
        if (bitrate != null) {
            CostEstimate.bitrateProblem(mbits).ifPresent(p -> problems.add("--bitrate: " + p));
        }
        if (!problems.isEmpty()) {
            problems.forEach(p -> err.println("error: " + p));
            return StreamFrontCommand.INVALID;
        }

        long bps;
        int segmentSeconds = 0;
        String bitrateSource;
        if (mbits != null) {
            bps = Math.round(mbits * 1_000_000);
            bitrateSource = Messages.get("cli.estimate.typed");
        } else {
            OriginCheck.Report report = OriginCheck.standard().run(plan.origin(), plan.stream().id());
            segmentSeconds = OriginCheck.segmentSeconds(report.renditions());
            List<OriginCheck.Rendition> measured = report.renditions().stream().filter(r -> r.measuredBps() > 0).toList();
            Optional<OriginCheck.Rendition> chosen = renditionName == null ? OriginCheck.highest(measured)
                    : measured.stream().filter(r -> r.name().equalsIgnoreCase(renditionName)).findFirst();
            if (chosen.isEmpty()) {
                err.println("error: " + (measured.isEmpty() ? Messages.get("cli.estimate.notMeasured", plan.stream().id())
                        : Messages.get("cli.estimate.noSuchRendition", renditionName,
                        String.join(", ", measured.stream().map(OriginCheck.Rendition::name).toList()))));
                return StreamFrontCommand.FAILED;
            }
            bps = chosen.get().measuredBps();
            bitrateSource = Messages.get("cli.estimate.measured", chosen.get().name());
        }

        var stream = CostEstimate.stream(plan, bps, segmentSeconds);
        var result = CostEstimate.of(stream, new CostEstimate.Audience(viewers, hoursValue, events, region));
        row(out, "bitrate", Numbers.decimals(bps / 1e6, 2), bitrateSource);
        row(out, "viewerHours", Numbers.whole(result.viewerHours()));
        row(out, "delivered", Numbers.whole(result.gigabytes()));
        row(out, "dataTransfer", Numbers.dollars(result.dataTransfer()), result.billedIn().shortName());
        row(out, "requests", Numbers.dollars(result.requestCost()), Numbers.decimals(result.requests() / 1e6, 1));
        if (stream.originShield()) {
            row(out, "shield", Numbers.dollars(result.shieldCost()), Numbers.whole(result.shieldRequests()));
        }
        row(out, "total", Numbers.dollars(result.total()), Numbers.dollars(result.perViewerHour()));
        List<CostEstimate.Result> all = CostEstimate.byRegion(stream, new CostEstimate.Audience(viewers, hoursValue, events, region));
        List<String> byRegion = new java.util.ArrayList<>();
        for (int i = 0; i < all.size(); i++) {
            byRegion.add(Prices.Region.values()[i].shortName() + " " + Numbers.dollars(all.get(i).total()));
        }
        out.println(Messages.get("cli.estimate.byRegion", String.join(", ", byRegion)));
        out.println(Messages.get("cli.estimate.note", Prices.AS_OF.toString(), Prices.SOURCE, Prices.BILL));
        out.flush();
        return StreamFrontCommand.OK;
    }
}
