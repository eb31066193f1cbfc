package org.streamfront.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.IntFunction;
import org.junit.jupiter.api.Test;
import org.streamfront.access.TokenSecret;
import org.streamfront.access.ViewerToken;
import org.streamfront.deploy.DeployWatcher;
import org.streamfront.deploy.Progress;
import org.streamfront.plan.Plan;
import org.streamfront.plan.PlanIds;
import org.streamfront.services.DeployServices;
import org.streamfront.sim.EdgeSimulator;
import org.streamfront.sim.PracticeWorld;

/**
 * What protected viewers cost the AMS server, through the practice edge: 50 viewers reload the
 * playlist every second for 10 s. Three runs, each on its own distribution made the way StreamFront
 * makes it: an open stream; the tutorial's "forward all, cache on all" with each viewer's own
 * {@code ?token=} (today's way for AMS's own tokens); and viewer tokens checked at the edge, each
 * viewer with its own token in the path. Reports the requests that reached the server.
 */
class ViewerTokenCacheBenchmark {
    private static final int VIEWERS = 50;
    private static final Duration LENGTH = Duration.ofSeconds(10);

    private record Run(long viewerRequests, long refused, long originRequests) {
    }

    @Test
    void fiftyViewersEachWithTheirOwnToken() throws Exception {
        Path dir = Files.createTempDirectory("sf-bench-tokens");
        try (PracticeWorld world = PracticeWorld.start(Duration.ZERO);
             DeployServices services = new DeployServices(PracticeWorld.CREDENTIALS, world.api.uri(), dir.resolve("history.json"),
                     DeployWatcher.standard(), world.edge::addressOf);
             HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build()) {
            Path secretFile = dir.resolve("viewers.secret");
            TokenSecret.ensure(secretFile);
            services.useSecretFile(secretFile);
            String secret = TokenSecret.read(secretFile);
            Plan plan = world.examplePlan();
            String open = services.distributions().create(PlanIds.ensure(plan.withName("open")), Progress.SILENT).domain();
            String queryTokens = services.distributions().create(PlanIds.ensure(plan.withName("query tokens")), Progress.SILENT).domain();
            String edgeTokens = services.distributions().create(PlanIds.ensure(plan.withName("edge tokens"))
                    .withAccess(new Plan.Access(Plan.Access.TOKEN)), Progress.SILENT).domain();

            Run none = run(world, http, open, viewer -> "/streams/stream1.m3u8");
            Run query = run(world, http, queryTokens, viewer -> "/streams/stream1.m3u8?token="
                    + ViewerToken.make(secret, "stream1", Instant.now().plusSeconds(3600 + viewer)));
            Run edge = run(world, http, edgeTokens, viewer -> "/t/" + ViewerToken.make(secret, "stream1", Instant.now().plusSeconds(3600 + viewer))
                    + "/streams/stream1.m3u8");
            List<String[]> rows = new ArrayList<>();
            for (var r : List.of(new Object[] {"open stream, no token", none}, new Object[] {"own ?token= each, query strings cached (tutorial)", query},
                    new Object[] {"own token each, checked at the edge (StreamFront)", edge})) {
                Run run = (Run) r[1];
                rows.add(new String[] {(String) r[0], String.valueOf(run.viewerRequests()), String.valueOf(run.originRequests()),
                        String.format("%.0f %% (%.1f/s)", 100.0 * run.originRequests() / Math.max(1, run.viewerRequests()),
                                run.originRequests() / (double) LENGTH.toSeconds()), String.valueOf(run.refused())});
            }
            BenchTable.print(VIEWERS + " viewers reloading the playlist every second for " + LENGTH.toSeconds() + " s",
                    new String[] {"viewers", "playlist requests", "reached the AMS server", "share (per second)", "refused"}, rows);
        }
    }

    /** Each viewer asks for its own address ({@code path}; tokens differ by their expiry) once a second, arriving spread over the first second. */
    private static Run run(PracticeWorld world, HttpClient http, String domain, IntFunction<String> path) throws Exception {
        URI edge = world.edge.uri();
        AtomicLong asked = new AtomicLong();
        AtomicLong refused = new AtomicLong();
        long before = world.origin.requests("playlist");
        long end = System.nanoTime() + LENGTH.toNanos();
        List<Thread> viewers = new ArrayList<>();
        for (int i = 0; i < VIEWERS; i++) {
            String mine = path.apply(i);
            viewers.add(Thread.ofVirtual().start(() -> {
                try {
                    Thread.sleep(ThreadLocalRandom.current().nextLong(1000));
                    while (System.nanoTime() < end) {
                        long t0 = System.nanoTime();
                        HttpResponse<Void> r = http.send(HttpRequest.newBuilder(edge.resolve(mine)).header("Host", domain)
                                .header(EdgeSimulator.POP_HEADER, "POP1").timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.discarding());
                        asked.incrementAndGet();
                        if (r.statusCode() != 200) {
                            refused.incrementAndGet();
                        }
                        Thread.sleep(Math.max(0, 1000 - (System.nanoTime() - t0) / 1_000_000));
                    }
                } catch (Exception e) {
                    refused.incrementAndGet();
                }
            }));
        }
        for (Thread t : viewers) {
            t.join();
        }
        return new Run(asked.get(), refused.get(), world.origin.requests("playlist") - before);
    }
}
