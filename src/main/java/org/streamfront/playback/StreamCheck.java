package org.streamfront.playback;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.streamfront.Messages;
import org.streamfront.origin.Check;
import org.streamfront.origin.HlsPlaylist;
import org.streamfront.origin.HttpGet;

/**
 * The HLS and CDN checks of a playlist URL: it answers, every rendition answers, it advances,
 * CloudFront keeps it, a segment arrives fast enough, and browsers may load it (CORS). Each check
 * ends green, amber or red, in plain words, with the raw facts as its detail; green only for what
 * was seen to work.
 */
public final class StreamCheck {
    /** The Origin a check's CORS request names, as a web player on another site would. */
    static final String PLAYER_SITE = "https://player.example";
    private final Duration timeout;

    /** Each request, its whole answer included, within {@code timeout}. */
    public StreamCheck(Duration timeout) {
        this.timeout = timeout;
    }

    public StreamCheck() {
        this(Duration.ofSeconds(10));
    }
    private static final String[] CDN_HEADERS = {"X-Cache", "Age", "X-Amz-Cf-Pop", "Cache-Control"};

    public record Report(URI url, List<Check> checks) {
        public boolean healthy() {
            return !checks.isEmpty() && checks.stream().noneMatch(c -> c.mark() == Check.Mark.RED);
        }

        public Optional<Check> check(String id) {
            return checks.stream().filter(c -> c.id().equals(id)).findFirst();
        }
    }

    /** The address a check can fetch: http or https with a host. Anything else is refused before any request. */
    public static Optional<String> unusable(URI url) {
        if (url == null || url.getScheme() == null || !(url.getScheme().equalsIgnoreCase("http") || url.getScheme().equalsIgnoreCase("https"))) {
            return Optional.of(Messages.get("check.url.scheme"));
        }
        if (url.getHost() == null || url.getHost().isBlank()) {
            return Optional.of(Messages.get("check.url.host"));
        }
        return Optional.empty();
    }

    /** Runs every check of an address served by CloudFront; takes up to one and a half target durations, since it watches the playlist advance. */
    public Report run(URI url) throws InterruptedException {
        return run(url, true);
    }

    /** The same checks of the server's own address, where there is no CDN cache to ask about. */
    public Report runAtServer(URI url) throws InterruptedException {
        return run(url, false);
    }

    private Report run(URI url, boolean throughCdn) throws InterruptedException {
        List<Check> checks = new ArrayList<>();
        Optional<String> unusable = unusable(url);
        if (unusable.isPresent()) {
            checks.add(Check.red("playlist", unusable.get(), String.valueOf(url)));
            return new Report(url, checks);
        }
        HttpGet.Answer first = get(url, null);
        Optional<HlsPlaylist> parsed = readPlaylist(first, "playlist", checks);
        if (parsed.isEmpty()) {
            return new Report(url, checks);
        }
        URI mediaUrl = first.uri() != null ? first.uri() : url;
        HlsPlaylist playlist = parsed.get();
        if (playlist.master()) {
            // A master playlist is healthy only if every rendition is; the player may pick any of them.
            URI firstGood = null;
            HlsPlaylist firstGoodPlaylist = null;
            for (HlsPlaylist.Variant v : playlist.variants()) {
                HttpGet.Answer answer = get(first.resolve(url, v.uri()), null);
                URI renditionUrl = answer.uri() != null ? answer.uri() : first.resolve(url, v.uri());
                Optional<HlsPlaylist> rendition = readPlaylist(answer, "rendition " + v.uri(), checks);
                if (rendition.isPresent() && rendition.get().master()) {
                    checks.removeIf(c -> c.id().equals("rendition " + v.uri()));
                    checks.add(Check.red("rendition " + v.uri(), Messages.get("check.rendition.nested", v.uri()), answer.facts()));
                } else if (rendition.isPresent() && firstGood == null) {
                    firstGood = renditionUrl;
                    firstGoodPlaylist = rendition.get();
                    first = answer;
                }
            }
            if (firstGood == null) {
                return new Report(url, checks);
            }
            mediaUrl = firstGood;
            playlist = firstGoodPlaylist;
        }
        checks.add(Check.green("playlist", Messages.get("check.playlist.ok", first.millis(),
                playlist.segments().size(), playlist.targetDuration()), first.facts(CDN_HEADERS)));

        if (playlist.ended()) {
            checks.add(Check.red("advances", Messages.get("check.advances.recording"), first.facts()));
        } else {
            // A live playlist moves on every target duration: read it again until it has, for at most one and a half.
            long deadline = System.nanoTime() + Math.max(1, playlist.targetDuration()) * 1_500_000_000L;
            long pause = Math.max(250, playlist.targetDuration() * 250L);
            HttpGet.Answer second;
            Optional<HlsPlaylist> later;
            boolean advanced;
            do {
                Thread.sleep(pause); // pacing between polls of a remote server, not a wait for our own work
                second = get(mediaUrl, null);
                later = second.ok() ? HlsPlaylist.parse(second.text()).filter(p -> p.defect().isEmpty()) : Optional.empty();
                HlsPlaylist before = playlist;
                advanced = later.map(l -> l.mediaSequence() > before.mediaSequence() || l.segments().size() > before.segments().size())
                        .orElse(false);
            } while (later.isPresent() && !advanced && System.nanoTime() < deadline);
            if (later.isEmpty()) {
                checks.add(Check.red("advances", Messages.get("check.advances.lost"), second.facts(CDN_HEADERS)));
            } else {
                HlsPlaylist l = later.get();
                checks.add(advanced
                        ? Check.green("advances", Messages.get("check.advances.ok", playlist.segments().size(), l.segments().size(),
                                playlist.mediaSequence(), l.mediaSequence()), second.facts(CDN_HEADERS))
                        : Check.amber("advances", Messages.get("check.advances.stuck"), second.facts(CDN_HEADERS)));
                playlist = l;
            }
        }

        HttpGet.Answer third = get(mediaUrl, null);
        String xCache = third.header("X-Cache").orElse("");
        if (throughCdn) {
            checks.add(xCache.startsWith("Hit") || xCache.startsWith("RefreshHit")
                    ? Check.green("cache", Messages.get("check.cache.hit"), third.facts(CDN_HEADERS))
                    : xCache.isEmpty() ? Check.amber("cache", Messages.get("check.cache.unknown"), third.facts(CDN_HEADERS))
                    : Check.amber("cache", Messages.get("check.cache.miss", third.header("Cache-Control").orElse("")),
                            third.facts(CDN_HEADERS)));
        }

        if (!playlist.segments().isEmpty()) {
            HlsPlaylist.Segment newest = playlist.segments().getLast();
            HttpGet.Answer segment = get(mediaUrl.resolve(newest.uri()), null);
            if (!segment.ok()) {
                checks.add(Check.red("segment", segment.failure() != null
                        ? Messages.get("check.segment.unreachable", segment.failureInWords())
                        : Messages.get("check.segment.failed", segment.status()), segment.facts(CDN_HEADERS)));
            } else {
                long bytes = segment.body().length;
                long need = HlsPlaylist.bitrate(bytes, newest.duration());
                long got = segment.millis() == 0 ? Long.MAX_VALUE : bytes * 8_000 / segment.millis();
                double ratio = need == 0 ? 99 : (double) got / need;
                checks.add(new Check("segment", bytes == 0 ? Check.Mark.RED : ratio >= 1.5 ? Check.Mark.GREEN
                        : ratio >= 1 ? Check.Mark.AMBER : Check.Mark.RED,
                        Messages.get("check.segment.speed", bytes / 1024, segment.millis(), Math.min(ratio, 99)),
                        segment.facts(CDN_HEADERS) + ", " + bytes + " bytes, stream needs " + need / 1000 + " kbit/s"));
            }
        }

        HttpGet.Answer cors = get(mediaUrl, PLAYER_SITE);
        Optional<String> allowed = cors.header("Access-Control-Allow-Origin").map(String::strip);
        // Green only when the answer lets the asking site in: "*" or that very site.
        checks.add(allowed.isEmpty() ? Check.amber("cors", Messages.get("check.cors.missing"), cors.facts(CDN_HEADERS))
                : allowed.get().equals("*") || allowed.get().equals(PLAYER_SITE)
                ? Check.green("cors", Messages.get("check.cors.ok"), "Access-Control-Allow-Origin: " + allowed.get())
                : Check.amber("cors", Messages.get("check.cors.other", allowed.get()), "Origin: " + PLAYER_SITE
                        + ", Access-Control-Allow-Origin: " + allowed.get()));
        return new Report(url, checks);
    }

    /** The playlist in an answer, or a red check (named {@code id}) saying why there is none. */
    private static Optional<HlsPlaylist> readPlaylist(HttpGet.Answer answer, String id, List<Check> checks) {
        if (!answer.ok()) {
            checks.add(Check.red(id, failure(answer), answer.failure() != null ? answer.facts() : answer.facts(CDN_HEADERS)));
            return Optional.empty();
        }
        if (answer.truncated()) {
            checks.add(Check.red(id, Messages.get("check.playlist.huge", HttpGet.MAX_BODY / (1024 * 1024)), answer.facts()));
            return Optional.empty();
        }
        Optional<HlsPlaylist> parsed = HlsPlaylist.parse(answer.text());
        if (parsed.isEmpty()) {
            checks.add(Check.red(id, Messages.get("check.playlist.notHls"), answer.facts("Content-Type")));
            return Optional.empty();
        }
        if (parsed.get().defect().isPresent()) {
            checks.add(Check.red(id, Messages.get("check.playlist.broken", parsed.get().defect().get()), answer.facts()));
            return Optional.empty();
        }
        return parsed;
    }

    private static String failure(HttpGet.Answer a) {
        if (a.failure() != null) {
            return Messages.get("check.playlist.unreachable", a.failureInWords());
        }
        return switch (a.status()) {
            case 404 -> Messages.get("check.playlist.404");
            case 403 -> Messages.get("check.playlist.403");
            case 502, 504 -> Messages.get("check.playlist.502");
            default -> Messages.get("check.playlist.status", a.status());
        };
    }

    private HttpGet.Answer get(URI url, String origin) throws InterruptedException {
        return origin == null ? HttpGet.get(url, timeout) : HttpGet.get(url, timeout, "Origin", origin);
    }
}
