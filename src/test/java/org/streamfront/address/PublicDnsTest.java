package org.streamfront.address;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Public DNS answers, good and bad: a record counts as seen only when an answer really names it. */
class PublicDnsTest {
    @Test
    void aCnameAnswerIsReadWithoutTheFinalDot() {
        PublicDns.Seen seen = PublicDns.parse("{\"Status\":0,\"Answer\":[{\"name\":\"live.example.org.\",\"type\":5,\"TTL\":300,"
                + "\"data\":\"D123.cloudfront.net.\"},{\"name\":\"d123.cloudfront.net.\",\"type\":1,\"data\":\"1.2.3.4\"}]}", "CNAME");
        assertThat(seen.answered()).isTrue();
        assertThat(seen.values()).containsExactly("d123.cloudfront.net");
    }

    @Test
    void noSuchNameIsAnAnswerWithNothingInIt() {
        PublicDns.Seen seen = PublicDns.parse("{\"Status\":3}", "CNAME");
        assertThat(seen.answered()).isTrue();
        assertThat(seen.values()).isEmpty();
        assertThat(seen.describe()).isEqualTo("no record yet");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "not json", "[]", "{\"Answer\":[]}", "{\"Status\":\"0\"}", "null"})
    void unreadableAnswersSaySoInsteadOfSeeingNothing(String body) {
        PublicDns.Seen seen = PublicDns.parse(body, "CNAME");
        assertThat(seen.answered()).isFalse();
        assertThat(seen.describe()).contains("could not read");
    }

    @Test
    void aResolverFailureIsNotNoRecord() {
        PublicDns.Seen seen = PublicDns.parse("{\"Status\":2,\"Answer\":[]}", "CNAME");
        assertThat(seen.answered()).isFalse();
        assertThat(seen.describe()).contains("DNS status 2");
    }

    @Test
    void answersOfAnotherTypeOrWithoutDataAreLeftOut() {
        PublicDns.Seen seen = PublicDns.parse("{\"Status\":0,\"Answer\":[{\"type\":1,\"data\":\"1.2.3.4\"},{\"type\":5},{\"type\":5,\"data\":7}]}",
                "CNAME");
        assertThat(seen.values()).isEmpty();
    }

    @Test
    void aResolverThatCannotBeReachedIsSaid() throws Exception {
        PublicDns.Seen seen = new PublicDns(URI.create("http://127.0.0.1:9/resolve")).lookup("live.example.org", "CNAME");
        assertThat(seen.answered()).isFalse();
        assertThat(seen.describe()).startsWith("public DNS could not be asked");
    }
}
