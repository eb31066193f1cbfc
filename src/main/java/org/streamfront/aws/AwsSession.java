package org.streamfront.aws;

import java.net.URI;
import java.time.Instant;
import java.util.Optional;
import org.streamfront.Messages;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;

/**
 * One way into AWS: the credentials and, for practice mode only, the endpoint of the simulators.
 * {@code label} says in words which sign-in this is; it never holds a secret.
 */
public record AwsSession(String label, AwsCredentialsProvider credentials, URI endpointOrNull) {
    /** Checks the sign-in with STS and reads who it is. */
    public Identity whoAmI() {
        try (var sts = AwsClients.sts(credentials, endpointOrNull)) {
            var me = sts.getCallerIdentity();
            return new Identity(me.account(), me.arn());
        }
    }

    /** Whether this sign-in may list distributions: the cheapest call that proves CloudFront access. */
    public void checkCloudFrontAccess() {
        try (var cf = AwsClients.cloudFront(credentials, endpointOrNull)) {
            cf.listDistributions(r -> r.maxItems("1"));
        }
    }

    /**
     * Whether this sign-in may read CloudFront's metrics (the audience view's one call): empty when
     * it may, else what stands in the way in words. The sign-in itself does not depend on it.
     */
    public Optional<String> metricsProblem() {
        try (var cw = AwsClients.cloudWatch(credentials, endpointOrNull)) {
            Instant now = Instant.now();
            cw.getMetricData(r -> r.startTime(now.minusSeconds(300)).endTime(now).metricDataQueries(q -> q.id("probe")
                    .metricStat(m -> m.period(60).stat("Sum").metric(x -> x.namespace("AWS/CloudFront").metricName("Requests")))));
            return Optional.empty();
        } catch (RuntimeException e) {
            AwsErrors.Explained why = AwsErrors.explain(e);
            return Optional.of(why.aboutPermissions()
                    ? Messages.get("account.metricsDenied", "cloudwatch:GetMetricData")
                    : Messages.get("account.metricsUnknown", why.summary()));
        }
    }

    @Override
    public String toString() {
        return label;
    }
}
