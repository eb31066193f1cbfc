package org.streamfront.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Runs Debian's AWS CLI (or a script that calls it) as a user would, with practice credentials and none of the user's files. */
public final class AwsCli {
    public static final String AWS = "/usr/bin/aws";

    private AwsCli() {
    }

    /** The command's standard output; a non-zero exit fails the test with its error output. */
    public static String run(Path home, Map<String, String> env, List<String> command) throws Exception {
        ProcessBuilder pb = new ProcessBuilder(command);
        pb.environment().put("AWS_ACCESS_KEY_ID", "AKIAPRACTICE00000000");
        pb.environment().put("AWS_SECRET_ACCESS_KEY", "practice");
        pb.environment().put("AWS_DEFAULT_REGION", "us-east-1");
        pb.environment().put("AWS_CONFIG_FILE", home.resolve("none").toString());
        pb.environment().put("AWS_SHARED_CREDENTIALS_FILE", home.resolve("none").toString());
        pb.environment().put("AWS_PAGER", "");
        pb.environment().put("HOME", home.toString());
        pb.environment().putAll(env);
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as("%s failed: %s", command, err).isZero();
        return out;
    }
}
