package org.streamfront.aws;

import java.net.URI;
import java.time.Instant;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.streamfront.Messages;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.regions.Region;

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

    /**
     * Whether this sign-in may look for certificates and hosted zones, the own-address step's first
     * calls: empty when it may (or when something other than a permission is in the way), else which
     * permission is missing.
     */
    public Optional<String> addressProblem() {
        try (var acm = AwsClients.acm(credentials, endpointOrNull, Region.US_EAST_1); var zones = AwsClients.route53(credentials, endpointOrNull)) {
            acm.listCertificates(r -> r.maxItems(1));
            zones.listHostedZonesByName(r -> r.maxItems("1"));
            return Optional.empty();
        } catch (RuntimeException e) {
            if (!AwsErrors.explain(e).aboutPermissions()) {
                return Optional.empty();
            }
            Matcher action = DENIED_ACTION.matcher(String.valueOf(e.getMessage()));
            return Optional.of(Messages.get("account.addressDenied", action.find() ? action.group(1) : "acm / route53"));
        }
    }

    private static final Pattern DENIED_ACTION = Pattern.compile("perform: ([a-z0-9-]+:[A-Za-z]+)");

    @Override
    public String toString() {
        return label;
    }
}
