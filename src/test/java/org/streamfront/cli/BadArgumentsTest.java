package org.streamfront.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every command refuses bad arguments with a plain line and exit 2, never a stack trace. */
class BadArgumentsTest {
    @TempDir
    static Path dir;

    static Stream<Arguments> badArguments() throws Exception {
        String missing = dir.resolve("no-such-plan.json").toString();
        String plan = CliTest.write(dir, "plan.json", "{\"origin\": {\"domain\": \"ams.example.com\"}, \"stream\": {\"id\": \"stream1\"}}")
                .toString();
        return Stream.of(
                Arguments.of(new String[] {"check", "not-a-url"}, "http://"),
                Arguments.of(new String[] {"check", "ftp://example.com/x.m3u8"}, "http://"),
                Arguments.of(new String[] {"check", "http:///x.m3u8"}, "no server name"),
                Arguments.of(new String[] {"check", "http://example.com/x.m3u8", "--play", "-3"}, "--play"),
                Arguments.of(new String[] {"check", "http://example.com/x.m3u8", "--play", "soon"}, "--play"),
                Arguments.of(new String[] {"validate", missing}, "cannot read"),
                Arguments.of(new String[] {"export", missing}, "cannot read"),
                Arguments.of(new String[] {"export", missing, "--format", "terraform"}, "aws-cli or cloudformation"),
                Arguments.of(new String[] {"apply", missing}, "cannot read"),
                Arguments.of(new String[] {"apply", missing, "--timeout", "soon"}, "30m"),
                Arguments.of(new String[] {"teardown", "E123", "--timeout", "ten minutes"}, "30m"),
                Arguments.of(new String[] {"teardown"}, "ID"),
                Arguments.of(new String[] {"status"}, "ID"),
                Arguments.of(new String[] {"import"}, "ID"),
                Arguments.of(new String[] {"apply", missing, "--dry-run", "--bogus"}, "--bogus"),
                Arguments.of(new String[] {"practice", "--deploy-seconds", "x"}, "deploy-seconds"),
                Arguments.of(new String[] {"practice", "--viewers", "9999"}, "--viewers"),
                Arguments.of(new String[] {"estimate", missing, "--viewers", "10", "--hours", "2"}, "cannot read"),
                Arguments.of(new String[] {"estimate", plan, "--hours", "2"}, "--viewers"),
                Arguments.of(new String[] {"estimate", plan, "--viewers", "0", "--hours", "2"}, "--viewers"),
                Arguments.of(new String[] {"estimate", plan, "--viewers", "10", "--hours", "two"}, "--hours"),
                Arguments.of(new String[] {"estimate", plan, "--viewers", "10", "--hours", "2", "--events", "40"}, "--events"),
                Arguments.of(new String[] {"estimate", plan, "--viewers", "10", "--hours", "2", "--bitrate", "fast"}, "--bitrate"),
                Arguments.of(new String[] {"estimate", plan, "--viewers", "10", "--hours", "2", "--region", "MARS"}, "--region"),
                Arguments.of(new String[] {"no-such-command"}, "no-such-command"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badArguments")
    void refusedWithOnePlainLineAndExit2(String[] args, String mentions) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = StreamFrontCommand.run(new PrintWriter(out), new PrintWriter(err), args);
        String said = out.toString() + err.toString(); // validate lists its problems on stdout, the rest on stderr
        assertThat(exit).as(said).isEqualTo(2);
        assertThat(said).contains(mentions)
                .doesNotContain("Exception").doesNotContain("\tat ").doesNotContain("at org.");
        assertThat(said.lines().count()).as(said).isLessThanOrEqualTo(3);
    }
}
