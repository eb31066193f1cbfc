package org.streamfront.aws;

import java.net.URI;
import java.time.Duration;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cloudfront.CloudFrontClient;
import software.amazon.awssdk.services.cloudfront.CloudFrontClientBuilder;
import software.amazon.awssdk.services.cloudwatch.CloudWatchClient;
import software.amazon.awssdk.services.cloudwatch.CloudWatchClientBuilder;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.services.sts.StsClientBuilder;

/**
 * Builds the real AWS SDK clients. The endpoint is overridden only for practice mode and tests
 * (the simulators); otherwise the SDK's own chain applies, including AWS_ENDPOINT_URL_CLOUDFRONT.
 */
public final class AwsClients {
    private AwsClients() {
    }

    public static CloudFrontClient cloudFront(AwsCredentialsProvider credentials, URI endpointOrNull) {
        CloudFrontClientBuilder builder = CloudFrontClient.builder()
                .region(Region.AWS_GLOBAL)
                .credentialsProvider(credentials)
                .httpClientBuilder(http())
                // StreamFront retries itself, visibly, and looks for an applied create before retrying it.
                .overrideConfiguration(c -> c.retryStrategy(AwsRetryStrategy.doNotRetry()));
        if (endpointOrNull != null) {
            builder.endpointOverride(endpointOrNull);
        }
        return builder.build();
    }

    public static StsClient sts(AwsCredentialsProvider credentials, URI endpointOrNull) {
        StsClientBuilder builder = StsClient.builder()
                .region(Region.US_EAST_1)
                .credentialsProvider(credentials)
                .httpClientBuilder(http());
        if (endpointOrNull != null) {
            builder.endpointOverride(endpointOrNull);
        }
        return builder.build();
    }

    /** CloudWatch in us-east-1, where CloudFront publishes its metrics. */
    public static CloudWatchClient cloudWatch(AwsCredentialsProvider credentials, URI endpointOrNull) {
        CloudWatchClientBuilder builder = CloudWatchClient.builder()
                .region(Region.US_EAST_1)
                .credentialsProvider(credentials)
                .httpClientBuilder(http())
                .overrideConfiguration(c -> c.retryStrategy(AwsRetryStrategy.doNotRetry()));
        if (endpointOrNull != null) {
            builder.endpointOverride(endpointOrNull);
        }
        return builder.build();
    }

    private static UrlConnectionHttpClient.Builder http() {
        return UrlConnectionHttpClient.builder()
                .connectionTimeout(Duration.ofSeconds(10))
                .socketTimeout(Duration.ofSeconds(30));
    }
}
