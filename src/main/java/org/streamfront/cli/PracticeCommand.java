package org.streamfront.cli;

import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.streamfront.Messages;
import org.streamfront.address.PublicDns;
import org.streamfront.playback.PracticeEdge;
import org.streamfront.sim.PracticeWorld;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "practice", description = "Starts the local simulators (CloudFront API, edge, AMS-like origin) and prints their endpoints.")
final class PracticeCommand implements Callable<Integer> {
    /** Each simulated viewer is a thread downloading the stream on this computer. */
    static final int MAX_VIEWERS = 500;

    @Spec
    CommandSpec spec;

    @Option(names = "--deploy-seconds", defaultValue = "20", description = "How long a distribution stays InProgress (default ${DEFAULT-VALUE}).")
    int deploySeconds;

    @Option(names = "--edge-seconds", defaultValue = "4",
            description = "How long until the edge serves a new distribution or a change, never later than Deployed (default ${DEFAULT-VALUE}).")
    int edgeSeconds;

    @Option(names = "--viewers", paramLabel = "N", defaultValue = "0",
            description = "Simulated players watching every practice distribution, so its audience charts move (default ${DEFAULT-VALUE}).")
    int viewers;

    @Override
    public Integer call() throws InterruptedException {
        if (viewers < 0 || viewers > MAX_VIEWERS) {
            spec.commandLine().getErr().println("error: " + Messages.get("cli.practice.viewers", MAX_VIEWERS, viewers));
            return StreamFrontCommand.INVALID;
        }
        if (deploySeconds < 0 || edgeSeconds < 0) {
            spec.commandLine().getErr().println("error: " + Messages.get("cli.practice.negative"));
            return StreamFrontCommand.INVALID;
        }
        PracticeWorld world = PracticeWorld.start(Duration.ofSeconds(deploySeconds), Duration.ofSeconds(edgeSeconds));
        if (viewers > 0) {
            world.audienceOnEveryDistribution(viewers);
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            world.close();
            stopped.countDown();
        }));
        var out = spec.commandLine().getOut();
        out.println("cloudfront-api " + world.api.uri());
        out.println("edge " + world.edge.uri());
        out.println("origin " + world.origin.uri());
        out.flush();
        spec.commandLine().getErr().println(Messages.get(viewers > 0 ? "cli.practice.streamingTo" : "cli.practice.streaming",
                PracticeWorld.APPLICATION + "/" + PracticeWorld.STREAM, viewers));
        spec.commandLine().getErr().println(Messages.get("cli.practice.realMode", "AWS_ENDPOINT_URL=" + world.api.uri()
                + " " + PracticeEdge.VARIABLE + "=" + world.edge.uri() + " " + PublicDns.ENDPOINT_VARIABLE + "="
                + world.api.uri().resolve("/dns/resolve")));
        stopped.await();
        return StreamFrontCommand.OK;
    }
}
