package org.streamfront.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

public class PlanRulesTest {
    public static Plan valid() {
        return Plan.empty().withPlanId("sf-test").withOrigin(new Plan.Origin("ams.example.com", null, null, null, null));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "''                          | Enter the host name",
            "http://ams.example.com      | Leave out http://",
            "3.120.1.2                   | does not accept an IP address",
            "[2001:db8::1]               | does not accept an IP address",
            "2001:db8::1                 | does not accept an IP address",
            "ams.example.com/WebRTCAppEE | without a path",
            "ams.example.com:5080        | without a port",
            "ams_example.com             | only letters, digits, dots and hyphens",
            "-ams.example.com            | only letters, digits, dots and hyphens",
            "ams..example.com            | only letters, digits, dots and hyphens",
    })
    void badDomainsAreRefusedWithAPlainReason(String domain, String expected) {
        assertThat(PlanRules.domain(domain)).hasValueSatisfying(m -> assertThat(m).contains(expected));
    }

    @Test
    void tooLongDomainIsRefused() {
        String longName = String.join(".", Collections.nCopies(64, "abcd"));
        assertThat(PlanRules.domain(longName)).hasValueSatisfying(m -> assertThat(m).contains("253"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"ams.example.com", "ec2-3-120-1-2.eu-central-1.compute.amazonaws.com", "localhost", "AMS.Example.COM."})
    void dnsNamesAreAccepted(String domain) {
        assertThat(PlanRules.domain(domain)).isEmpty();
    }

    @Test
    void ipAddressMessageTellsWhatToUseInstead() {
        assertThat(PlanRules.domain("10.0.0.5").orElseThrow()).contains("DNS name").contains("EC2");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "''            | Enter the AMS application",
            "/WebRTCAppEE  | without slashes",
            "WebRTCAppEE/  | without slashes",
            "Web RTC       | only letters, digits, hyphens and underscores",
    })
    void badApplicationsAreRefused(String app, String expected) {
        assertThat(PlanRules.application(app)).hasValueSatisfying(m -> assertThat(m).contains(expected));
    }

    @Test
    void originPathIsTheApplicationWithOneLeadingSlash() {
        for (String app : Plan.Origin.KNOWN_APPLICATIONS) {
            assertThat(PlanRules.application(app)).isEmpty();
            String path = new Plan.Origin("h.example", app, null, null, null).originPath();
            assertThat(path).startsWith("/").doesNotEndWith("/").isEqualTo("/" + app);
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 1, 79, 81, 442, 444, 1023, 65536, 70000})
    void portsCloudFrontCannotReachAreRefused(int port) {
        assertThat(PlanRules.port(port)).hasValueSatisfying(m -> assertThat(m).contains("80, 443 or 1024"));
    }

    @ParameterizedTest
    @ValueSource(ints = {80, 443, 1024, 5080, 5443, 65535})
    void portsCloudFrontCanReachAreAccepted(int port) {
        assertThat(PlanRules.port(port)).isEmpty();
    }

    @Test
    void missingPortAsksForOne() {
        assertThat(PlanRules.port(null)).contains("Enter a port number.");
    }

    @Test
    void choicesNameTheAllowedValues() {
        assertThat(PlanRules.protocol("ftp")).hasValueSatisfying(m -> assertThat(m).contains("http-only, https-only, match-viewer"));
        assertThat(PlanRules.viewerProtocol("http")).hasValueSatisfying(m -> assertThat(m).contains("redirect-to-https"));
        assertThat(PlanRules.priceClass("PriceClass_1")).hasValueSatisfying(m -> assertThat(m).contains("PriceClass_100"));
        assertThat(PlanRules.queryStrings("some")).hasValueSatisfying(m -> assertThat(m).contains("all, none"));
    }

    @Test
    void ttlsHaveLimits() {
        assertThat(PlanRules.playlistTtl(null)).contains("Enter a number of seconds.");
        assertThat(PlanRules.playlistTtl(61)).hasValueSatisfying(m -> assertThat(m).contains("0 to 60"));
        assertThat(PlanRules.playlistTtl(-1)).isPresent();
        assertThat(PlanRules.segmentTtl(86_401)).hasValueSatisfying(m -> assertThat(m).contains("0 to 86400"));
        assertThat(PlanRules.errorTtl(3)).isEmpty();
    }

    @Test
    void errorPagesAreCheckedRowByRow() {
        Plan plan = valid().withErrorPages(List.of(new Plan.ErrorPage(404, 3), new Plan.ErrorPage(418, 3),
                new Plan.ErrorPage(404, -5)));
        assertThat(PlanRules.validate(plan)).extracting(Problem::path).containsExactly(
                "errorPages[1].code", "errorPages[2].cachingMinTtlSeconds", "errorPages[2].code");
        assertThat(PlanRules.validate(plan).get(2).message()).contains("listed twice");
    }

    @Test
    void streamIdIsOptionalButMustBeAnAmsId() {
        assertThat(PlanRules.streamId("")).isEmpty();
        assertThat(PlanRules.streamId("stream1_adaptive")).isEmpty();
        assertThat(PlanRules.streamId("my stream")).isPresent();
    }

    @Test
    void commentAndNameHaveALimit() {
        assertThat(PlanRules.comment("x".repeat(81))).hasValueSatisfying(m -> assertThat(m).contains("80"));
        assertThat(PlanRules.name("x".repeat(80))).isEmpty();
    }

    @Test
    void validPlanHasNoProblemsAndInvalidPlanMakesNoConfig() {
        assertThat(PlanRules.validate(valid())).isEmpty();
        Plan bad = valid().withOrigin(new Plan.Origin("3.120.1.2", null, null, 99, null));
        assertThat(PlanRules.validate(bad)).extracting(Problem::path).containsExactly("origin.domain", "origin.httpPort");
        assertThatThrownBy(() -> DistributionConfigMapper.toConfig(bad)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void wrongSchemaVersionIsReported() {
        Plan future = new Plan(2, "x", null, valid().origin(), null, null, null, null);
        assertThat(PlanRules.validate(future)).extracting(Problem::path).containsExactly("schemaVersion");
    }

    @Test
    void whoMayWatchIsOpenOrTokenAndTokensKeepQueryStringsOutOfTheCache() {
        assertThat(PlanRules.validate(valid().withAccess(new Plan.Access("members")))).extracting(Problem::toString)
                .containsExactly("access.mode: Choose one of: open, token.");
        Plan tokens = valid().withAccess(new Plan.Access(Plan.Access.TOKEN));
        assertThat(PlanRules.validate(tokens)).isEmpty();
        assertThat(tokens.cache().queryStrings()).isEqualTo(Plan.Cache.NONE);
        assertThat(valid().access().mode()).as("left out: the tutorial's way").isEqualTo(Plan.Access.OPEN);
    }
}
