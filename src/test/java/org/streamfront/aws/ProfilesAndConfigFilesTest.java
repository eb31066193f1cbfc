package org.streamfront.aws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Profile discovery from fixture files (the SDK's own rules), and the profiles StreamFront writes on request. */
class ProfilesAndConfigFilesTest {
    @TempDir
    Path dir;
    private Path config;
    private Path credentials;

    @BeforeEach
    void pointTheSdkAtFixtures() {
        config = dir.resolve("config");
        credentials = dir.resolve("credentials");
        System.setProperty("aws.configFile", config.toString());
        System.setProperty("aws.sharedCredentialsFile", credentials.toString());
    }

    @AfterEach
    void restore() {
        System.clearProperty("aws.configFile");
        System.clearProperty("aws.sharedCredentialsFile");
    }

    @Test
    void everyKindOfProfileIsFoundWithItsKind() throws Exception {
        Files.writeString(config, """
                [default]
                region = eu-central-1
                [profile work]
                sso_session = corp
                sso_account_id = 111122223333
                sso_role_name = Admin
                [sso-session corp]
                sso_start_url = https://corp.awsapps.com/start
                sso_region = eu-central-1
                [profile deploy]
                role_arn = arn:aws:iam::111122223333:role/Deploy
                source_profile = default
                [profile legacy-sso]
                sso_start_url = https://old.awsapps.com/start
                sso_region = us-east-1
                sso_account_id = 111122223333
                sso_role_name = Admin
                [profile tool]
                credential_process = /usr/local/bin/get-creds
                """);
        Files.writeString(credentials, "[default]\naws_access_key_id = AKIAFIXTURE\naws_secret_access_key = fixture\n");
        assertThat(Profiles.list()).containsExactly(
                new Profiles.Entry("default", Profiles.Kind.KEYS),
                new Profiles.Entry("deploy", Profiles.Kind.ROLE),
                new Profiles.Entry("legacy-sso", Profiles.Kind.SSO),
                new Profiles.Entry("tool", Profiles.Kind.PROCESS),
                new Profiles.Entry("work", Profiles.Kind.SSO));
        assertThat(Profiles.anyCredentialsHere()).isTrue();
    }

    @Test
    void noFilesMeansNoProfiles() {
        assertThat(Profiles.list()).isEmpty();
    }

    @Test
    void aBrokenFileIsNamedInPlainWords() throws Exception {
        Files.writeString(config, "region = eu-central-1\n[profile ok]\n");
        assertThatThrownBy(Profiles::list)
                .isInstanceOf(AwsErrors.ConfigProblem.class)
                .hasMessageContaining(config.toString());
        assertThat(AwsErrors.explain(new AwsErrors.ConfigProblem("x")).advice()).contains("Fix or move the file");
    }

    @Test
    void savedKeysLandInTheCredentialsFileReadableByTheUserAloneAndOtherProfilesStay() throws Exception {
        Files.writeString(credentials, "[other]\naws_access_key_id = AKIAOTHER\naws_secret_access_key = keep-me\n");
        AwsConfigFiles.saveKeysProfile(credentials, "streamfront", "AKIANEW", "new-secret", "");
        AwsConfigFiles.saveKeysProfile(credentials, "streamfront", "AKIANEWER", "newer-secret", "token-1");
        String text = Files.readString(credentials);
        assertThat(text).contains("keep-me").contains("AKIANEWER").contains("aws_session_token = token-1").doesNotContain("AKIANEW\n");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(credentials))).isEqualTo("rw-------");
        assertThat(Profiles.list()).contains(new Profiles.Entry("streamfront", Profiles.Kind.KEYS), new Profiles.Entry("other", Profiles.Kind.KEYS));
    }

    @Test
    void savedSsoProfileIsOneTheAwsCliUnderstands() throws Exception {
        Files.writeString(config, "[default]\nregion = us-east-1\n");
        AwsConfigFiles.saveSsoProfile(config, "streamfront", "https://corp.awsapps.com/start", "eu-central-1", "111122223333", "Admin");
        String session = SsoSignIn.sessionName("https://corp.awsapps.com/start");
        assertThat(session).startsWith("streamfront-corp-");
        String text = Files.readString(config);
        assertThat(text).contains("[sso-session " + session + "]").contains("sso_start_url = https://corp.awsapps.com/start")
                .contains("[profile streamfront]").contains("sso_session = " + session).contains("sso_role_name = Admin")
                .contains("[default]");
        assertThat(Profiles.list()).contains(new Profiles.Entry("streamfront", Profiles.Kind.SSO));

        // A second organisation gets its own session; the first profile still points at its own start URL.
        AwsConfigFiles.saveSsoProfile(config, "school", "https://school.awsapps.com/start", "eu-west-1", "444455556666", "Media");
        String both = Files.readString(config);
        assertThat(SsoSignIn.sessionName("https://school.awsapps.com/start")).isNotEqualTo(session);
        assertThat(both).contains("[sso-session " + session + "]\nsso_start_url = https://corp.awsapps.com/start")
                .contains("sso_start_url = https://school.awsapps.com/start").contains("[profile streamfront]\nsso_session = " + session);
    }
}
