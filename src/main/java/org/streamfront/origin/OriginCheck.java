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
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
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
    /** Everything the check found: the checklist, the live streams (when AMS tells), a TTL suggestion. */
    public record Report(List<Check> checks, List<String> liveStreams, Optional<Integer> suggestedPlaylistTtl) {
        public boolean blocked() {
            return checks.stream().anyMatch(c -> c.mark() == Check.Mark.RED);
        }

        public List<Check> warnings() {
            return checks.stream().filter(c -> c.mark() != Check.Mark.GREEN).toList();
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private final Duration timeout;
    private final HttpClient http;

    public OriginCheck(Duration timeout) {
        this.timeout = timeout;
        this.http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(timeout)
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
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
            return new Report(checks, List.of(), Optional.empty());
        }
        String listed = String.join(", ", Arrays.stream(addresses).map(InetAddress::getHostAddress).toList());
        Optional<InetAddress> hidden = Arrays.stream(addresses).filter(OriginCheck::notOnTheInternet).findFirst();
        checks.add(hidden.isPresent()
                ? Check.amber("dns", Messages.get("origin.check.dns.private", host, hidden.get().getHostAddress()), listed)
                : Check.green("dns", Messages.get("origin.check.dns.ok", host), listed));

        int port = origin.port();
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(addresses[0], port), (int) timeout.toMillis());
        } catch (SocketTimeoutException e) {
            checks.add(Check.red("port", Messages.get("origin.check.port.timeout", port, timeout.toSeconds()), e.toString()));
            return new Report(checks, List.of(), Optional.empty());
        } catch (ConnectException e) {
            checks.add(Check.red("port", Messages.get("origin.check.port.refused", port), e.toString()));
            return new Report(checks, List.of(), Optional.empty());
        } catch (IOException e) {
            checks.add(Check.red("port", Messages.get("origin.check.port.failed", port), e.toString()));
            return new Report(checks, List.of(), Optional.empty());
        }
        checks.add(Check.green("port", Messages.get("origin.check.port.ok", port), addresses[0].getHostAddress() + ":" + port));

        String base = origin.scheme() + "://" + host + ":" + port;
        Answer root = get(URI.create(base + "/"));
        if (root.failure != null) {
            boolean tls = root.failure instanceof SSLException;
            checks.add(Check.red("http", tls ? Messages.get("origin.check.http.tls", host) : Messages.get("origin.check.http.failed"),
                    root.failure.toString()));
            return new Report(checks, List.of(), Optional.empty());
        }
        checks.add(Check.green("http", Messages.get("origin.check.http.ok", origin.scheme().toUpperCase()),
                "HTTP " + root.status + root.header("Server").map(s -> ", Server: " + s).orElse("")));

        String app = origin.application();
        Answer appAnswer = get(URI.create(base + "/" + app + "/"));
        if (appAnswer.status == 404) {
            List<String> others = new ArrayList<>();
            for (String known : Plan.Origin.KNOWN_APPLICATIONS) {
                if (!known.equals(app) && get(URI.create(base + "/" + known + "/")).status / 100 == 2) {
                    others.add(known);
                }
            }
            checks.add(Check.red("application", others.isEmpty()
                    ? Messages.get("origin.check.app.missing", app)
                    : Messages.get("origin.check.app.missingTry", app, String.join(", ", others)), "HTTP 404 for /" + app + "/"));
            return new Report(checks, List.of(), Optional.empty());
        }
        checks.add(Check.green("application", Messages.get("origin.check.app.ok", app), "HTTP " + appAnswer.status + " for /" + app + "/"));

        List<String> live = new ArrayList<>();
        Answer list = get(URI.create(base + "/" + app + "/rest/v2/broadcasts/list/0/50"));
        if (list.status == 200) {
            try {
                for (JsonNode b : JSON.readTree(list.body)) {
                    if ("broadcasting".equals(b.path("status").asText())) {
                        live.add(b.path("streamId").asText());
                    }
                }
                checks.add(live.isEmpty()
                        ? Check.amber("streams", Messages.get("origin.check.streams.none"), list.body)
                        : Check.green("streams", Messages.get("origin.check.streams.live", live.size(), String.join(", ", live)), list.body));
            } catch (IOException e) {
                checks.add(Check.amber("streams", Messages.get("origin.check.streams.unreadable"), e.toString()));
            }
        } else if (list.status == 403) {
            checks.add(Check.amber("streams", Messages.get("origin.check.streams.refused"), "HTTP 403 " + list.body));
        } else {
            checks.add(Check.amber("streams", Messages.get("origin.check.streams.unreadable"),
                    list.failure != null ? list.failure.toString() : "HTTP " + list.status));
        }

        Optional<Integer> suggestion = Optional.empty();
        if (streamId != null && !streamId.isBlank()) {
            String path = "/" + app + "/streams/" + streamId.trim() + ".m3u8";
            Answer playlist = get(URI.create(base + path), "Origin", "https://player.example");
            Optional<HlsPlaylist> parsed = playlist.status == 200 ? HlsPlaylist.parse(playlist.body) : Optional.empty();
            String facts = "HTTP " + playlist.status
                    + playlist.header("Cache-Control").map(v -> ", Cache-Control: " + v).orElse("")
                    + playlist.header("Access-Control-Allow-Origin").map(v -> ", Access-Control-Allow-Origin: " + v).orElse(", no CORS header");
            if (parsed.isPresent()) {
                HlsPlaylist p = parsed.get();
                int target = Math.max(1, p.targetDuration());
                suggestion = Optional.of(Math.max(1, target / 2));
                checks.add(Check.green("playlist", Messages.get("origin.check.playlist.ok", streamId.trim(), target,
                        p.mediaSequence(), p.master() ? p.variants().size() : p.segments().size(), suggestion.get()), facts));
            } else if (playlist.status == 404) {
                checks.add(Check.amber("playlist", Messages.get("origin.check.playlist.notLive", streamId.trim(), host, app), facts));
            } else {
                checks.add(Check.amber("playlist", Messages.get("origin.check.playlist.odd", streamId.trim()), facts));
            }
        }
        return new Report(checks, List.copyOf(live), suggestion);
    }

    /** Loopback, private, link-local or carrier-grade NAT: places CloudFront cannot reach from the internet. */
    static boolean notOnTheInternet(InetAddress a) {
        byte[] b = a.getAddress();
        boolean cgnat = b.length == 4 && (b[0] & 0xFF) == 100 && (b[1] & 0xC0) == 64;
        boolean uniqueLocal = b.length == 16 && (b[0] & 0xFE) == 0xFC;
        return a.isLoopbackAddress() || a.isSiteLocalAddress() || a.isLinkLocalAddress() || a.isAnyLocalAddress()
                || cgnat || uniqueLocal;
    }

    private record Answer(int status, String body, java.net.http.HttpHeaders headers, Exception failure) {
        Optional<String> header(String name) {
            return headers == null ? Optional.empty() : headers.firstValue(name);
        }
    }

    private Answer get(URI uri, String... headers) throws InterruptedException {
        try {
            HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(timeout).GET();
            for (int i = 0; i < headers.length; i += 2) {
                request.header(headers[i], headers[i + 1]);
            }
            HttpResponse<String> r = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Answer(r.statusCode(), r.body(), r.headers(), null);
        } catch (HttpTimeoutException e) {
            return new Answer(-1, "", null, e);
        } catch (IOException e) {
            return new Answer(-1, "", null, e.getCause() instanceof SSLException ssl ? ssl : e);
        }
    }
}
