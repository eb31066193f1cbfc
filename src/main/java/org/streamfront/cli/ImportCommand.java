package org.streamfront.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.streamfront.Messages;
import org.streamfront.services.DeployServices;
import org.streamfront.plan.PlanImport;
import org.streamfront.plan.PlanJson;
import org.streamfront.store.AtomicFiles;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "import", description = "Reads any distribution into a plan (stdout, or --output FILE); advice on stderr.")
final class ImportCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    AwsOptions aws;

    @Parameters(paramLabel = "ID", description = "The distribution id (E...), e.g. one made by hand with the tutorial.")
    String id;

    @Option(names = "--output", paramLabel = "FILE", description = "Write the plan here instead of to standard output.")
    Path output;

    @Override
    public Integer call() {
        var err = spec.commandLine().getErr();
        try (DeployServices services = aws.services()) {
            PlanImport.Imported imported = services.distributions().importDistribution(id, err::println);
            imported.advice().forEach(a -> err.println("advice: " + a));
            String json = PlanJson.write(imported.plan());
            if (output != null) {
                AtomicFiles.write(output, json);
            } else {
                spec.commandLine().getOut().print(json);
                spec.commandLine().getOut().flush();
            }
            err.println(Messages.get("cli.import.recorded", imported.plan().planId(), id));
            return StreamFrontCommand.OK;
        } catch (Exception e) {
            return Failures.report(err, e);
        }
    }
}
