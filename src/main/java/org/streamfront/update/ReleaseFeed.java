package org.streamfront.update;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.time.Duration;
import java.util.Arrays;
import java.util.Optional;
import org.streamfront.Messages;
import org.streamfront.origin.HttpGet;

/**
 * Asks a release feed (GitHub's releases API: a JSON array of releases with {@code tag_name},
 * {@code html_url}, {@code draft}, {@code prerelease}) whether a version newer than this one exists.
 * Drafts and pre-releases are never offered. Nothing is sent but the request for the feed.
 */
public final class ReleaseFeed {
    private static final Duration DEADLINE = Duration.ofSeconds(8);
    private static final ObjectMapper JSON = new ObjectMapper();

    /** What the feed said. */
    public sealed interface Answer {
    }

    /** A newer release, and the page to download it from. */
    public record Newer(String version, URI page) implements Answer {
    }

    public record UpToDate() implements Answer {
    }

    /** The feed could not be read or made no sense: why, in plain words. */
    public record Unknown(String why) implements Answer {
    }

    private ReleaseFeed() {
    }

    public static Answer check(URI feed, String current) throws InterruptedException {
        return check(feed, current, DEADLINE);
    }

    static Answer check(URI feed, String current, Duration deadline) throws InterruptedException {
        HttpGet.Answer answer = HttpGet.get(feed, deadline, "Accept", "application/vnd.github+json");
        if (answer.failure() != null) {
            return new Unknown(Messages.get("update.unreadable", feed.getHost(), answer.failureInWords()));
        }
        if (!answer.ok()) {
            return new Unknown(Messages.get("update.status", feed.getHost(), answer.status()));
        }
        return newest(answer.text(), current);
    }

    /** The newest published release in a feed's text compared with {@code current}. */
    static Answer newest(String feedText, String current) {
        JsonNode releases;
        try {
            releases = JSON.readTree(feedText);
        } catch (Exception e) {
            return new Unknown(Messages.get("update.garbage"));
        }
        if (releases == null || !releases.isArray()) {
            return new Unknown(Messages.get("update.garbage"));
        }
        int[] mine = parse(current).orElse(new int[] {0});
        Newer best = null;
        int[] bestVersion = mine;
        for (JsonNode r : releases) {
            if (r.path("draft").asBoolean(false) || r.path("prerelease").asBoolean(false)) {
                continue;
            }
            String tag = r.path("tag_name").asText("");
            Optional<int[]> version = parse(tag);
            String page = r.path("html_url").asText("");
            if (version.isEmpty() || !(page.startsWith("https://") || page.startsWith("http://"))) {
                continue;
            }
            if (compare(version.get(), bestVersion) > 0) {
                bestVersion = version.get();
                best = new Newer(tag.replaceFirst("^[vV]", ""), URI.create(page));
            }
        }
        return best != null ? best : new UpToDate();
    }

    /** "1.2.3" or "v1.2.3" as numbers; empty for anything else (a pre-release suffix included). */
    static Optional<int[]> parse(String version) {
        String v = version.trim().replaceFirst("^[vV]", "");
        if (!v.matches("\\d{1,6}(\\.\\d{1,6}){0,3}")) {
            return Optional.empty();
        }
        return Optional.of(Arrays.stream(v.split("\\.")).mapToInt(Integer::parseInt).toArray());
    }

    static int compare(int[] a, int[] b) {
        for (int i = 0; i < Math.max(a.length, b.length); i++) {
            int x = i < a.length ? a[i] : 0;
            int y = i < b.length ? b[i] : 0;
            if (x != y) {
                return Integer.compare(x, y);
            }
        }
        return 0;
    }
}
