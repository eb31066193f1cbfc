package org.streamfront.deploy;

import java.net.URI;
import java.nio.file.Path;
import org.streamfront.aws.AwsClients;
import org.streamfront.aws.Retry;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.services.cloudfront.CloudFrontClient;
import software.amazon.awssdk.utils.Lazy;

/** The deploy services for one AWS sign-in; the SDK client is built on first use, off the FX thread. */
public final class DeployServices implements AutoCloseable {
    private final Lazy<CloudFrontClient> client;
    private final Distributions distributions;

    public DeployServices(AwsCredentialsProvider credentials, URI endpointOrNull, Path historyFile, DeployWatcher watcher) {
        this.client = new Lazy<>(() -> AwsClients.cloudFront(credentials, endpointOrNull));
        this.distributions = new Distributions(client::getValue, History.open(historyFile), Retry.standard(), watcher);
    }

    public Distributions distributions() {
        return distributions;
    }

    @Override
    public void close() {
        if (client.hasValue()) {
            client.getValue().close();
        }
    }
}
