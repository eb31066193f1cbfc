package org.streamfront.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.streamfront.origin.Check;
import org.streamfront.origin.OriginCheck;
import org.streamfront.plan.Plan;
import org.streamfront.plan.PlanFileException;
import org.streamfront.plan.PlanJson;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** The Origin step's server check for scripts: the same code, one line per check, the worst colour as the exit code. */
@Command(name = "preflight", description = "Checks the plan's Ant Media Server before anything is created: one line per check;"
        + " exit 0 all green, 1 any red, 3 amber and no red.")
final class PreflightCommand implements Callable<Integer> {
    static final int AMBER = 3;

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "PLAN", description = "The plan file (JSON); its stream id, when set, is checked too.")
    Path planFile;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        Plan plan;
        try {
            plan = PlanJson.readValid(planFile);
        } catch (PlanFileException e) {
            e.problems().forEach(spec.commandLine().getErr()::println);
            return StreamFrontCommand.INVALID;
        }
        OriginCheck.Report report = OriginCheck.standard().run(plan.origin(), plan.stream().id());
        for (Check c : report.checks()) {
            out.println(c.mark().name().toLowerCase(Locale.ROOT) + " " + c.id() + ": " + c.summary());
            out.println("      " + c.detail());
        }
        out.flush();
        if (report.blocked()) {
            return StreamFrontCommand.FAILED;
        }
        return report.warnings().isEmpty() ? StreamFrontCommand.OK : AMBER;
    }
}
