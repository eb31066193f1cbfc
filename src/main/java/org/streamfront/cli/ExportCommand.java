package org.streamfront.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.streamfront.plan.ConfigExport;
import org.streamfront.plan.Plan;
import org.streamfront.plan.PlanFileException;
import org.streamfront.plan.PlanIds;
import org.streamfront.plan.PlanJson;
import org.streamfront.plan.PlanRules;
import org.streamfront.plan.Problem;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "export", description = "Prints the distribution config of a plan for the AWS CLI or CloudFormation.")
final class ExportCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "PLAN", description = "The plan file (JSON).")
    Path plan;

    @Option(names = "--format", defaultValue = "aws-cli", paramLabel = "aws-cli|cloudformation",
            converter = FormatConverter.class,
            description = "aws-cli: a shell script that makes the cache policies and the distribution with the AWS CLI; cloudformation: a template with both.")
    ConfigExport.Format format;

    @Override
    public Integer call() {
        Plan loaded;
        try {
            loaded = PlanJson.read(plan);
        } catch (PlanFileException e) {
            return report(e.problems());
        }
        List<Problem> problems = PlanRules.validate(loaded);
        if (!problems.isEmpty()) {
            return report(problems);
        }
        spec.commandLine().getOut().print(ConfigExport.export(PlanIds.ensure(loaded), format));
        spec.commandLine().getOut().flush();
        return StreamFrontCommand.OK;
    }

    private int report(List<Problem> problems) {
        problems.forEach(p -> spec.commandLine().getErr().println(p));
        return StreamFrontCommand.INVALID;
    }

    static final class FormatConverter implements picocli.CommandLine.ITypeConverter<ConfigExport.Format> {
        @Override
        public ConfigExport.Format convert(String value) {
            return switch (value) {
                case "aws-cli" -> ConfigExport.Format.AWS_CLI;
                case "cloudformation" -> ConfigExport.Format.CLOUDFORMATION;
                default -> throw new picocli.CommandLine.TypeConversionException("use aws-cli or cloudformation");
            };
        }
    }
}
