package org.streamfront.aws;

import java.net.URI;
import java.time.Duration;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.awscore.client.builder.AwsSyncClientBuilder;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.acm.AcmClient;
import software.amazon.awssdk.services.cloudfront.CloudFrontClient;
import software.amazon.awssdk.services.cloudwatch.CloudWatchClient;
import software.amazon.awssdk.services.route53.Route53Client;
import software.amazon.awssdk.services.sts.StsClient;

/**
 * Builds the real AWS SDK clients. The endpoint is overridden only for practice mode and tests
 * (the simulators); otherwise the SDK's own chain applies, including AWS_ENDPOINT_URL_CLOUDFRONT.
 */
public final class AwsClients {
    private AwsClients() {
    }

    public static CloudFrontClient cloudFront(AwsCredentialsProvider credentials, URI endpointOrNull) {
        // StreamFront retries itself, visibly, and looks for an applied create before retrying it.
        return build(CloudFrontClient.builder(), Region.AWS_GLOBAL, credentials, endpointOrNull, false);
    }

    public static StsClient sts(AwsCredentialsProvider credentials, URI endpointOrNull) {
        return build(StsClient.builder(), Region.US_EAST_1, credentials, endpointOrNull, true);
    }

    /** CloudWatch in us-east-1, where CloudFront publishes its metrics; retried by StreamFront like CloudFront. */
    public static CloudWatchClient cloudWatch(AwsCredentialsProvider credentials, URI endpointOrNull) {
        return build(CloudWatchClient.builder(), Region.US_EAST_1, credentials, endpointOrNull, false);
    }

    /** ACM in {@code region}: us-east-1 for CloudFront's certificates, another only to find ones made in the wrong place. */
    public static AcmClient acm(AwsCredentialsProvider credentials, URI endpointOrNull, Region region) {
        return build(AcmClient.builder(), region, credentials, endpointOrNull, true);
    }

    public static Route53Client route53(AwsCredentialsProvider credentials, URI endpointOrNull) {
        return build(Route53Client.builder(), Region.AWS_GLOBAL, credentials, endpointOrNull, true);
    }

    /** Every client the same way: one HTTP client, the region, and the endpoint only when overridden. */
    private static <B extends AwsClientBuilder<B, C> & AwsSyncClientBuilder<B, C>, C> C build(B builder, Region region,
            AwsCredentialsProvider credentials, URI endpointOrNull, boolean sdkRetries) {
        builder.region(region).credentialsProvider(credentials).httpClientBuilder(http());
        if (!sdkRetries) {
            builder.overrideConfiguration(c -> c.retryStrategy(AwsRetryStrategy.doNotRetry()));
        }
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
