package org.streamfront.sim;

import org.streamfront.testing.Configs;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.streamfront.aws.AwsClients;
import org.streamfront.plan.DistributionConfigMapper;
import org.streamfront.plan.Plan;
import org.streamfront.plan.PlanIds;
import software.amazon.awssdk.services.cloudfront.CloudFrontClient;

/** A practice world plus the calls tests make against it: create through the SDK, GET through the edge. */
final class SimWorld implements AutoCloseable {
    final PracticeWorld world = PracticeWorld.start(Duration.ZERO);
    final CloudFrontClient cloudFront = AwsClients.cloudFront(PracticeWorld.CREDENTIALS, world.api.uri());
    final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    /** Creates the distribution for a plan and returns its domain. */
    String distribute(Plan plan) {
        Plan p = PlanIds.ensure(plan);
        return cloudFront.createDistribution(r -> r.distributionConfig(Configs.sendable(cloudFront, p)))
                .distribution().domainName();
    }

    HttpResponse<byte[]> viaEdge(String domain, String pathAndQuery, String... headers) throws Exception {
        var request = HttpRequest.newBuilder(URI.create(world.edge.uri() + pathAndQuery));
        request.setHeader("Host", domain);
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    HttpResponse<byte[]> get(URI uri, String... headers) throws Exception {
        var request = HttpRequest.newBuilder(uri);
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    static String xCache(HttpResponse<?> r) {
        return r.headers().firstValue("X-Cache").orElse("");
    }

    @Override
    public void close() {
        cloudFront.close();
        http.close();
        world.close();
    }
}
