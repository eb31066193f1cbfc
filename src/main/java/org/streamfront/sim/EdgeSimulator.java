package org.streamfront.sim;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import org.streamfront.access.EdgeCheck;
import org.streamfront.playback.PracticeEdge;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A CloudFront edge on loopback. It routes by Host like a CDN, and also gives every distribution
 * an address of its own (a port) for players that cannot set a Host header. It applies the
 * distribution's config: origin, path patterns, TTLs against the origin's Cache-Control, error
 * caching, the cache key (query strings, headers) from cache policies or the older fields, CORS
 * added at the edge, Origin Shield between its edge locations and the origin, and collapses
 * simultaneous misses into one request. Answers carry X-Cache, Age, Via and X-Amz-Cf-Pop.
 */
public final class EdgeSimulator implements AutoCloseable {
    public static final String POP = "SIM50-P1";
    /** Test viewers name the edge location they reach (CloudFront's DNS picks it for real viewers). */
    public static final String POP_HEADER = "X-StreamFront-Sim-Pop";
    /** {@code GET <edge>/.practice/address-of/<domain>} answers {@link #addressOf} for the app in another process. */
    public static final String ADDRESS_OF = PracticeEdge.ADDRESS_OF;
    private static final Pattern MAX_AGE = Pattern.compile("(?:s-maxage|max-age)\\s*=\\s*(\\d+)");
    private static final List<String> PASSED_BACK = List.of("Content-Type", "Cache-Control", "ETag", "Last-Modified",
            "Access-Control-Allow-Origin", "Access-Control-Allow-Methods", "Access-Control-Allow-Headers", "Location");
    private static final List<Integer> CACHEABLE_ERRORS = List.of(400, 403, 404, 405, 414, 416, 500, 501, 502, 503, 504);

    private final CloudFrontSimulator api;
    private final HttpServer shared;
    private final Map<String, HttpServer> ownAddresses = new ConcurrentHashMap<>();
    /** Each simulated edge location's cache, by POP name; a viewer picks one with {@link #POP_HEADER}. */
    private final Map<String, Layer> pops = new ConcurrentHashMap<>();
    /** The practice DNS the edge resolves origin host names with first (a name per server of a practice cluster). */
    private final Map<String, String> practiceHosts = new ConcurrentHashMap<>();
    /** Origin Shield's cache, one per distribution and region. */
    private final Map<String, Layer> shields = new ConcurrentHashMap<>();
    private final HttpClient client = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10))
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();

    private record Entry(int status, Map<String, String> headers, byte[] body, long fetchedNanos, long ttlSeconds) {
        boolean fresh(long now) {
            return now - fetchedNanos < ttlSeconds * 1_000_000_000L;
        }
    }

    private EdgeSimulator(CloudFrontSimulator api) throws IOException {
        this.api = api;
        this.shared = SimHttp.start(this::serveShared);
    }

    public static EdgeSimulator start(CloudFrontSimulator api) {
        try {
            return new EdgeSimulator(api);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The edge's shared address: send {@code Host: <distribution domain>} to reach a distribution. */
    public URI uri() {
        return SimHttp.uri(shared);
    }

    /** An address that serves only this distribution, for players that cannot set a Host header. */
    public URI addressOf(String domain) {
        String key = domain.toLowerCase(Locale.ROOT);
        HttpServer server = ownAddresses.computeIfAbsent(key, d -> {
            try {
                return SimHttp.start(exchange -> serve(exchange, d));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        return SimHttp.uri(server);
    }

    /** Makes {@code host} resolve to a loopback address for the edge's origin requests. */
    public void resolve(String host, String loopbackAddress) {
        practiceHosts.put(host.toLowerCase(Locale.ROOT), loopbackAddress);
    }

    private String originBase(EdgeConfig origin) {
        String ip = practiceHosts.get(origin.originDomain().toLowerCase(Locale.ROOT));
        return ip == null ? origin.originBase() : origin.originBase().replaceFirst("://[^:/]+", "://" + ip);
    }

    /** Routes by Host, and tells another process a distribution's own address (see {@link #ADDRESS_OF}). */
    private void serveShared(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        if (path.startsWith(ADDRESS_OF)) {
            SimHttp.sendText(exchange, 200, "text/plain", addressOf(path.substring(ADDRESS_OF.length())).toString());
            return;
        }
        serve(exchange, hostOf(exchange));
    }

    private static String hostOf(HttpExchange exchange) {
        String host = Optional.ofNullable(exchange.getRequestHeaders().getFirst("Host")).orElse("");
        int colon = host.lastIndexOf(':');
        return (colon > 0 ? host.substring(0, colon) : host).toLowerCase(Locale.ROOT);
    }

    private void serve(HttpExchange exchange, String domain) throws IOException {
        setCdnHeaders(exchange);
        Optional<EdgeConfig> found = api.edgeConfig(domain);
        if (found.isEmpty()) {
            exchange.getResponseHeaders().set("X-Cache", "Error from cloudfront");
            SimHttp.sendText(exchange, 403, "text/html", "<html><h1>403 ERROR</h1><h2>The request could not be satisfied.</h2>"
                    + "Bad request. We can't connect to the server for this app or website at this time.</html>");
            return;
        }
        EdgeConfig config = found.get();
        String method = exchange.getRequestMethod();
        if (!List.of("GET", "HEAD", "OPTIONS").contains(method)) {
            exchange.getResponseHeaders().set("X-Cache", "Error from cloudfront");
            SimHttp.sendText(exchange, 403, "text/html", "<html><h1>403 ERROR</h1>This distribution is not configured to allow the HTTP request method that was used for this request.</html>");
            return;
        }
        String path = exchange.getRequestURI().getRawPath();
        String query = exchange.getRequestURI().getRawQuery();
        // CloudFront picks the behaviour by the path as asked, then runs its viewer-request function.
        EdgeConfig.Behavior behavior = config.behaviorFor(path);
        if (behavior.viewerFunction() != null) {
            EdgeCheck.Decision decision = viewerFunction(behavior.viewerFunction(), path, query);
            if (!decision.passes()) {
                refuse(exchange, decision);
                return;
            }
            path = decision.uri();
            query = null;
        }
        StringBuilder key = new StringBuilder(domain).append(' ').append(method.equals("OPTIONS") ? "OPTIONS " : "").append(path);
        String keptQuery = behavior.keptQuery(query);
        if (keptQuery != null) {
            key.append('?').append(keptQuery);
        }
        String pathAndQuery = path + (keptQuery != null ? "?" + keptQuery : "");
        Map<String, String> forwarded = new LinkedHashMap<>();
        for (String header : behavior.headers()) {
            String value = exchange.getRequestHeaders().getFirst(header);
            if (value != null) {
                forwarded.put(header, value);
                key.append('|').append(header).append('=').append(value);
            }
        }
        // One origin request to the origin (or, failing over, to the second one of its group).
        Function<EdgeConfig, HttpRequest.Builder> request = origin -> {
            HttpRequest.Builder r = HttpRequest.newBuilder(URI.create(originBase(origin) + pathAndQuery))
                    .timeout(Duration.ofSeconds(30))
                    .header("User-Agent", "Amazon CloudFront")
                    .method(method.equals("HEAD") ? "GET" : method, HttpRequest.BodyPublishers.noBody());
            forwarded.forEach(r::header);
            return r;
        };

        String cacheKey = key.toString();
        String pop = Optional.ofNullable(exchange.getRequestHeaders().getFirst(POP_HEADER)).orElse(POP);
        exchange.getResponseHeaders().set("X-Amz-Cf-Pop", pop);
        Function<Entry, Entry> fromOrigin = stale -> {
            Entry first = fetch(request.apply(config), behavior, config, stale);
            // An origin group: the first server's failure (or its not having the stream) sends the request to the second.
            return config.fallback() != null && config.failoverCodes().contains(first.status)
                    ? fetch(request.apply(config.fallback()), behavior, config, null) : first;
        };
        // With Origin Shield, every edge location's miss goes through one regional cache first.
        Function<Entry, Entry> onMiss = config.shieldRegion() == null ? fromOrigin
                : stale -> shields.computeIfAbsent(domain + "@" + config.shieldRegion(), k -> new Layer()).get(cacheKey, fromOrigin).entry();
        Layer.Got got = pops.computeIfAbsent(pop, k -> new Layer()).get(cacheKey, onMiss);
        Entry entry = got.entry();
        entry.headers.forEach((k, v) -> exchange.getResponseHeaders().set(k, v));
        if (behavior.corsAtEdge() && exchange.getRequestHeaders().containsKey("Origin") && !entry.headers.containsKey("Access-Control-Allow-Origin")) {
            exchange.getResponseHeaders().set("Access-Control-Allow-Origin", "*");
        }
        // CloudFront labels every error answer so, whether it came from the cache or not.
        exchange.getResponseHeaders().set("X-Cache", entry.status >= 400 ? "Error from cloudfront" : got.label());
        if (got.label().startsWith("Hit")) {
            exchange.getResponseHeaders().set("Age", String.valueOf((System.nanoTime() - entry.fetchedNanos) / 1_000_000_000L));
        }
        SimHttp.send(exchange, entry.status, null, entry.body);
        api.distributionIdOf(domain).ifPresent(id -> api.served(id, entry.status,
                method.equals("HEAD") || entry.body == null ? 0 : entry.body.length, got.label().startsWith("Hit")));
    }

    /** StreamFront's viewer check as the function would decide; code the practice edge cannot run answers 503. */
    private EdgeCheck.Decision viewerFunction(String arn, String path, String rawQuery) {
        Optional<EdgeCheck.Secrets> secrets = api.viewerCheck(arn);
        if (secrets.isEmpty()) {
            return new EdgeCheck.Decision(503, null, null, "The practice edge runs only StreamFront's own viewer function.");
        }
        return EdgeCheck.decide(URLDecoder.decode(path, StandardCharsets.UTF_8), CloudFrontSimulator.query(rawQuery), secrets.get(),
                java.time.Instant.now());
    }

    /** A function's own answer: never cached, CORS-readable, labelled as CloudFront labels answers a function made. */
    private static void refuse(HttpExchange exchange, EdgeCheck.Decision decision) throws IOException {
        exchange.getResponseHeaders().set("X-Cache", "FunctionGeneratedResponse from cloudfront");
        exchange.getResponseHeaders().set("Cache-Control", "no-store");
        exchange.getResponseHeaders().set("Access-Control-Allow-Origin", "*");
        if (decision.location() != null) {
            exchange.getResponseHeaders().set("Location", decision.location());
        }
        SimHttp.sendText(exchange, decision.status(), "text/plain; charset=utf-8",
                decision.reason() != null ? decision.reason() : "The stream moved to the address with the token in its path.");
    }

    /** One cache (an edge location's, or Origin Shield's): its entries, and simultaneous misses collapsed into one fetch. */
    private static final class Layer {
        private final Map<String, Entry> entries = new ConcurrentHashMap<>();
        private final Map<String, CompletableFuture<Entry>> inFlight = new ConcurrentHashMap<>();

        record Got(Entry entry, String label) {
        }

        /** The fresh entry for the key, or what {@code fetch} (given the stale entry, if any) brings. */
        Got get(String key, Function<Entry, Entry> fetch) {
            Entry cached = entries.get(key);
            if (cached != null && cached.fresh(System.nanoTime())) {
                return new Got(cached, "Hit from cloudfront");
            }
            CompletableFuture<Entry> mine = new CompletableFuture<>();
            CompletableFuture<Entry> running = inFlight.putIfAbsent(key, mine);
            if (running != null) {
                return new Got(running.join(), "Hit from cloudfront"); // collapsed onto another viewer's request
            }
            try {
                Entry fetched = fetch.apply(cached);
                entries.put(key, fetched);
                mine.complete(fetched);
                return new Got(fetched, cached != null && fetched.body == cached.body ? "RefreshHit from cloudfront" : "Miss from cloudfront");
            } catch (RuntimeException e) {
                mine.completeExceptionally(e);
                throw e;
            } finally {
                inFlight.remove(key, mine);
            }
        }
    }

    /** One origin request; a stale entry with an ETag is revalidated rather than fetched again. */
    private Entry fetch(HttpRequest.Builder request, EdgeConfig.Behavior behavior, EdgeConfig config, Entry stale) {
        String etag = stale == null ? null : stale.headers.get("ETag");
        if (etag != null && stale.status == 200) {
            request.header("If-None-Match", etag);
        }
        HttpResponse<byte[]> response;
        try {
            response = client.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            return errorEntry(config, 502, "CloudFront wasn't able to connect to the origin.");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return errorEntry(config, 504, "The origin did not answer in time.");
        }
        long now = System.nanoTime();
        Map<String, String> headers = new LinkedHashMap<>();
        for (String name : PASSED_BACK) {
            response.headers().firstValue(name).ifPresent(v -> headers.put(name, v));
        }
        int status = response.statusCode();
        if (status == 304 && stale != null) {
            return new Entry(stale.status, stale.headers, stale.body, now, ttl(behavior, response.headers().firstValue("Cache-Control")));
        }
        long ttl = status >= 400
                ? (CACHEABLE_ERRORS.contains(status) ? config.errorTtls().getOrDefault(status, EdgeConfig.DEFAULT_ERROR_TTL) : 0)
                : ttl(behavior, response.headers().firstValue("Cache-Control"));
        return new Entry(status, headers, response.body(), now, ttl);
    }

    private Entry errorEntry(EdgeConfig config, int status, String message) {
        Map<String, String> headers = Map.of("Content-Type", "text/html");
        long ttl = config.errorTtls().getOrDefault(status, EdgeConfig.DEFAULT_ERROR_TTL);
        return new Entry(status, headers, ("<html><h1>" + status + " ERROR</h1>" + message + "</html>").getBytes(), System.nanoTime(), ttl);
    }

    /** CloudFront's rule: the origin's max-age within [MinTTL, MaxTTL]; no-cache style headers mean MinTTL; none means DefaultTTL. */
    static long ttl(EdgeConfig.Behavior behavior, Optional<String> cacheControl) {
        if (cacheControl.isEmpty()) {
            return behavior.defaultTtl();
        }
        String cc = cacheControl.get().toLowerCase(Locale.ROOT);
        if (cc.contains("no-store") || cc.contains("no-cache") || cc.contains("private")) {
            return behavior.minTtl();
        }
        Matcher m = MAX_AGE.matcher(cc);
        if (m.find()) {
            long maxAge = Long.parseLong(m.group(1));
            return Math.max(behavior.minTtl(), Math.min(behavior.maxTtl(), maxAge));
        }
        return behavior.defaultTtl();
    }

    private static void setCdnHeaders(HttpExchange exchange) {
        exchange.getResponseHeaders().set("Via", "1.1 " + UUID.randomUUID().toString().replace("-", "") + ".cloudfront.net (CloudFront)");
        exchange.getResponseHeaders().set("X-Amz-Cf-Id", UUID.randomUUID().toString());
    }

    @Override
    public void close() {
        ownAddresses.values().forEach(SimHttp::stop);
        SimHttp.stop(shared);
    }
}
