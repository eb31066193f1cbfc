package org.streamfront.cli;

import java.util.concurrent.Callable;
import org.streamfront.Messages;
import org.streamfront.update.BuildInfo;
import org.streamfront.update.ReleaseFeed;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "version", description = "Prints StreamFront's version; --check asks the release feed whether a newer one exists.")
final class VersionCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--check", description = "Ask the release feed (and nothing else) whether a newer version exists.")
    boolean check;

    @Override
    public Integer call() throws InterruptedException {
        String current = BuildInfo.version();
        var out = spec.commandLine().getOut();
        if (!check) {
            out.println("StreamFront " + current);
            return StreamFrontCommand.OK;
        }
        var feed = BuildInfo.feed();
        if (feed.isEmpty()) {
            spec.commandLine().getErr().println(Messages.get("update.noFeed", BuildInfo.FEED_VARIABLE));
            return StreamFrontCommand.FAILED;
        }
        ReleaseFeed.Answer answer = ReleaseFeed.check(feed.get(), current);
        return switch (answer) {
            case ReleaseFeed.Newer n -> {
                out.println(Messages.get("update.cli.newer", current, n.version(), n.page()));
                yield StreamFrontCommand.OK;
            }
            case ReleaseFeed.UpToDate u -> {
                out.println(Messages.get("update.cli.upToDate", current));
                yield StreamFrontCommand.OK;
            }
            case ReleaseFeed.Unknown u -> {
                spec.commandLine().getErr().println(u.why());
                yield StreamFrontCommand.FAILED;
            }
        };
    }
}
