package org.streamfront.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import picocli.CommandLine;

/** Every command and sub-command answers --help and -h with its usage on stdout and exit 0, and errors point at help that works. */
class HelpTest {
    /** Every command's words as typed, from the command line's own model, so a new command is covered by itself. */
    static Stream<List<String>> commands() {
        List<List<String>> all = new ArrayList<>();
        collect(StreamFrontCommand.commandLine(), List.of(), all);
        return all.stream();
    }

    private static void collect(CommandLine command, List<String> words, List<List<String>> into) {
        command.getSubcommands().forEach((name, sub) -> {
            if (sub.getCommandName().equals(name)) { // aliases once
                List<String> these = new ArrayList<>(words);
                these.add(name);
                into.add(these);
                collect(sub, these, into);
            }
        });
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("commands")
    void helpAndHAnswerWithTheUsageAndExit0(List<String> words) {
        for (String flag : List.of("--help", "-h")) {
            List<String> args = new ArrayList<>(words);
            args.add(flag);
            CliTest run = CliTest.run(args.toArray(String[]::new));
            assertThat(run.exit).as(String.join(" ", args) + ": " + run.err).isZero();
            assertThat(run.out).contains("Usage: streamfront " + String.join(" ", words) + " [");
            assertThat(run.err).isEmpty();
        }
    }

    @ParameterizedTest(name = "help {0}")
    @MethodSource("commands")
    void helpCommandShowsTheSameUsage(List<String> words) {
        List<String> args = new ArrayList<>(List.of("help"));
        args.addAll(words.subList(0, 1)); // picocli's help command takes the top-level command
        CliTest run = CliTest.run(args.toArray(String[]::new));
        assertThat(run.exit).isZero();
        assertThat(run.out).contains("Usage: streamfront " + words.getFirst() + " [");
    }

    @org.junit.jupiter.api.Test
    void aMissingArgumentOfASubCommandPointsAtItsOwnHelp() {
        CliTest run = CliTest.run("domain", "add");
        assertThat(run.exit).isEqualTo(2);
        assertThat(run.err).contains("Missing required parameters: 'ID', 'HOST'").contains("see: streamfront domain add --help");
        assertThat(CliTest.run("domain", "add", "--help").exit).isZero();
    }
}
