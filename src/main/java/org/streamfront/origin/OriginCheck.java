package org.streamfront.origin;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import javax.net.ssl.SSLException;
import org.streamfront.Messages;
import org.streamfront.plan.Plan;

/**
 * Checks an AMS origin before anything is created, in the order a failure would show: the name
 * resolves (to a public address), the port answers, HTTP(S) works, the application exists, which
 * streams are live, and what a stream's playlist and headers look like.
 */
public final class OriginCheck {
    /**
     * Everything the check found: the checklist, the live streams (when AMS tells), a TTL suggestion,
     * whether the stream's playlist announces LL-HLS parts, and each rendition's measured bitrate.
     */
    public record Report(List<Check> checks, List<String> liveStreams, Optional<Integer> suggestedPlaylistTtl, boolean lowLatency,
                         List<Rendition> renditions) {
        public boolean blocked() {
            return checks.stream().anyMatch(c -> c.mark() == Check.Mark.RED);
        }

        public List<Check> warnings() {
            return checks.stream().filter(c -> c.mark() != Check.Mark.GREEN).toList();
        }
    }

    /**
     * One rendition of the stream: what its master playlist declares ({@code BANDWIDTH}, 0 when none)
     * and what its newest segments really weigh per second, which is what CloudFront carries per viewer,
     * and its segment length (target duration; 0 when its playlist could not be read).
     */
    public record Rendition(String name, long declaredBps, long measuredBps, int segmentSeconds) {
        /** Its own media playlist was read: a player can start it. */
        public boolean live() {
            return segmentSeconds > 0;
        }
    }

    private static String renditionFacts(List<Rendition> renditions) {
        return String.join(", ", renditions.stream().map(r -> r.name() + (r.live() ? " live" : " not answering")).toList());
    }

    /** The rendition that weighs most: viewers with a good connection take it, so planning for it is the safe side. */
    public static Optional<Rendition> highest(List<Rendition> renditions) {
        return renditions.stream().filter(r -> r.measuredBps() > 0).max(java.util.Comparator.comparingLong(Rendition::measuredBps));
    }

    /** The stream's segment length (its playlists' target duration); 0 when no rendition was read. */
    public static int segmentSeconds(List<Rendition> renditions) {
        return renditions.stream().mapToInt(Rendition::segmentSeconds).filter(s -> s > 0).findFirst().orElse(0);
    }

    /** How many of a rendition's newest segments are weighed. */
    private static final int MEASURED_SEGMENTS = 3;
    /** More renditions than an AMS adaptive ladder has are not weighed: the check stays quick. */
    private static final int MEASURED_RENDITIONS = 5;
    private static final ObjectMapper JSON = new ObjectMapper();
    private final Duration timeout;

    public OriginCheck(Duration timeout) {
        this.timeout = timeout;
    }

    public static OriginCheck standard() {
        return new OriginCheck(Duration.ofSeconds(4));
    }

    public Report run(Plan.Origin origin, String streamId) throws InterruptedException {
        List<Check> checks = new ArrayList<>();
        String host = origin.domain();
        InetAddress[] addresses;
        try {
            addresses = InetAddress.getAllByName(host);
        } catch (UnknownHostException e) {
            checks.add(Check.red("dns", Messages.get("origin.check.dns.unknown", host), e.toString()));
            return new Report(checks, List.of(), Optional.empty(), false, List.of());
        }
        String listed = String.join(", ", Arrays.stream(addresses).map(InetAddress::getHostAddress).toList());
        Optional<InetAddress> hidden = Arrays.stream(addresses).filter(OriginCheck::notOnTheInternet).findFirst();
        checks.add(hidden.isPresent()
                ? Check.amber("dns", Messages.get("origin.check.dns.private", host, hidden.get().getHostAddress()), listed)
                : Check.green("dns", Messages.get("origin.check.dns.ok", host), listed));

        int port = origin.port();
        // CloudFront may use any of the addresses the name has: each must answer.
        List<String> answering = new ArrayList<>();
        List<String> silent = new ArrayList<>();
        IOException firstFailure = null;
        for (InetAddress address : addresses) {
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress(address, port), (int) timeout.toMillis());
                answering.add(address.getHostAddress());
            } catch (IOException e) {
                silent.add(address.getHostAddress());
                firstFailure = firstFailure == null ? e : firstFailure;
            }
        }
        if (answering.isEmpty()) {
            String why = firstFailure instanceof SocketTimeoutException ? Messages.get("origin.check.port.timeout", port, timeout.toSeconds())
                    : firstFailure instanceof ConnectException ? Messages.get("origin.check.port.refused", port)
                    : Messages.get("origin.check.port.failed", port);
            checks.add(Check.red("port", why, String.valueOf(firstFailure)));
            return new Report(checks, List.of(), Optional.empty(), false, List.of());
        }
        checks.add(silent.isEmpty()
                ? Check.green("port", Messages.get("origin.check.port.ok", port), String.join(", ", answering) + " : " + port)
                : Check.amber("port", Messages.get("origin.check.port.some", port, String.join(", ", silent)),
                        "answers: " + String.join(", ", answering) + "; silent: " + String.join(", ", silent) + " (" + firstFailure + ")"));

        String base = origin.scheme() + "://" + host + ":" + port;
        HttpGet.Answer root = get(URI.create(base + "/"));
        if (root.failure() != null) {
            String why = root.failure() instanceof SSLException ? Messages.get("origin.check.http.tls", host)
                    : root.failure() instanceof HttpTimeoutException ? Messages.get("origin.check.http.silent", port, timeout.toSeconds())
                    : Messages.get("origin.check.http.failed");
            checks.add(Check.red("http", why, root.facts()));
            return new Report(checks, List.of(), Optional.empty(), false, List.of());
        }
        // Green only for a page (2xx after redirects): AMS serves its web panel at the root.
        checks.add(root.status() >= 500
                ? Check.red("http", Messages.get("origin.check.http.serverError", root.status()), root.facts("Server"))
                : root.ok() ? Check.green("http", Messages.get("origin.check.http.ok", origin.scheme().toUpperCase(Locale.ROOT)), root.facts("Server"))
                : Check.amber("http", Messages.get("origin.check.http.odd", origin.scheme().toUpperCase(Locale.ROOT), root.status()),
                        root.facts("Server")));
        if (root.status() >= 500) {
            return new Report(checks, List.of(), Optional.empty(), false, List.of());
        }

        String app = origin.application();
        HttpGet.Answer appAnswer = get(URI.create(base + "/" + app + "/"));
        String appFacts = appAnswer.facts() + " for /" + app + "/";
        if (appAnswer.status() == 404) {
            List<String> others = new ArrayList<>();
            for (String known : Plan.Origin.KNOWN_APPLICATIONS) {
                if (!known.equals(app) && get(URI.create(base + "/" + known + "/")).ok()) {
                    others.add(known);
                }
            }
            checks.add(Check.red("application", others.isEmpty()
                    ? Messages.get("origin.check.app.missing", app)
                    : Messages.get("origin.check.app.missingTry", app, String.join(", ", others)), appFacts));
            return new Report(checks, List.of(), Optional.empty(), false, List.of());
        }
        if (!appAnswer.ok()) {
            // Only a 2xx (after redirects) shows the application is there; anything else is said as it is.
            Check odd = appAnswer.failure() != null
                    ? Check.red("application", Messages.get("origin.check.app.silent", app, timeout.toSeconds()), appFacts)
                    : appAnswer.status() == 401 || appAnswer.status() == 403
                    ? Check.amber("application", Messages.get("origin.check.app.refused", app, appAnswer.status()), appFacts)
                    : appAnswer.status() >= 500
                    ? Check.red("application", Messages.get("origin.check.app.serverError", app, appAnswer.status()), appFacts)
                    : Check.amber("application", Messages.get("origin.check.app.odd", app, appAnswer.status()), appFacts);
            checks.add(odd);
            if (odd.mark() == Check.Mark.RED) {
                return new Report(checks, List.of(), Optional.empty(), false, List.of());
            }
        } else {
            checks.add(Check.green("application", Messages.get("origin.check.app.ok", app), appFacts));
        }

        List<String> live = new ArrayList<>();
        HttpGet.Answer list = get(URI.create(base + "/" + app + "/rest/v2/broadcasts/list/0/50"));
        if (list.status() == 200) {
            try {
                JsonNode all = JSON.readTree(list.text());
                if (all == null || !all.isArray()) {
                    throw new IOException("not a list of broadcasts");
                }
                for (JsonNode b : all) {
                    if ("broadcasting".equals(b.path("status").asText())) {
                        live.add(b.path("streamId").asText());
                    }
                }
                checks.add(live.isEmpty()
                        ? Check.amber("streams", Messages.get("origin.check.streams.none"), list.text())
                        : Check.green("streams", Messages.get("origin.check.streams.live", live.size(), String.join(", ", live)), list.text()));
            } catch (IOException e) {
                checks.add(Check.amber("streams", Messages.get("origin.check.streams.unreadable"), e.toString()));
            }
        } else if (list.status() == 403) {
            checks.add(Check.amber("streams", Messages.get("origin.check.streams.refused"), "HTTP 403 " + list.text()));
        } else {
            checks.add(Check.amber("streams", Messages.get("origin.check.streams.unreadable"), list.facts()));
        }

        Optional<Integer> suggestion = Optional.empty();
        boolean lowLatency = false;
        List<Rendition> renditions = List.of();
        if (streamId != null && !streamId.isBlank()) {
            String path = "/" + app + "/streams/" + streamId.trim() + ".m3u8";
            HttpGet.Answer playlist = get(URI.create(base + path), "Origin", "https://player.example");
            Optional<HlsPlaylist> parsed = playlist.status() == 200 ? HlsPlaylist.parse(playlist.text()).filter(p -> p.defect().isEmpty())
                    : Optional.empty();
            String facts = playlist.facts("Cache-Control", "Access-Control-Allow-Origin")
                    + (playlist.header("Access-Control-Allow-Origin").isPresent() ? "" : ", no CORS header");
            if (parsed.isPresent()) {
                HlsPlaylist p = parsed.get();
                int target = Math.max(1, p.targetDuration());
                renditions = measure(URI.create(base + path), p);
                List<Rendition> liveRenditions = renditions.stream().filter(Rendition::live).toList();
                // A master playlist is only a list: the stream is live when a rendition's own playlist is.
                if (p.master() && liveRenditions.isEmpty()) {
                    checks.add(Check.red("playlist", Messages.get("origin.check.playlist.noRendition", streamId.trim(), renditions.size()),
                            facts + "; " + renditionFacts(renditions)));
                } else {
                    target = p.master() ? Math.max(1, segmentSeconds(liveRenditions)) : target;
                    suggestion = Optional.of(Math.max(1, target / 2));
                    checks.add(p.master() && liveRenditions.size() < renditions.size()
                            ? Check.amber("playlist", Messages.get("origin.check.playlist.someRenditions", streamId.trim(),
                                    String.join(", ", renditions.stream().filter(r -> !r.live()).map(Rendition::name).toList()),
                                    liveRenditions.size(), renditions.size()), facts + "; " + renditionFacts(renditions))
                            : Check.green("playlist", Messages.get("origin.check.playlist.ok", streamId.trim(), target,
                                    p.mediaSequence(), p.master() ? p.variants().size() : p.segments().size(), suggestion.get()), facts));
                    if (p.lowLatency()) {
                        lowLatency = true;
                        checks.add(Check.green("llhls", Messages.get("origin.check.llhls", String.valueOf(p.partTarget())), facts));
                    }
                    checks.add(bitrateLine(liveRenditions));
                }
            } else if (playlist.status() == 401 || playlist.status() == 403) {
                // AMS's own token check (play token, JWT, hash, TOTP) refuses a request without one, as CloudFront's would be.
                String said = playlist.text().strip();
                checks.add(Check.amber("playlist", Messages.get(live.contains(streamId.trim()) ? "origin.check.playlist.tokensLive"
                        : "origin.check.playlist.tokens", streamId.trim(), playlist.status()), facts + (said.isEmpty() ? "" : "; \u201c"
                        + said.substring(0, Math.min(200, said.length())) + "\u201d")));
            } else if (playlist.status() == 404) {
                checks.add(Check.amber("playlist", Messages.get("origin.check.playlist.notLive", streamId.trim(), host, app), facts));
            } else if (playlist.failure() != null || playlist.status() >= 500) {
                checks.add(Check.red("playlist", Messages.get("origin.check.playlist.failed", streamId.trim(),
                        playlist.failure() != null ? playlist.failureInWords() : "HTTP " + playlist.status()), facts));
            } else {
                checks.add(Check.amber("playlist", Messages.get("origin.check.playlist.odd", streamId.trim()), facts));
            }
        }
        return new Report(checks, List.copyOf(live), suggestion, lowLatency, renditions);
    }

    /**
     * The renditions of the stream at any playlist address (the server's or the distribution's),
     * weighed; empty when the playlist cannot be read.
     */
    public List<Rendition> renditions(URI playlistUrl) throws InterruptedException {
        HttpGet.Answer answer = get(playlistUrl);
        Optional<HlsPlaylist> playlist = answer.status() == 200 ? HlsPlaylist.parse(answer.text()).filter(p -> p.defect().isEmpty())
                : Optional.empty();
        return playlist.isPresent() ? measure(answer.uri() != null ? answer.uri() : playlistUrl, playlist.get()) : List.of();
    }

    /** Each rendition's bitrate from its newest segments: a master playlist's variants, or the media playlist itself. */
    private List<Rendition> measure(URI playlistUrl, HlsPlaylist playlist) throws InterruptedException {
        List<Rendition> out = new ArrayList<>();
        if (!playlist.master()) {
            out.add(new Rendition(Messages.get("origin.check.bitrate.single"), 0, weigh(playlistUrl, playlist), playlist.targetDuration()));
            return out;
        }
        for (HlsPlaylist.Variant v : playlist.variants().subList(0, Math.min(MEASURED_RENDITIONS, playlist.variants().size()))) {
            HttpGet.Answer answer = get(playlistUrl.resolve(v.uri()));
            URI media = answer.uri() != null ? answer.uri() : playlistUrl.resolve(v.uri());
            Optional<HlsPlaylist> mediaPlaylist = answer.ok() ? HlsPlaylist.parse(answer.text())
                    .filter(m -> !m.master() && m.defect().isEmpty() && m.targetDuration() > 0) : Optional.empty();
            long measured = mediaPlaylist.isPresent() ? weigh(media, mediaPlaylist.get()) : 0;
            out.add(new Rendition(v.resolution().isEmpty() ? v.uri() : v.resolution(), v.bandwidth(), measured,
                    mediaPlaylist.map(HlsPlaylist::targetDuration).orElse(0)));
        }
        return out;
    }

    /** Bits per second of a media playlist's newest segments, as fetched; 0 when none could be fetched. */
    private long weigh(URI mediaUrl, HlsPlaylist media) throws InterruptedException {
        List<HlsPlaylist.Segment> segments = media.segments();
        long bytes = 0;
        double seconds = 0;
        for (HlsPlaylist.Segment s : segments.subList(Math.max(0, segments.size() - MEASURED_SEGMENTS), segments.size())) {
            HttpGet.Answer answer = get(mediaUrl.resolve(s.uri()));
            if (answer.ok() && !answer.truncated() && s.duration() > 0) {
                bytes += answer.body().length;
                seconds += s.duration();
            }
        }
        return HlsPlaylist.bitrate(bytes, seconds);
    }

    /** Green with each rendition's figure when every one was weighed; amber with what could not be. */
    static Check bitrateLine(List<Rendition> renditions) {
        String figures = String.join(", ", renditions.stream().map(r -> Messages.get("origin.check.bitrate.one", r.name(),
                mbits(r.measuredBps()), r.declaredBps() > 0 ? Messages.get("origin.check.bitrate.declared", mbits(r.declaredBps())) : ""))
                .toList());
        String detail = String.join("; ", renditions.stream().map(r -> r.name() + ": measured " + r.measuredBps()
                + " bit/s, declared " + r.declaredBps() + " bit/s").toList());
        boolean all = !renditions.isEmpty() && renditions.stream().allMatch(r -> r.measuredBps() > 0);
        return all ? Check.green("bitrate", Messages.get("origin.check.bitrate", figures), detail)
                : Check.amber("bitrate", Messages.get("origin.check.bitrate.unknown"), detail);
    }

    private static String mbits(long bps) {
        return String.format(java.util.Locale.ROOT, "%.2f", bps / 1_000_000.0);
    }

    /** Loopback, private, link-local or carrier-grade NAT: places CloudFront cannot reach from the internet. */
    static boolean notOnTheInternet(InetAddress a) {
        byte[] b = a.getAddress();
        boolean cgnat = b.length == 4 && (b[0] & 0xFF) == 100 && (b[1] & 0xC0) == 64;
        boolean uniqueLocal = b.length == 16 && (b[0] & 0xFE) == 0xFC;
        return a.isLoopbackAddress() || a.isSiteLocalAddress() || a.isLinkLocalAddress() || a.isAnyLocalAddress()
                || cgnat || uniqueLocal;
    }

    private HttpGet.Answer get(URI uri, String... headers) throws InterruptedException {
        return HttpGet.get(uri, timeout, headers);
    }
}
