package org.streamfront.aws;

import software.amazon.awssdk.auth.credentials.ProfileCredentialsProvider;

/** Run in its own process by SsoSignInTest: the AWS SDK's own profile provider, nothing of StreamFront's. */
public final class SdkSsoProbe {
    private SdkSsoProbe() {
    }

    public static void main(String[] args) {
        try (var provider = ProfileCredentialsProvider.create(args[0])) {
            System.out.println(provider.resolveCredentials().accessKeyId());
        }
    }
}
