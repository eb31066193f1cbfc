package org.streamfront.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.streamfront.plan.PlanJson;

class ValidateExportCommandTest {
    @TempDir
    Path dir;

    @Test
    void validPlanExitsZero() throws Exception {
        Path plan = CliTest.write(dir, "ok.json", "{\"origin\": {\"domain\": \"ams.example.com\"}}");
        CliTest run = CliTest.run("validate", plan.toString());
        assertThat(run.exit).isZero();
        assertThat(run.out).contains("valid");
    }

    @Test
    void invalidPlanPrintsOneLinePerProblemAndExitsTwo() throws Exception {
        Path plan = CliTest.write(dir, "bad.json",
                "{\"origin\": {\"domain\": \"10.1.2.3\", \"application\": \"/LiveApp\", \"httpPort\": 22}}");
        CliTest run = CliTest.run("validate", plan.toString());
        assertThat(run.exit).isEqualTo(2);
        assertThat(run.out.lines()).hasSize(3)
                .anySatisfy(l -> assertThat(l).startsWith("origin.domain: CloudFront does not accept an IP address"))
                .anySatisfy(l -> assertThat(l).startsWith("origin.application: "))
                .anySatisfy(l -> assertThat(l).startsWith("origin.httpPort: "));
    }

    @Test
    void unknownKeyIsNamed() throws Exception {
        Path plan = CliTest.write(dir, "typo.json", "{\"origin\": {\"domain\": \"a.example\"}, \"cahce\": {}}");
        CliTest run = CliTest.run("validate", plan.toString());
        assertThat(run.exit).isEqualTo(2);
        assertThat(run.out).contains("cahce: unknown key");
    }

    @Test
    void missingFileIsInvalidNotACrash() {
        CliTest run = CliTest.run("validate", dir.resolve("nope.json").toString());
        assertThat(run.exit).isEqualTo(2);
        assertThat(run.out).contains("cannot read the file");
    }

    @Test
    void exportPrintsTheConfigInEitherFormat() throws Exception {
        Path plan = CliTest.write(dir, "ok.json", "{\"planId\": \"sf-7\", \"origin\": {\"domain\": \"ams.example.com\"}}");
        CliTest cli = CliTest.run("export", plan.toString());
        assertThat(cli.exit).isZero();
        assertThat(cli.out).startsWith("#!/bin/sh").contains("\"CallerReference\" : \"sf-7\"")
                .contains("aws cloudfront create-distribution");
        CliTest cfn = CliTest.run("export", plan.toString(), "--format", "cloudformation");
        assertThat(cfn.exit).isZero();
        assertThat(PlanJson.MAPPER.readTree(cfn.out).at("/Resources/Distribution/Type").asText())
                .isEqualTo("AWS::CloudFront::Distribution");
    }

    @Test
    void exportOfAnInvalidPlanPrintsNothingAndExitsTwo() throws Exception {
        Path plan = CliTest.write(dir, "bad.json", "{\"origin\": {\"domain\": \"\"}}");
        CliTest run = CliTest.run("export", plan.toString());
        assertThat(run.exit).isEqualTo(2);
        assertThat(run.out).isEmpty();
        assertThat(run.err).contains("origin.domain: Enter the host name");
    }

    @Test
    void unknownFormatIsAUsageError() throws Exception {
        Path plan = CliTest.write(dir, "ok.json", "{\"origin\": {\"domain\": \"ams.example.com\"}}");
        assertThat(CliTest.run("export", plan.toString(), "--format", "terraform").exit).isEqualTo(2);
    }
}
