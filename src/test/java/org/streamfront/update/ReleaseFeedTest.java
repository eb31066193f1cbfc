package org.streamfront.update;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.streamfront.testing.ScriptedServer;
import org.streamfront.testing.ScriptedServer.Reply;

/** The release feed: only published releases are offered, and a feed that makes no sense says so. */
class ReleaseFeedTest {
    private static final String FEED = """
            [
              {"tag_name": "v0.3.0-rc1", "html_url": "https://example.org/r/0.3.0-rc1", "draft": false, "prerelease": true},
              {"tag_name": "v0.4.0", "html_url": "https://example.org/r/0.4.0", "draft": true, "prerelease": false},
              {"tag_name": "v0.2.1", "html_url": "https://example.org/r/0.2.1", "draft": false, "prerelease": false},
              {"tag_name": "v0.2.0", "html_url": "https://example.org/r/0.2.0", "draft": false, "prerelease": false},
              {"tag_name": "nightly", "html_url": "https://example.org/r/nightly", "draft": false, "prerelease": false},
              {"tag_name": "v9.9.9", "html_url": "javascript:alert(1)", "draft": false, "prerelease": false}
            ]""";

    @Test
    void theNewestPublishedReleaseIsOfferedNeverADraftOrAPreRelease() {
        assertThat(ReleaseFeed.newest(FEED, "0.1.0"))
                .isEqualTo(new ReleaseFeed.Newer("0.2.1", URI.create("https://example.org/r/0.2.1")));
    }

    @Test
    void theSameOrANewerVersionIsUpToDate() {
        assertThat(ReleaseFeed.newest(FEED, "0.2.1")).isInstanceOf(ReleaseFeed.UpToDate.class);
        assertThat(ReleaseFeed.newest(FEED, "0.10.0")).as("numbers, not text: 0.10 is after 0.2").isInstanceOf(ReleaseFeed.UpToDate.class);
        assertThat(ReleaseFeed.newest("[]", "0.1.0")).isInstanceOf(ReleaseFeed.UpToDate.class);
    }

    @Test
    void aFeedThatIsNotAListOfReleasesIsUnknownInPlainWords() {
        for (String garbage : new String[] {"", "<html>rate limited</html>", "{\"message\": \"Not Found\"}", "[{\"tag_name\": ", "null"}) {
            assertThat(ReleaseFeed.newest(garbage, "0.1.0")).as(garbage).isInstanceOfSatisfying(ReleaseFeed.Unknown.class,
                    u -> assertThat(u.why()).isEqualTo("The release feed did not answer with a list of releases."));
        }
    }

    @Test
    void aRefusingOrStalledFeedIsUnknownWithinTheDeadline() throws Exception {
        try (ScriptedServer server = new ScriptedServer()) {
            server.on("/releases", Reply.of(503, "busy"));
            assertThat(ReleaseFeed.check(server.url("/releases"), "0.1.0")).isInstanceOfSatisfying(ReleaseFeed.Unknown.class,
                    u -> assertThat(u.why()).contains("HTTP 503"));
            server.on("/stalled", Reply.of(200, FEED).delivered(ScriptedServer.Delivery.STALL_AFTER_HEADERS));
            long start = System.nanoTime();
            assertThat(ReleaseFeed.check(server.url("/stalled"), "0.1.0", Duration.ofSeconds(1))).isInstanceOfSatisfying(ReleaseFeed.Unknown.class,
                    u -> assertThat(u.why()).contains("no answer in time"));
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
        }
    }

    @Test
    void versionsCompareAsNumbers() {
        assertThat(ReleaseFeed.compare(ReleaseFeed.parse("v1.10").orElseThrow(), ReleaseFeed.parse("1.9.9").orElseThrow())).isPositive();
        assertThat(ReleaseFeed.compare(ReleaseFeed.parse("1.2").orElseThrow(), ReleaseFeed.parse("1.2.0").orElseThrow())).isZero();
        assertThat(ReleaseFeed.parse("1.2.3-beta")).isEmpty();
    }

    @Test
    void theOverrideWinsOverTheBuiltInFeed() {
        assertThat(BuildInfo.feed("http://127.0.0.1:9/releases")).contains(URI.create("http://127.0.0.1:9/releases"));
        assertThat(BuildInfo.feed("")).as("nothing built in here").isEmpty();
        assertThat(BuildInfo.version()).matches("\\d+\\.\\d+\\.\\d+");
    }
}
