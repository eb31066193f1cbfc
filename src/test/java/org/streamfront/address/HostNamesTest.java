package org.streamfront.address;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class HostNamesTest {
    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(delimiter = '|', value = {
            "''|Type the address viewers will use",
            "live|is not a full address",
            "live..example.org|two dots in a row",
            "-live.example.org|\"-live\" cannot be part of an address",
            "live_now.example.org|\"live_now\" cannot be part of an address",
            "live.example.123|\"123\" is not a top-level domain",
            "live.example.org:443|Leave out the port",
            "*.example.org|not a wildcard",
            "d111111abcdef8.cloudfront.net|That is a CloudFront address already"})
    void badNamesAreExplained(String typed, String message) {
        assertThat(HostNames.problem(typed)).hasValueSatisfying(m -> assertThat(m).contains(message));
    }

    @Test
    void whatPeoplePasteIsTidiedUp() {
        assertThat(HostNames.normal(" https://Live.Example.org/streams/x.m3u8 ")).isEqualTo("live.example.org");
        assertThat(HostNames.normal("live.example.org.")).isEqualTo("live.example.org");
        assertThat(HostNames.problem("https://Live.Example.org/")).isEmpty();
        assertThat(HostNames.problem("a".repeat(63) + ".example.org")).isEmpty();
        assertThat(HostNames.problem("a".repeat(64) + ".example.org")).isPresent();
    }

    @Test
    void bareDomainsAndWhereZonesMayStart() {
        assertThat(HostNames.isApex("example.org")).isTrue();
        assertThat(HostNames.isApex("example.co.uk")).isTrue();
        assertThat(HostNames.isApex("live.example.org")).isFalse();
        assertThat(HostNames.isApex("live.example.co.uk")).isFalse();
        assertThat(HostNames.zoneCandidates("a.live.example.org")).containsExactly("a.live.example.org", "live.example.org", "example.org");
        assertThat(HostNames.zoneCandidates("live.example.co.uk")).containsExactly("live.example.co.uk", "example.co.uk");
    }

    @Test
    void aWildcardCoversOneLevelOnly() {
        assertThat(HostNames.covers("*.example.org", "live.example.org")).isTrue();
        assertThat(HostNames.covers("*.example.org", "a.live.example.org")).isFalse();
        assertThat(HostNames.covers("*.example.org", "example.org")).isFalse();
        assertThat(HostNames.covers("live.example.org", "LIVE.example.org.")).isTrue();
    }
}
