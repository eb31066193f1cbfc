package org.streamfront.aws;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Where StreamFront reads and writes the AWS CLI's files on each OS: the SDK decides it from the OS
 * name and the environment as the AWS CLI does, so each case runs in a JVM told it is on that OS.
 */
class AwsConfigLocationsTest {

    @Test
    void linuxAndMacOsUseTheHomeFolder() throws Exception {
        assertThat(locate("Linux", Map.of("HOME", "/home/ana")))
                .containsExactly("/home/ana/.aws/config", "/home/ana/.aws/credentials", "/home/ana/.aws/sso/cache");
        assertThat(locate("Mac OS X", Map.of("HOME", "/Users/ana")))
                .containsExactly("/Users/ana/.aws/config", "/Users/ana/.aws/credentials", "/Users/ana/.aws/sso/cache");
    }

    @Test
    void windowsUsesTheUserProfileThenTheHomeDriveAndPath() throws Exception {
        assertThat(locate("Windows 11", Map.of("USERPROFILE", "/c/Users/ana")))
                .containsExactly("/c/Users/ana/.aws/config", "/c/Users/ana/.aws/credentials", "/c/Users/ana/.aws/sso/cache");
        assertThat(locate("Windows 10", Map.of("HOMEDRIVE", "/d", "HOMEPATH", "/Users/ana")))
                .containsExactly("/d/Users/ana/.aws/config", "/d/Users/ana/.aws/credentials", "/d/Users/ana/.aws/sso/cache");
        assertThat(locate("Windows 11", Map.of("HOME", "/git-bash/ana", "USERPROFILE", "/c/Users/ana")))
                .as("HOME, when a shell sets it, wins on Windows too, as for the AWS CLI")
                .first().isEqualTo("/git-bash/ana/.aws/config");
    }

    @Test
    void theAwsCliVariablesMoveTheFilesButNotTheSsoCache() throws Exception {
        assertThat(locate("Windows 11", Map.of("USERPROFILE", "/c/Users/ana",
                "AWS_CONFIG_FILE", "/c/aws/config", "AWS_SHARED_CREDENTIALS_FILE", "/c/aws/keys")))
                .containsExactly("/c/aws/config", "/c/aws/keys", "/c/Users/ana/.aws/sso/cache");
    }

    /** The three locations as a JVM that believes it runs on {@code os} with only {@code env} set. */
    private static List<String> locate(String os, Map<String, String> env) throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xshare:auto", "-XX:TieredStopAtLevel=1", "-Dos.name=" + os, "-Duser.home=/nobody",
                "-cp", System.getProperty("java.class.path"), AwsFilesProbe.class.getName());
        pb.environment().clear();
        pb.environment().putAll(env);
        pb.redirectErrorStream(true);
        Process p = pb.start();
        String said = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(said).isZero();
        return said.lines().toList();
    }
}
