package org.streamfront.sim;

import java.time.Duration;
import org.streamfront.plan.Plan;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;

/**
 * Everything practice mode runs on this computer: the CloudFront API (with STS), an edge, and an
 * AMS-like origin already publishing {@value #STREAM} to {@value #APPLICATION}.
 */
public final class PracticeWorld implements AutoCloseable {
    public static final String APPLICATION = "WebRTCAppEE";
    public static final String STREAM = "stream1";
    /** Practice mode's deployment: long enough to see each stage, short enough to wait for. */
    public static final Duration DEPLOY_DELAY = Duration.ofSeconds(20);
    /** When practice mode's edge starts serving: CloudFront's edges serve well before Deployed. */
    public static final Duration EDGE_DELAY = Duration.ofSeconds(4);
    /** Keys the simulators accept; they open nothing on AWS. */
    public static final AwsCredentialsProvider CREDENTIALS =
            StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIAPRACTICE00000000", "practice-secret-not-real"));

    public final CloudFrontSimulator api;
    public final EdgeSimulator edge;
    public final OriginSimulator origin;
    /** Players the user can add to watch a practice distribution, so the audience view has an audience. */
    public final SimulatedViewers viewers;
    private volatile Thread everyDistribution;

    private PracticeWorld(Duration deployDelay, Duration edgeDelay) {
        api = CloudFrontSimulator.start();
        api.deployDelay(deployDelay);
        api.edgeDelay(edgeDelay);
        origin = OriginSimulator.start();
        origin.startStream(APPLICATION, STREAM);
        edge = EdgeSimulator.start(api);
        viewers = new SimulatedViewers(edge, "/streams/" + STREAM + ".m3u8");
    }

    /** Keeps {@code count} simulated viewers on every distribution, new ones included, until the world closes. */
    public void audienceOnEveryDistribution(int count) {
        everyDistribution = Thread.ofVirtual().start(() -> {
            while (!Thread.currentThread().isInterrupted()) {
                api.domains().forEach(domain -> viewers.watch(domain, count));
                try {
                    Thread.sleep(Duration.ofSeconds(2));
                } catch (InterruptedException e) {
                    return;
                }
            }
        });
    }

    /** Deployment takes {@code deployDelay}: long enough to watch, short enough to wait for; the edge serves at once. */
    public static PracticeWorld start(Duration deployDelay) {
        return new PracticeWorld(deployDelay, Duration.ZERO);
    }

    /** The edge serves a new distribution or a change after {@code edgeDelay}, well before Deployed, as CloudFront's does. */
    public static PracticeWorld start(Duration deployDelay, Duration edgeDelay) {
        return new PracticeWorld(deployDelay, edgeDelay);
    }

    /** A plan that works against this world: the origin is this computer, by name, as CloudFront requires. */
    public Plan examplePlan() {
        return examplePlan(origin.port());
    }

    /** The same plan from another process, which knows the origin by its port (the {@code practice} command prints it). */
    public static Plan examplePlan(int originPort) {
        return Plan.empty()
                .withName("Practice stream")
                .withOrigin(new Plan.Origin("localhost", APPLICATION, Plan.Origin.HTTP_ONLY, originPort, 5443))
                .withStream(new Plan.Stream(STREAM));
    }

    @Override
    public void close() {
        if (everyDistribution != null) {
            everyDistribution.interrupt();
        }
        viewers.close();
        edge.close();
        origin.close();
        api.close();
    }
}
