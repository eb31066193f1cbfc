package org.streamfront.cli;

import org.streamfront.aws.AwsSession;
import org.streamfront.services.DeployServices;
import org.streamfront.deploy.DeployWatcher;
import org.streamfront.playback.PracticeEdge;
import org.streamfront.playback.ViewerUrls;
import org.streamfront.store.AppDirs;
import picocli.CommandLine.Option;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.ProfileCredentialsProvider;

/**
 * Credentials and endpoint as the AWS tools take them: the standard chain, {@code --profile}, and
 * the SDK's own endpoint variables (AWS_ENDPOINT_URL_CLOUDFRONT, AWS_ENDPOINT_URL_CLOUDWATCH, AWS_ENDPOINT_URL).
 */
final class AwsOptions {
    @Option(names = "--profile", paramLabel = "NAME", description = "AWS profile to use (default: the standard chain, AWS_PROFILE).")
    String profile;

    DeployServices services() {
        return new DeployServices(credentials(), null, AppDirs.dataHome().resolve("history.json"), DeployWatcher.standard(), AwsOptions::reach);
    }

    /** Where this computer reaches a distribution's host name: https, or the practice edge named by STREAMFRONT_EDGE_URL. */
    static java.net.URI reach(String host) {
        return PracticeEdge.fromEnvironment().map(PracticeEdge::new).map(edge -> edge.addressOf(host)).orElseGet(() -> ViewerUrls.base(host));
    }

    /** The same sign-in for other services (CloudWatch); their endpoint variables apply as the SDK reads them. */
    AwsSession session() {
        return new AwsSession(profile == null ? "default" : profile, credentials(), null);
    }

    private AwsCredentialsProvider credentials() {
        return profile == null ? DefaultCredentialsProvider.builder().build() : ProfileCredentialsProvider.create(profile);
    }
}
