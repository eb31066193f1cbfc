package org.streamfront.aws;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.streamfront.store.AtomicFiles;
import software.amazon.awssdk.profiles.ProfileFileLocation;
import software.amazon.awssdk.utils.UserHomeDirectoryUtils;

/**
 * Writes profiles into the AWS CLI's own files, only when the user asks: an IAM Identity Center
 * profile into the config file, access keys into the credentials file. Both are rewritten
 * atomically and readable by the user alone; other sections are kept as they were.
 */
public final class AwsConfigFiles {
    private AwsConfigFiles() {
    }

    /** ~/.aws/config, or AWS_CONFIG_FILE. */
    public static Path configFile() {
        return ProfileFileLocation.configurationFilePath();
    }

    /** ~/.aws/credentials, or AWS_SHARED_CREDENTIALS_FILE. */
    public static Path credentialsFile() {
        return ProfileFileLocation.credentialsFilePath();
    }

    /** Where the AWS CLI and the SDKs look for SSO tokens: ~/.aws/sso/cache, whatever AWS_CONFIG_FILE says. */
    public static Path ssoCacheDir() {
        return Path.of(UserHomeDirectoryUtils.userHomeDirectory(), ".aws", "sso", "cache");
    }

    public static void saveSsoProfile(Path config, String profile, String startUrl, String region, String accountId,
                                      String role) throws IOException {
        String session = SsoSignIn.sessionName(startUrl);
        List<String> lines = without(read(config), Set.of("[sso-session " + session + "]", "[profile " + profile + "]"));
        lines.addAll(List.of("[sso-session " + session + "]",
                "sso_start_url = " + startUrl,
                "sso_region = " + region,
                "sso_registration_scopes = sso:account:access",
                "",
                "[profile " + profile + "]",
                "sso_session = " + session,
                "sso_account_id = " + accountId,
                "sso_role_name = " + role,
                "region = " + region,
                ""));
        AtomicFiles.write(config, String.join("\n", lines), true);
    }

    public static void saveKeysProfile(Path credentials, String profile, String keyId, String secret, String sessionToken)
            throws IOException {
        List<String> lines = without(read(credentials), Set.of("[" + profile + "]"));
        lines.add("[" + profile + "]");
        lines.add("aws_access_key_id = " + keyId);
        lines.add("aws_secret_access_key = " + secret);
        if (sessionToken != null && !sessionToken.isBlank()) {
            lines.add("aws_session_token = " + sessionToken);
        }
        lines.add("");
        AtomicFiles.write(credentials, String.join("\n", lines), true);
    }

    private static List<String> read(Path file) throws IOException {
        return Files.isRegularFile(file) ? new ArrayList<>(Files.readAllLines(file)) : new ArrayList<>();
    }

    /** The lines without the named sections (a section runs to the next header). */
    private static List<String> without(List<String> lines, Set<String> headers) {
        List<String> out = new ArrayList<>();
        boolean skipping = false;
        for (String line : lines) {
            String t = line.strip();
            if (t.startsWith("[") && t.endsWith("]")) {
                skipping = headers.contains(t.replaceAll("\\s+", " "));
            }
            if (!skipping) {
                out.add(line);
            }
        }
        while (!out.isEmpty() && !out.getLast().isBlank()) {
            out.add("");
        }
        return out;
    }
}
