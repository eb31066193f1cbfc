package org.streamfront.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.streamfront.Messages;
import org.streamfront.plan.PlanFileException;
import org.streamfront.plan.PlanJson;
import org.streamfront.plan.PlanRules;
import org.streamfront.plan.Problem;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "validate", description = "Checks a plan file: one line per problem, exit 2 when invalid.")
final class ValidateCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "PLAN", description = "The plan file (JSON).")
    Path plan;

    @Override
    public Integer call() {
        List<Problem> problems;
        try {
            problems = PlanRules.validate(PlanJson.read(plan));
        } catch (PlanFileException e) {
            problems = e.problems();
        }
        problems.forEach(p -> spec.commandLine().getOut().println(p));
        if (problems.isEmpty()) {
            spec.commandLine().getOut().println(Messages.get("cli.validate.valid", plan));
        }
        return problems.isEmpty() ? StreamFrontCommand.OK : StreamFrontCommand.INVALID;
    }
}
