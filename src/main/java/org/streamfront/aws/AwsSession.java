package org.streamfront.aws;

import java.net.URI;
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

    @Override
    public String toString() {
        return label;
    }
}
