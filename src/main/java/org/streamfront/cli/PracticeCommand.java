package org.streamfront.cli;

import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.streamfront.sim.PracticeWorld;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "practice", description = "Starts the local simulators (CloudFront API, edge, AMS-like origin) and prints their endpoints.")
final class PracticeCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--deploy-seconds", defaultValue = "20", description = "How long a distribution stays InProgress (default ${DEFAULT-VALUE}).")
    int deploySeconds;

    @Override
    public Integer call() throws InterruptedException {
        PracticeWorld world = PracticeWorld.start(Duration.ofSeconds(deploySeconds));
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
        spec.commandLine().getErr().println("Streaming " + PracticeWorld.APPLICATION + "/" + PracticeWorld.STREAM
                + " from the origin. Credentials: any (e.g. AWS_ACCESS_KEY_ID=x AWS_SECRET_ACCESS_KEY=y). Ctrl+C stops.");
        stopped.await();
        return StreamFrontCommand.OK;
    }
}
