package org.streamfront.testing;

import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.streamfront.aws.AwsClients;
import org.streamfront.sim.CloudFrontSimulator;
import org.streamfront.sim.PracticeWorld;
import software.amazon.awssdk.services.cloudfront.CloudFrontClient;

/**
 * A test's practice CloudFront and the real SDK client pointed at it, made with the test instance
 * and closed after each test whatever happened:
 * {@code @RegisterExtension final SimulatorExtension cloudFront = new SimulatorExtension();}
 */
public final class SimulatorExtension implements AfterEachCallback {
    public final CloudFrontSimulator sim = CloudFrontSimulator.start();
    public final CloudFrontClient client = AwsClients.cloudFront(PracticeWorld.CREDENTIALS, sim.uri());

    @Override
    public void afterEach(ExtensionContext context) {
        client.close();
        sim.close();
    }
}
