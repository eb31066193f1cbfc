package org.streamfront.cli;


import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;

/** Runs a command in-process as the launcher would and keeps what it printed. */
public final class CliTest {
    public final int exit;
    public final String out;
    public final String err;

    private CliTest(int exit, String out, String err) {
        this.exit = exit;
        this.out = out;
        this.err = err;
    }

    public static CliTest run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = StreamFrontCommand.run(new PrintWriter(out, true), new PrintWriter(err, true), args);
        return new CliTest(exit, out.toString(), err.toString());
    }

    public static Path write(Path dir, String name, String json) throws Exception {
        Path file = dir.resolve(name);
        Files.writeString(file, json);
        return file;
    }

}
