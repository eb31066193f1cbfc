package org.streamfront.playback;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.streamfront.Messages;
import org.streamfront.origin.Check;
import org.streamfront.origin.HlsPlaylist;

/**
 * The HLS and CDN checks of a playlist URL: it answers, it advances, CloudFront keeps it, a
 * segment arrives fast enough, and browsers may load it (CORS). Each check ends green, amber or
 * red, in plain words, with the raw facts as its detail.
 */
public final class StreamCheck {
    public record Report(URI url, List<Check> checks) {
        public boolean healthy() {
            return checks.stream().noneMatch(c -> c.mark() == Check.Mark.RED);
        }

        public Optional<Check> check(String id) {
            return checks.stream().filter(c -> c.id().equals(id)).findFirst();
        }
    }

    private record Fetch(int status, byte[] body, long millis, java.net.http.HttpHeaders headers, String failure) {
        String text() {
            return body == null ? "" : new String(body, StandardCharsets.UTF_8);
        }

        String header(String name) {
            return headers == null ? "" : headers.firstValue(name).orElse("");
        }

        String cdnFacts() {
            return "HTTP " + status + ", " + millis + " ms"
                    + (header("X-Cache").isEmpty() ? "" : ", X-Cache: " + header("X-Cache"))
                    + (header("Age").isEmpty() ? "" : ", Age: " + header("Age"))
                    + (header("X-Amz-Cf-Pop").isEmpty() ? "" : ", POP: " + header("X-Amz-Cf-Pop"))
                    + (header("Cache-Control").isEmpty() ? "" : ", Cache-Control: " + header("Cache-Control"));
        }
    }

    private final HttpClient http = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .followRedirects(HttpClient.Redirect.NORMAL)
            .build();

    /** Runs every check; takes about one target duration, since it watches the playlist advance. */
    public Report run(URI url) throws InterruptedException {
        List<Check> checks = new ArrayList<>();
        Fetch first = get(url, null);
        if (first.status != 200) {
            checks.add(Check.red("playlist", playlistFailure(first), first.failure != null ? first.failure : first.cdnFacts()));
            return new Report(url, checks);
        }
        Optional<HlsPlaylist> parsed = HlsPlaylist.parse(first.text());
        if (parsed.isEmpty()) {
            checks.add(Check.red("playlist", Messages.get("check.playlist.notHls"), first.cdnFacts()));
            return new Report(url, checks);
        }
        URI mediaUrl = url;
        HlsPlaylist playlist = parsed.get();
        if (playlist.master() && !playlist.variants().isEmpty()) {
            mediaUrl = url.resolve(playlist.variants().getFirst().uri());
            first = get(mediaUrl, null);
            playlist = HlsPlaylist.parse(first.text()).orElse(playlist);
        }
        checks.add(Check.green("playlist", Messages.get("check.playlist.ok", first.millis,
                playlist.segments().size(), playlist.targetDuration()), first.cdnFacts()));

        // A live playlist moves on every target duration; read it again after one.
        Thread.sleep(Duration.ofMillis(Math.max(1, playlist.targetDuration()) * 1000L + 500));
        Fetch second = get(mediaUrl, null);
        HlsPlaylist later = HlsPlaylist.parse(second.text()).orElse(playlist);
        boolean advanced = later.mediaSequence() > playlist.mediaSequence() || later.segments().size() > playlist.segments().size();
        checks.add(advanced
                ? Check.green("advances", Messages.get("check.advances.ok", playlist.segments().size(), later.segments().size(),
                        playlist.mediaSequence(), later.mediaSequence()), second.cdnFacts())
                : new Check("advances", playlist.ended() ? Check.Mark.RED : Check.Mark.AMBER, Messages.get("check.advances.stuck"), second.cdnFacts()));

        Fetch third = get(mediaUrl, null);
        String xCache = third.header("X-Cache");
        if (!xCache.isEmpty()) {
            checks.add(xCache.startsWith("Hit") || xCache.startsWith("RefreshHit")
                    ? Check.green("cache", Messages.get("check.cache.hit"), third.cdnFacts())
                    : Check.amber("cache", Messages.get("check.cache.miss", third.header("Cache-Control")), third.cdnFacts()));
        }

        if (!later.segments().isEmpty()) {
            HlsPlaylist.Segment newest = later.segments().getLast();
            Fetch segment = get(mediaUrl.resolve(newest.uri()), null);
            if (segment.status != 200) {
                checks.add(Check.red("segment", Messages.get("check.segment.failed", segment.status), segment.cdnFacts()));
            } else {
                long bytes = segment.body.length;
                long need = HlsPlaylist.bitrate(bytes, newest.duration());
                long got = segment.millis == 0 ? Long.MAX_VALUE : bytes * 8_000 / segment.millis;
                double ratio = need == 0 ? 99 : (double) got / need;
                checks.add(new Check("segment", ratio >= 1.5 ? Check.Mark.GREEN : ratio >= 1 ? Check.Mark.AMBER : Check.Mark.RED,
                        Messages.get("check.segment.speed", bytes / 1024, segment.millis, Math.min(ratio, 99)),
                        segment.cdnFacts() + ", " + bytes + " bytes, stream needs " + need / 1000 + " kbit/s"));
            }
        }

        Fetch cors = get(mediaUrl, "https://player.example");
        checks.add(cors.header("Access-Control-Allow-Origin").isEmpty()
                ? Check.amber("cors", Messages.get("check.cors.missing"), cors.cdnFacts())
                : Check.green("cors", Messages.get("check.cors.ok"), "Access-Control-Allow-Origin: " + cors.header("Access-Control-Allow-Origin")));
        return new Report(url, checks);
    }

    private static String playlistFailure(Fetch f) {
        if (f.failure != null) {
            return Messages.get("check.playlist.unreachable");
        }
        return switch (f.status) {
            case 404 -> Messages.get("check.playlist.404");
            case 403 -> Messages.get("check.playlist.403");
            case 502, 504 -> Messages.get("check.playlist.502");
            default -> Messages.get("check.playlist.status", f.status);
        };
    }

    private Fetch get(URI url, String origin) throws InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(url).timeout(Duration.ofSeconds(10)).GET();
        if (origin != null) {
            request.header("Origin", origin);
        }
        long start = System.nanoTime();
        try {
            HttpResponse<byte[]> r = http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
            return new Fetch(r.statusCode(), r.body(), (System.nanoTime() - start) / 1_000_000, r.headers(), null);
        } catch (IOException e) {
            return new Fetch(-1, null, (System.nanoTime() - start) / 1_000_000, null, e.getClass().getSimpleName() + ": " + e.getMessage());
        }
    }
}
