package org.streamfront.sim;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The practice AWS on loopback, one endpoint for every service StreamFront calls: CloudFront and STS
 * ({@link CloudFrontApi}), ACM ({@link AcmSim}), Route 53 ({@link Route53Sim}), CloudWatch
 * ({@link CloudWatchSim}) and a public DNS ({@link PracticeDns}). The real AWS SDK and the AWS CLI
 * talk to it through an endpoint override. This class routes each request to its service, notes the
 * operation, and gives tests their controls: holds (a call kept unanswered until a crash test kills
 * its caller), injected faults, denied actions, deployment delays.
 */
public final class CloudFrontSimulator implements AutoCloseable {
    public static final String ACCOUNT_ID = "123456789012";
    public static final String IDENTITY_ARN = "arn:aws:iam::" + ACCOUNT_ID + ":user/practice";
    private static final String API = CloudFrontApi.API;

    private final HttpServer server;
    private final List<Hold> holds = new ArrayList<>();
    private final Set<String> answered = ConcurrentHashMap.newKeySet();
    private final List<Map.Entry<SimFault, String>> faults = new ArrayList<>();
    private final Set<String> denied = ConcurrentHashMap.newKeySet();
    private final Map<String, AtomicLong> calls = new ConcurrentHashMap<>();
    private final SimMetrics metrics = new SimMetrics();
    private final CloudFrontApi api = new CloudFrontApi(() -> this.acm, this::uri);
    private final CloudWatchSim cloudWatch = new CloudWatchSim(metrics, api.monitored::contains);
    /** Public DNS as practice mode sees it: the Route 53 zones' records and those added "by hand". */
    private final PracticeDns dns = new PracticeDns();
    private final AcmSim acm = new AcmSim(dns, api::usersOfCertificate, api);
    private final Route53Sim route53 = new Route53Sim(dns);
    private volatile Duration slowDelay = Duration.ofSeconds(3);

    private CloudFrontSimulator() throws IOException {
        server = SimHttp.start(this::handle);
        route53.addZone(PRACTICE_ZONE_ID, PRACTICE_ZONE);
    }

    /** The practice account's one Route 53 hosted zone; other domains (example.net) have their DNS elsewhere. */
    public static final String PRACTICE_ZONE = "example.org";
    public static final String PRACTICE_ZONE_ID = "Z0PRACTICEEXAMPLEORG";

    /** The practice public DNS: records added here are those a user types in at their DNS provider. */
    public PracticeDns dns() {
        return dns;
    }

    /** How long ACM takes to issue a certificate once its validation record is visible. */
    public void certificateValidationDelay(Duration delay) {
        acm.validationDelay(delay);
    }

    /** How long ACM waits for a validation record before giving up (ACM: 72 hours). */
    public void certificateValidationTimeout(Duration timeout) {
        acm.validationTimeout(timeout);
    }

    /** An issued us-east-1 certificate for the name, as one made earlier in the console; returns its ARN. */
    public String issuedCertificate(String domain) {
        return acm.issued(domain);
    }

    /** Certificates in every region. */
    public int certificateCount() {
        return acm.count();
    }

    /** The records of a practice hosted zone, as "name type value" lines. */
    public List<String> zoneRecords(String zoneId) {
        return route53.records(zoneId);
    }

    public static CloudFrontSimulator start() {
        try {
            return new CloudFrontSimulator();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public URI uri() {
        return SimHttp.uri(server);
    }

    /** How long a new or updated distribution stays InProgress. */
    public void deployDelay(Duration delay) {
        api.deployDelay = delay;
    }

    /**
     * How long until the edge serves a new distribution or a change (zero unless set; capped at
     * Deployed): before that a new distribution's address answers 403, a changed one as it was.
     */
    public void edgeDelay(Duration delay) {
        api.edgeDelay = delay;
    }

    public void slowDelay(Duration delay) {
        this.slowDelay = delay;
    }

    /** The next call of {@code operation} (e.g. "CreateDistribution", or "*" for any) fails this way. */
    public synchronized void inject(SimFault fault, String operation) {
        faults.add(Map.entry(fault, operation));
    }

    /**
     * Stops the call of {@code operation} that comes after {@code letThrough} others, before or after
     * carrying it out, and keeps its caller waiting for an answer until released: the moment a
     * crash test kills the caller. The connection then drops unanswered.
     */
    public synchronized Hold hold(String operation, int letThrough, boolean afterApplying) {
        Hold h = new Hold(operation, letThrough, afterApplying);
        holds.add(h);
        return h;
    }

    /** Takes a hold back, whether or not its call came: a waiting caller is let go, a later one is not stopped. */
    public synchronized void unhold(Hold hold) {
        holds.remove(hold);
        hold.release();
    }

    /** A call held on purpose; see {@link #hold}. */
    public static final class Hold {
        private final String operation;
        private final boolean afterApplying;
        private int letThrough;
        private final CountDownLatch reached = new CountDownLatch(1);
        private final CountDownLatch released = new CountDownLatch(1);

        private Hold(String operation, int letThrough, boolean afterApplying) {
            this.operation = operation;
            this.letThrough = letThrough;
            this.afterApplying = afterApplying;
        }

        /** Whether the held call arrived (and, if so, was carried out) within the time given. */
        public boolean awaitReached(Duration within) throws InterruptedException {
            return reached.await(within.toMillis(), TimeUnit.MILLISECONDS);
        }

        public void release() {
            released.countDown();
        }
    }

    private synchronized Hold takeHold(String operation) {
        for (Iterator<Hold> it = holds.iterator(); it.hasNext(); ) {
            Hold h = it.next();
            if (h.operation.equals(operation) && h.letThrough-- == 0) {
                it.remove();
                return h;
            }
        }
        return null;
    }

    /** Refuses an IAM action, e.g. "TagResource", as a policy without it would. */
    public void deny(String action) {
        denied.add(action);
    }

    public void allow(String action) {
        denied.remove(action);
    }

    private void count(String service, String operation) {
        calls.computeIfAbsent(operation, k -> new AtomicLong()).incrementAndGet();
        answered.add(service + ":" + operation);
    }

    /** Every operation asked of the simulators so far, as "service:Operation" (IAM's spelling), e.g. "acm:RequestCertificate". */
    public Set<String> operationsAsked() {
        return Set.copyOf(answered);
    }

    /** How many calls of an operation arrived (faulty ones included), or of all with "*". */
    public long calls(String operation) {
        return operation.equals("*")
                ? calls.values().stream().mapToLong(AtomicLong::get).sum()
                : calls.computeIfAbsent(operation, k -> new AtomicLong()).get();
    }

    /** When the distribution becomes (or became) Deployed: the known moment a benchmark measures from. */
    public Optional<Instant> deployedAt(String id) {
        return api.deployedAt(id);
    }

    /** Makes a distribution Deployed now. */
    public void finishDeployment(String id) {
        api.finishDeployment(id);
    }

    public int distributionCount() {
        return api.distributionCount();
    }

    public List<String> distributionIds() {
        return api.distributionIds();
    }

    /** What the edge needs to serve a domain: the config of an enabled distribution. */
    Optional<EdgeConfig> edgeConfig(String domain) {
        return api.edgeConfig(domain);
    }

    Optional<String> distributionIdOf(String domain) {
        return api.distributionIdOf(domain);
    }

    /** The names of the account's custom cache policies. */
    public List<String> cachePolicyNames() {
        return api.cachePolicyNames();
    }

    List<String> domains() {
        return api.domains();
    }

    /** The edge reports each answer it gave, and whether its cache had it, as CloudFront reports to CloudWatch. */
    void served(String distributionId, int status, long bytes, boolean fromCache) {
        metrics.record(distributionId, status, bytes, fromCache, Instant.now());
    }

    // ---- request handling ------------------------------------------------------------------

    private void handle(HttpExchange exchange) throws IOException {
        byte[] body = exchange.getRequestBody().readAllBytes();
        String path = exchange.getRequestURI().getRawPath();
        if (path.startsWith(CloudWatchSim.PREFIX)) {
            String operation = CloudWatchSim.operation(path);
            count("cloudwatch", operation);
            cloudWatch.handle(exchange, operation, body, denied.contains(operation));
            return;
        }
        String target = exchange.getRequestHeaders().getFirst("X-Amz-Target");
        if (target != null && target.startsWith(AcmSim.TARGET_PREFIX)) {
            String operation = target.substring(AcmSim.TARGET_PREFIX.length());
            count("acm", operation);
            if (!held(operation, () -> acm.apply(exchange, operation, body, denied.contains(operation)))) {
                AcmSim.send(exchange, acm.apply(exchange, operation, body, denied.contains(operation)));
            }
            return;
        }
        if (path.startsWith(Route53Sim.PREFIX)) {
            String operation = Route53Sim.operation(exchange.getRequestMethod(), path);
            count("route53", operation);
            Map<String, String> query = query(exchange.getRequestURI().getRawQuery());
            if (!held(operation, () -> route53.apply(exchange, operation, query, body, denied.contains(operation)))) {
                route53.apply(exchange, operation, query, body, denied.contains(operation)).send(exchange);
            }
            return;
        }
        if (path.startsWith(KVS_PREFIX)) {
            String operation = SimFunctions.dataOperation(exchange.getRequestMethod(), path);
            count("cloudfront-keyvaluestore", operation);
            SimFault fault = takeFault(operation);
            if (fault == SimFault.DROP_BEFORE) {
                return; // closing the exchange unanswered drops the connection
            }
            if (fault == SimFault.INTERNAL_ERROR || fault == SimFault.THROTTLING) {
                SimFunctions.DataAnswer failed = fault == SimFault.THROTTLING
                        ? SimFunctions.DataAnswer.error(400, "ThrottlingException", "Rate exceeded")
                        : SimFunctions.DataAnswer.error(500, "InternalServerException", "We encountered an internal error.");
                exchange.getResponseHeaders().set("x-amzn-ErrorType", failed.errorType());
                SimHttp.sendText(exchange, failed.status(), "application/json", failed.body());
                return;
            }
            if (!held(operation, () -> keyValueData(exchange, operation, path, body))) {
                SimFunctions.DataAnswer answer = keyValueData(exchange, operation, path, body);
                if (fault == SimFault.DROP_AFTER) {
                    return; // carried out, the answer lost
                }
                if (answer.errorType() != null) {
                    exchange.getResponseHeaders().set("x-amzn-ErrorType", answer.errorType());
                }
                if (answer.etag() != null) {
                    exchange.getResponseHeaders().set("ETag", answer.etag());
                }
                SimHttp.sendText(exchange, answer.status(), "application/json", answer.body());
            }
            return;
        }
        if (path.equals(PracticeDns.PATH)) {
            dns.handle(exchange, query(exchange.getRequestURI().getRawQuery()));
            return;
        }
        CloudFrontApi.Call call = new CloudFrontApi.Call(exchange, exchange.getRequestMethod(), path, query(exchange.getRequestURI().getRawQuery()), body);
        String operation = operation(call);
        count(operation.equals("GetCallerIdentity") ? "sts" : "cloudfront", operation);

        Hold hold = takeHold(operation);
        if (hold != null) {
            if (hold.afterApplying) {
                dispatch(operation, call, true);
            }
            hold.reached.countDown();
            awaitRelease(hold);
            return;
        }
        SimFault fault = takeFault(operation);
        if (fault != null) {
            switch (fault) {
                case THROTTLING -> {
                    CloudFrontApi.error(exchange, 400, "Throttling", "Rate exceeded");
                    return;
                }
                case INTERNAL_ERROR -> {
                    CloudFrontApi.error(exchange, 500, "InternalError", "We encountered an internal error. Please try again.");
                    return;
                }
                case SERVICE_UNAVAILABLE -> {
                    CloudFrontApi.error(exchange, 503, "ServiceUnavailable", "Service is unavailable. Please try again.");
                    return;
                }
                case SLOW -> pause(slowDelay);
                case DROP_BEFORE -> {
                    return; // closing the exchange unanswered drops the connection
                }
                case DROP_AFTER -> {
                    dispatch(operation, call, true);
                    return;
                }
                case STALE_ETAG -> {
                    api.staleEtag(call);
                }
            }
        }
        dispatch(operation, call, false);
    }

    /**
     * Whether a hold takes this call: then it is carried out first if the hold says so ({@code carryOut},
     * its answer dropped) and its caller kept waiting until the hold is released.
     */
    private boolean held(String operation, Runnable carryOut) {
        Hold hold = takeHold(operation);
        if (hold == null) {
            return false;
        }
        if (hold.afterApplying) {
            carryOut.run();
        }
        hold.reached.countDown();
        awaitRelease(hold);
        return true;
    }

    private static void awaitRelease(Hold hold) {
        try {
            hold.released.await(2, TimeUnit.MINUTES);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private synchronized SimFault takeFault(String operation) {
        for (Iterator<Map.Entry<SimFault, String>> it = faults.iterator(); it.hasNext(); ) {
            var f = it.next();
            if (f.getValue().equals("*") || f.getValue().equals(operation)) {
                it.remove();
                return f.getKey();
            }
        }
        return null;
    }

    private static void pause(Duration d) {
        try {
            Thread.sleep(d);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The KeyValueStore data plane; in AWS at {@code <account>.cloudfront-kvs.global.api.aws}. */
    static final String KVS_PREFIX = "/key-value-stores/";

    private SimFunctions.DataAnswer keyValueData(HttpExchange exchange, String operation, String path, byte[] body) {
        if (denied.contains(operation)) {
            return SimFunctions.DataAnswer.error(403, "AccessDeniedException", "User: " + IDENTITY_ARN
                    + " is not authorized to perform: cloudfront-keyvaluestore:" + operation);
        }
        return api.functions.data(operation, path, exchange.getRequestHeaders().getFirst("If-Match"),
                exchange.getRequestHeaders().getFirst("Authorization"), body);
    }

    /** The names of the account's functions and key value stores, for tests that count what is left. */
    public List<String> functionNames() {
        return api.functions.functionNames();
    }

    public List<String> keyValueStoreNames() {
        return api.functions.storeNames();
    }

    Optional<org.streamfront.access.EdgeCheck.Secrets> viewerCheck(String functionArn) {
        return api.viewerCheck(functionArn);
    }

    private static String operation(CloudFrontApi.Call c) {
        String p = c.path().startsWith(API) ? c.path().substring(API.length()) : c.path();
        if (c.method().equals("POST") && (p.equals("/") || p.isEmpty())) {
            return "GetCallerIdentity";
        }
        if (p.equals("/distribution")) {
            return c.method().equals("POST") ? (c.query().containsKey("WithTags") ? "CreateDistributionWithTags" : "CreateDistribution")
                    : c.method().equals("GET") ? "ListDistributions" : "Unknown";
        }
        if (p.equals("/tagging")) {
            return c.method().equals("GET") ? "ListTagsForResource"
                    : "Tag".equals(c.query().get("Operation")) ? "TagResource" : "Unknown";
        }
        if (p.matches("/distribution/[^/]+")) {
            return c.method().equals("GET") ? "GetDistribution" : c.method().equals("DELETE") ? "DeleteDistribution" : "Unknown";
        }
        if (p.equals("/cache-policy")) {
            return c.method().equals("POST") ? "CreateCachePolicy" : c.method().equals("GET") ? "ListCachePolicies" : "Unknown";
        }
        if (p.matches("/cache-policy/[^/]+")) {
            return c.method().equals("GET") ? "GetCachePolicy" : c.method().equals("DELETE") ? "DeleteCachePolicy" : "Unknown";
        }
        if (p.matches("/cache-policy/[^/]+/config")) {
            return c.method().equals("GET") ? "GetCachePolicyConfig" : "Unknown";
        }
        if (p.matches("/distributionsByCachePolicyId/[^/]+")) {
            return c.method().equals("GET") ? "ListDistributionsByCachePolicyId" : "Unknown";
        }
        if (p.matches("/distributions/[^/]+/monitoring-subscription")) {
            return switch (c.method()) {
                case "GET" -> "GetMonitoringSubscription";
                case "POST" -> "CreateMonitoringSubscription";
                case "DELETE" -> "DeleteMonitoringSubscription";
                default -> "Unknown";
            };
        }
        if (p.matches("/distribution/[^/]+/config")) {
            return c.method().equals("GET") ? "GetDistributionConfig" : c.method().equals("PUT") ? "UpdateDistribution" : "Unknown";
        }
        String functionsOrStores = SimFunctions.operation(c.method(), p, c.query());
        return functionsOrStores != null ? functionsOrStores : "Unknown";
    }

    private void dispatch(String operation, CloudFrontApi.Call c, boolean dropAnswer) throws IOException {
        if (denied.contains(operation) || operation.equals("CreateDistributionWithTags") && denied.contains("TagResource")) {
            String action = operation.equals("CreateDistributionWithTags") && denied.contains("TagResource") ? "TagResource" : operation;
            CloudFrontApi.error(c.exchange(), 403, "AccessDenied", "User: " + IDENTITY_ARN + " is not authorized to perform: cloudfront:"
                    + action + " on resource: arn:aws:cloudfront::" + ACCOUNT_ID + ":distribution/* because no"
                    + " identity-based policy allows the cloudfront:" + action + " action");
            return;
        }
        CloudFrontApi.Answer answer = api.answer(operation, c);
        if (dropAnswer) {
            return;
        }
        if (answer.errorCode() != null) {
            CloudFrontApi.error(c.exchange(), answer.status(), answer.errorCode(), answer.body());
            return;
        }
        if (answer.etag() != null) {
            c.exchange().getResponseHeaders().set("ETag", answer.etag());
        }
        if (answer.location() != null) {
            c.exchange().getResponseHeaders().set("Location", answer.location());
        }
        c.exchange().getResponseHeaders().set("x-amz-request-id", UUID.randomUUID().toString());
        SimHttp.sendText(c.exchange(), answer.status(), "text/xml", answer.body() == null ? "" : answer.body());
    }

    /** A raw query string decoded into its parameters in order (the last of a repeated name wins). */
    static Map<String, String> query(String raw) {
        Map<String, String> out = new java.util.LinkedHashMap<>(); // in the order given, as the edge function sees them
        if (raw == null || raw.isEmpty()) {
            return out;
        }
        for (String pair : raw.split("&")) {
            int eq = pair.indexOf('=');
            String key = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            out.put(key, eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
        }
        return out;
    }

    @Override
    public void close() {
        synchronized (this) {
            holds.forEach(Hold::release);
        }
        SimHttp.stop(server);
    }
}
