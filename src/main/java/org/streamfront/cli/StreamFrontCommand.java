package org.streamfront.cli;

import java.io.PrintWriter;
import org.streamfront.Messages;
import org.streamfront.ui.StreamFrontApp;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.streamfront.AppLog;
import picocli.CommandLine.HelpCommand;
import picocli.CommandLine.ScopeType;

/** The command line: the same services as the wizard, for scripts and engineers. */
@Command(name = "streamfront",
        // Inherited: every command and sub-command answers --help/-h and --version.
        scope = ScopeType.INHERIT,
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        // The help texts in the user's language (cli/help_*.properties); English is the annotations' own.
        resourceBundle = "org.streamfront.cli.help",
        description = "Puts an Ant Media Server live stream behind Amazon CloudFront. Run without a command to open the wizard.",
        subcommands = {ValidateCommand.class, ExportCommand.class, ApplyCommand.class, StatusCommand.class, CheckCommand.class,
                ListCommand.class, TeardownCommand.class, ImportCommand.class, PracticeCommand.class, EstimateCommand.class, DomainCommand.class,
                PreflightCommand.class, TokenCommand.class, VersionCommand.class, HelpCommand.class})
public final class StreamFrontCommand implements Runnable {
    private static final Logger LOG = Logger.getLogger(StreamFrontCommand.class.getName());
    public static final int OK = 0;
    public static final int FAILED = 1;
    public static final int INVALID = 2;
    /** apply --dry-run: the distribution differs from the plan (or does not exist yet). */
    public static final int CHANGES_NEEDED = 3;

    @CommandLine.Option(names = "--practice", description = "Open the wizard in practice mode (local simulators, no AWS account).")
    boolean practice;

    @Override
    public void run() {
        StreamFrontApp.open(practice);
    }

    public static int run(String... args) {
        return run(new PrintWriter(System.out, true), new PrintWriter(System.err, true), args);
    }

    /** The whole command line model: for running, and for the completion script and man pages made from it. */
    public static CommandLine commandLine() {
        return new CommandLine(new StreamFrontCommand());
    }

    public static int run(PrintWriter out, PrintWriter err, String... args) {
        CommandLine cli = commandLine();
        cli.setOut(out);
        cli.setErr(err);
        // Bad arguments: one plain line and where to read more, no usage wall, no stack trace.
        cli.setParameterExceptionHandler((problem, given) -> {
            err.println("error: " + problem.getMessage());
            err.println("  see: " + problem.getCommandLine().getCommandSpec().qualifiedName() + " --help");
            return INVALID;
        });
        cli.setExecutionExceptionHandler((failure, where, parsed) -> {
            err.println("error: " + Messages.get("error.unexpected") + " " + failure.getClass().getSimpleName()
                    + (failure.getMessage() == null ? "" : ": " + failure.getMessage()));
            LOG.log(Level.SEVERE, "unexpected failure of " + where.getCommandSpec().qualifiedName(), failure);
            if (AppLog.folder() != null) {
                err.println("  log: " + AppLog.folder());
            }
            return FAILED;
        });
        return cli.execute(args);
    }
}
