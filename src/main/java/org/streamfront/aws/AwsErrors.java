package org.streamfront.aws;

import java.util.Locale;
import java.io.IOException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.util.concurrent.TimeoutException;
import java.util.regex.Pattern;
import org.streamfront.Messages;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkClientException;

/** Turns what AWS and the network throw into words a non-engineer can act on, with the detail kept for one click. */
public final class AwsErrors {
    /** The minimal IAM policy StreamFront needs, to copy into the AWS console. */
    public static final String MINIMAL_POLICY = """
            {
              "Version": "2012-10-17",
              "Statement": [
                {
                  "Sid": "StreamFrontDistributions",
                  "Effect": "Allow",
                  "Action": [
                    "cloudfront:CreateDistribution",
                    "cloudfront:CreateDistributionWithTags",
                    "cloudfront:TagResource",
                    "cloudfront:GetDistribution",
                    "cloudfront:GetDistributionConfig",
                    "cloudfront:ListDistributions",
                    "cloudfront:UpdateDistribution",
                    "cloudfront:DeleteDistribution",
                    "cloudfront:CreateCachePolicy",
                    "cloudfront:GetCachePolicy",
                    "cloudfront:ListCachePolicies",
                    "cloudfront:DeleteCachePolicy",
                    "cloudfront:ListDistributionsByCachePolicyId",
                    "cloudfront:CreateMonitoringSubscription"
                  ],
                  "Resource": "*"
                },
                {
                  "Sid": "StreamFrontAudience",
                  "Effect": "Allow",
                  "Action": ["cloudwatch:GetMetricData"],
                  "Resource": "*"
                },
                {
                  "Sid": "StreamFrontOwnAddress",
                  "Effect": "Allow",
                  "Action": [
                    "acm:RequestCertificate",
                    "acm:DescribeCertificate",
                    "acm:ListCertificates",
                    "acm:DeleteCertificate",
                    "route53:ListHostedZonesByName",
                    "route53:ChangeResourceRecordSets",
                    "route53:ListResourceRecordSets",
                    "route53:GetChange"
                  ],
                  "Resource": "*"
                },
                {
                  "Sid": "StreamFrontViewerTokens",
                  "Effect": "Allow",
                  "Action": [
                    "cloudfront:CreateKeyValueStore",
                    "cloudfront:DescribeKeyValueStore",
                    "cloudfront:DeleteKeyValueStore",
                    "cloudfront:CreateFunction",
                    "cloudfront:DescribeFunction",
                    "cloudfront:GetFunction",
                    "cloudfront:UpdateFunction",
                    "cloudfront:TestFunction",
                    "cloudfront:PublishFunction",
                    "cloudfront:DeleteFunction",
                    "cloudfront-keyvaluestore:DescribeKeyValueStore",
                    "cloudfront-keyvaluestore:GetKey",
                    "cloudfront-keyvaluestore:UpdateKeys"
                  ],
                  "Resource": "*"
                }
              ]
            }
            """;

    /** A failure, explained: what happened, what to do, and the technical detail. {@code field} names the plan field at fault, if any. */
    public record Explained(String summary, String advice, String detail, String field) {
        /** A missing permission: the minimal policy is what to offer. */
        public boolean aboutPermissions() {
            return summary.equals(Messages.get("error.accessDenied"));
        }

        /** The sign-in itself failed or expired: the way out is the Account step. */
        public boolean aboutSignIn() {
            return summary.equals(Messages.get("error.expired")) || summary.equals(Messages.get("error.badKeys"))
                    || summary.equals(Messages.get("error.noCredentials"));
        }
    }

    private AwsErrors() {
    }

    /** An AWS config or credentials file StreamFront cannot read; the message names the file. */
    public static final class ConfigProblem extends RuntimeException {
        public ConfigProblem(String message) {
            super(message);
        }
    }

    public static Explained explain(Throwable e) {
        if (e instanceof ConfigProblem problem) {
            return new Explained(problem.getMessage(), Messages.get("account.brokenProfiles.advice"), problem.getMessage(), null);
        }
        String detail = e.getClass().getSimpleName() + ": " + e.getMessage();
        if (e instanceof AwsServiceException aws && aws.awsErrorDetails() != null) {
            String code = aws.awsErrorDetails().errorCode();
            String message = String.valueOf(aws.awsErrorDetails().errorMessage());
            return switch (code == null ? "" : code) {
                case "AccessDenied", "AccessDeniedException" -> new Explained(Messages.get("error.accessDenied"),
                        Messages.get("error.accessDenied.advice", action(message)), detail, null);
                case "Throttling", "ThrottlingException", "RequestLimitExceeded" ->
                        new Explained(Messages.get("error.throttled"), Messages.get("error.throttled.advice"), detail, null);
                case "TooManyDistributions" -> new Explained(Messages.get("error.tooMany"),
                        Messages.get("error.tooMany.advice"), detail, null);
                case "InvalidArgument", "InvalidOrigin" -> invalidArgument(message, detail);
                case "InvalidClientTokenId", "SignatureDoesNotMatch", "UnrecognizedClientException" ->
                        new Explained(Messages.get("error.badKeys"), Messages.get("error.badKeys.advice"), detail, null);
                case "ExpiredToken", "ExpiredTokenException" ->
                        new Explained(Messages.get("error.expired"), Messages.get("error.expired.advice"), detail, null);
                case "NoSuchDistribution" -> new Explained(Messages.get("error.noSuchDistribution"),
                        Messages.get("error.noSuchDistribution.advice"), detail, null);
                case "PreconditionFailed" -> new Explained(Messages.get("error.changedMeanwhile"),
                        Messages.get("error.changedMeanwhile.advice"), detail, null);
                case "DistributionNotDisabled" -> new Explained(Messages.get("error.notDisabled"),
                        Messages.get("error.notDisabled.advice"), detail, null);
                default -> aws.statusCode() >= 500
                        ? new Explained(Messages.get("error.awsTrouble"), Messages.get("error.awsTrouble.advice"), detail, null)
                        : new Explained(Messages.get("error.refused", message), Messages.get("error.refused.advice"), detail, null);
            };
        }
        if (e instanceof SdkClientException) {
            if (Retry.hasCause(e, UnknownHostException.class) || Retry.hasCause(e, ConnectException.class)
                    || Retry.hasCause(e, SocketTimeoutException.class) || Retry.hasCause(e, IOException.class)) {
                return new Explained(Messages.get("error.network"), Messages.get("error.network.advice"), detail, null);
            }
            if (String.valueOf(e.getMessage()).contains("credentials")) {
                return new Explained(Messages.get("error.noCredentials"), Messages.get("error.noCredentials.advice"), detail, null);
            }
        }
        if (e instanceof TimeoutException) {
            return new Explained(Messages.get("error.timeout"), Messages.get("error.timeout.advice"), detail, null);
        }
        return new Explained(Messages.get("error.unexpected"), Messages.get("error.unexpected.advice"), detail, null);
    }

    private static Explained invalidArgument(String message, String detail) {
        String lower = message.toLowerCase(Locale.ROOT);
        String field = lower.contains("origin name") || lower.contains("ip address") || lower.contains("domain") ? "origin.domain"
                : lower.contains("origin path") ? "origin.application"
                : lower.contains("httpsport") ? "origin.httpsPort"
                : lower.contains("httpport") ? "origin.httpPort"
                : null;
        return new Explained(Messages.get("error.invalidArgument", message), Messages.get("error.invalidArgument.advice"), detail, field);
    }

    /** The IAM action named in an AccessDenied message, e.g. cloudfront:TagResource. */
    static String action(String message) {
        var m = Pattern.compile("(?:perform:?|allows the) ((?:cloudfront|cloudwatch):[A-Za-z]+)").matcher(message);
        String found = null;
        while (m.find()) {
            found = m.group(1);
        }
        return found == null ? "cloudfront:*" : found;
    }
}
