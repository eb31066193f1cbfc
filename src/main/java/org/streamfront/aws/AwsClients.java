package org.streamfront.aws;

import java.net.URI;
import java.time.Duration;
import software.amazon.awssdk.auth.credentials.AnonymousCredentialsProvider;
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
import software.amazon.awssdk.services.sso.SsoClient;
import software.amazon.awssdk.services.ssooidc.SsoOidcClient;
import software.amazon.awssdk.services.sts.StsClient;

/**
 * Builds the real AWS SDK clients. The endpoint is overridden only for practice mode and tests
 * (the simulators); otherwise the SDK's own chain applies, including AWS_ENDPOINT_URL_CLOUDFRONT.
 */
public final class AwsClients {
    /** One request and its whole answer; CloudFront's slowest calls (create, update) answer in a few seconds. */
    static final Duration ATTEMPT_DEADLINE = Duration.ofSeconds(40);
    /** A call with the SDK's own retries (STS, ACM, Route 53, sign-in). */
    static final Duration CALL_DEADLINE = Duration.ofSeconds(90);

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

    /** IAM Identity Center's device sign-in: no credentials yet, so anonymous. */
    public static SsoOidcClient ssoOidc(Region region, URI endpointOrNull) {
        return build(SsoOidcClient.builder(), region, AnonymousCredentialsProvider.create(), endpointOrNull, true);
    }

    /** IAM Identity Center's portal, which turns a sign-in token into role credentials. */
    public static SsoClient sso(Region region, URI endpointOrNull) {
        return build(SsoClient.builder(), region, AnonymousCredentialsProvider.create(), endpointOrNull, true);
    }

    /**
     * Every client the same way: one HTTP client, the region, the endpoint only when overridden, and
     * deadlines. The HTTP client's socket timeout ends a read that waits for a byte; an answer that
     * trickles a byte at a time needs the attempt's deadline, and a call with retries the call's.
     */
    private static <B extends AwsClientBuilder<B, C> & AwsSyncClientBuilder<B, C>, C> C build(B builder, Region region,
            AwsCredentialsProvider credentials, URI endpointOrNull, boolean sdkRetries) {
        builder.region(region).credentialsProvider(credentials).httpClientBuilder(http());
        builder.overrideConfiguration(c -> {
            c.apiCallAttemptTimeout(ATTEMPT_DEADLINE).apiCallTimeout(CALL_DEADLINE);
            if (!sdkRetries) {
                c.retryStrategy(AwsRetryStrategy.doNotRetry());
            }
        });
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
