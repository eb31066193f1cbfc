package org.streamfront.aws;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.profiles.Profile;
import software.amazon.awssdk.profiles.ProfileFile;
import software.amazon.awssdk.profiles.ProfileProperty;

/** The AWS profiles on this computer, read with the SDK's own rules (AWS_CONFIG_FILE and friends respected). */
public final class Profiles {
    public enum Kind { KEYS, SSO, ROLE, PROCESS, OTHER }

    public record Entry(String name, Kind kind) {
    }

    private Profiles() {
    }

    /** The profiles, or a problem naming the file and what is wrong with it. */
    public static List<Entry> list() {
        Map<String, Profile> profiles;
        try {
            profiles = ProfileFile.defaultProfileFile().profiles();
        } catch (RuntimeException e) {
            throw new AwsErrors.ConfigProblem(org.streamfront.Messages.get("account.brokenProfiles",
                    AwsConfigFiles.configFile() + ", " + AwsConfigFiles.credentialsFile(), e.getMessage()));
        }
        List<Entry> out = new ArrayList<>();
        profiles.forEach((name, p) -> out.add(new Entry(name, kindOf(p))));
        out.sort((a, b) -> a.name.equals("default") ? -1 : b.name.equals("default") ? 1 : a.name.compareTo(b.name));
        return out;
    }

    static Kind kindOf(Profile p) {
        if (p.property(ProfileProperty.SSO_START_URL).isPresent() || p.property("sso_session").isPresent()) {
            return Kind.SSO;
        }
        if (p.property(ProfileProperty.ROLE_ARN).isPresent()) {
            return Kind.ROLE;
        }
        if (p.property(ProfileProperty.AWS_ACCESS_KEY_ID).isPresent()) {
            return Kind.KEYS;
        }
        return p.property(ProfileProperty.CREDENTIAL_PROCESS).isPresent() ? Kind.PROCESS : Kind.OTHER;
    }

    /** Whether anything on this computer could sign in: a profile, or keys in the environment. */
    public static boolean anyCredentialsHere() {
        return System.getenv("AWS_ACCESS_KEY_ID") != null || System.getenv("AWS_PROFILE") != null
                || System.getenv("AWS_WEB_IDENTITY_TOKEN_FILE") != null || !list().isEmpty();
    }
}
