package org.streamfront.address;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.streamfront.testing.ScriptedServer;
import org.streamfront.testing.ScriptedServer.Reply;

/** An own address counts as served only when CloudFront answered a request to it as a name it knows. */
class AnsweredByNameTest {
    private final ScriptedServer site = new ScriptedServer();
    private final OwnAddress address = new OwnAddress(null, null, null, null, null, Duration.ZERO, () -> null, host -> site.url("/"));

    @AfterEach
    void close() {
        site.close();
    }

    @Test
    void anAnswerFromCloudFrontForTheNameIsTheProof() throws Exception {
        site.on("/", Reply.of(200, "panel", "Via", "1.1 abc.cloudfront.net (CloudFront)", "X-Cache", "Miss from cloudfront"));
        assertThat(address.answeredByName("live.example.org")).isEmpty();
    }

    @Test
    void anotherServerAnsweringIsNot() throws Exception {
        site.on("/", Reply.of(200, "an old web host's page", "Server", "Apache"));
        assertThat(address.answeredByName("live.example.org")).get().asString().contains("HTTP 200");
    }

    @Test
    void cloudFrontRefusingANameItDoesNotServeIsNot() throws Exception {
        site.on("/", Reply.of(403, "The request could not be satisfied.", "Via", "1.1 abc.cloudfront.net (CloudFront)",
                "X-Cache", "Error from cloudfront"));
        assertThat(address.answeredByName("live.example.org")).get().asString().contains("HTTP 403").contains("Error from cloudfront");
    }

    @Test
    void nothingAnsweringIsNot() throws Exception {
        site.close();
        assertThat(address.answeredByName("live.example.org")).get().asString().contains("refused");
    }
}
