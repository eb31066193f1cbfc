package org.streamfront.aws;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.UnknownHostException;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.cloudfront.model.CloudFrontException;

/** AWS's answers turned into plain words, each with the way out the Deploy step offers. */
class AwsErrorsTest {
    private static CloudFrontException aws(int status, String code, String message) {
        return (CloudFrontException) CloudFrontException.builder().statusCode(status)
                .awsErrorDetails(AwsErrorDetails.builder().errorCode(code).errorMessage(message).build()).build();
    }

    @Test
    void accessDeniedNamesThePermissionAndOffersThePolicy() {
        var e = AwsErrors.explain(aws(403, "AccessDenied", "User: x is not authorized to perform: cloudfront:CreateDistribution on resource"));
        assertThat(e.advice()).contains("cloudfront:CreateDistribution");
        assertThat(e.aboutPermissions()).isTrue();
        assertThat(AwsErrors.MINIMAL_POLICY).contains("cloudfront:CreateDistributionWithTags").contains("cloudfront:DeleteDistribution")
                .contains("acm:RequestCertificate").contains("route53:ChangeResourceRecordSets");
    }

    @Test
    void refusedSettingsPointAtTheirField() {
        assertThat(AwsErrors.explain(aws(400, "InvalidArgument", "The parameter origin name cannot be an IP address.")).field())
                .isEqualTo("origin.domain");
        assertThat(AwsErrors.explain(aws(400, "InvalidArgument", "The parameter Origin Path must begin with a slash.")).field())
                .isEqualTo("origin.application");
        assertThat(AwsErrors.explain(aws(400, "InvalidArgument", "The parameter HTTPPort is invalid.")).field())
                .isEqualTo("origin.httpPort");
    }

    @Test
    void expiredSignInLeadsBackToTheAccountStep() {
        var e = AwsErrors.explain(aws(400, "ExpiredToken", "The security token included in the request is expired"));
        assertThat(e.aboutSignIn()).isTrue();
        assertThat(e.advice()).contains("Sign in again");
    }

    @Test
    void networkTroubleSaysSoWithoutJargon() {
        var e = AwsErrors.explain(SdkClientException.create("Unable to execute HTTP request", new UnknownHostException("cloudfront.amazonaws.com")));
        assertThat(e.summary()).isEqualTo("StreamFront cannot reach AWS.");
        assertThat(e.advice()).contains("internet connection");
        assertThat(AwsErrors.explain(aws(503, "ServiceUnavailable", "x")).summary()).contains("AWS had a problem");
        assertThat(AwsErrors.explain(aws(400, "Throttling", "Rate exceeded")).summary()).contains("busy");
        assertThat(AwsErrors.explain(aws(400, "TooManyDistributions", "x")).advice()).contains("My distributions");
        assertThat(Retry.isTransient(SdkClientException.create("x", new IOException("reset")))).isTrue();
    }
}
