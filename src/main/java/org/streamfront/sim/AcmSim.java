package org.streamfront.sim;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * AWS Certificate Manager's JSON 1.1 API for the calls StreamFront makes (RequestCertificate,
 * DescribeCertificate, ListCertificates, DeleteCertificate), in every region the request is signed
 * for. A DNS-validated certificate is issued once its validation CNAME has been visible in the
 * practice DNS for {@link #validationDelay}; one still pending after {@link #validationTimeout} times
 * out, as ACM's 72 hours do.
 */
final class AcmSim {
    static final String TARGET_PREFIX = "CertificateManager.";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern REGION = Pattern.compile("Credential=[^/]+/\\d{8}/([a-z0-9-]+)/");

    private final PracticeDns dns;
    /** Which distributions use a certificate, by its ARN (ACM's InUseBy). */
    private final Function<String, List<String>> usedBy;
    private final Map<String, Cert> certificates = new LinkedHashMap<>();
    private final Object lock;
    private volatile Duration validationDelay = Duration.ofSeconds(2);
    private volatile Duration validationTimeout = Duration.ofHours(72);

    private static final class Cert {
        final String arn;
        final String region;
        final String domain;
        final String token;
        final Instant created;
        final String recordName;
        final String recordValue;
        String status = "PENDING_VALIDATION";
        Instant recordSeenSince;

        Cert(String arn, String region, String domain, String token, Instant created) {
            this.arn = arn;
            this.region = region;
            this.domain = domain;
            this.token = token;
            this.created = created;
            String base = domain.startsWith("*.") ? domain.substring(2) : domain;
            String id = UUID.nameUUIDFromBytes(arn.getBytes()).toString().replace("-", "");
            this.recordName = "_" + id.substring(0, 16) + "." + base;
            this.recordValue = "_" + id.substring(16) + ".practice.acm-validations.aws";
        }
    }

    /**
     * {@code lock}: the practice CloudFront API's own, since a certificate's users are its distributions
     * and it asks us back while it holds that lock (an update checks its certificate). One lock for both
     * keeps a certificate's description and a distribution's update from each waiting on the other.
     */
    AcmSim(PracticeDns dns, Function<String, List<String>> usedBy, Object lock) {
        this.dns = dns;
        this.usedBy = usedBy;
        this.lock = lock;
    }

    void validationDelay(Duration delay) {
        validationDelay = delay;
    }

    void validationTimeout(Duration timeout) {
        validationTimeout = timeout;
    }

    /** Whether the certificate exists in us-east-1, is issued and covers {@code host}: what CloudFront checks. */
    Optional<String> problemFor(String arn, String host) {
        synchronized (lock) {
            return problem(arn, host);
        }
    }

    private Optional<String> problem(String arn, String host) {
        Cert c = certificates.get(arn);
        if (c == null || !c.region.equals("us-east-1")) {
            return Optional.of("The specified SSL certificate doesn't exist, isn't in us-east-1 region, isn't valid,"
                    + " or doesn't include a valid certificate chain.");
        }
        refresh(c, Instant.now());
        if (!c.status.equals("ISSUED")) {
            return Optional.of("The specified SSL certificate isn't valid: its status is " + c.status + ".");
        }
        if (!covers(c.domain, host)) {
            return Optional.of("The certificate that is attached to your distribution doesn't cover the alternate domain name (CNAME)"
                    + " that you're trying to add.");
        }
        return Optional.empty();
    }

    /** A certificate issued long ago in us-east-1, as if made in the console: for scenes that start with one. */
    String issued(String domain) {
        synchronized (lock) {
            String arn = "arn:aws:acm:us-east-1:" + CloudFrontSimulator.ACCOUNT_ID + ":certificate/" + UUID.randomUUID();
            Cert c = new Cert(arn, "us-east-1", domain.toLowerCase(Locale.ROOT), null, Instant.now());
            c.status = "ISSUED";
            certificates.put(arn, c);
            return arn;
        }
    }

    int count() {
        synchronized (lock) {
            return certificates.size();
        }
    }

    static boolean covers(String certDomain, String host) {
        String h = host.toLowerCase(Locale.ROOT);
        if (certDomain.startsWith("*.")) {
            String base = certDomain.substring(2);
            return h.endsWith("." + base) && h.indexOf('.') == h.length() - base.length() - 1;
        }
        return certDomain.equals(h);
    }

    /** Carries out a call and gives the answer to send: ACM's JSON, or an error with its {@code __type}. */
    ObjectNode apply(HttpExchange exchange, String operation, byte[] body, boolean denied) {
        if (denied) {
            return fault("AccessDeniedException", "User: " + CloudFrontSimulator.IDENTITY_ARN
                    + " is not authorized to perform: acm:" + operation + " because no identity-based policy allows the acm:" + operation + " action");
        }
        JsonNode request;
        try {
            request = JSON.readTree(body);
        } catch (IOException e) {
            return fault("SerializationException", "The request body is not JSON.");
        }
        if (request == null || !request.isObject()) {
            return fault("SerializationException", "The request body is not a JSON object.");
        }
        String region = region(exchange);
        synchronized (lock) {
            return switch (operation) {
                case "RequestCertificate" -> request(request, region);
                case "DescribeCertificate" -> describe(request, region);
                case "ListCertificates" -> list(request, region);
                case "DeleteCertificate" -> delete(request, region);
                default -> fault("InvalidAction", "The practice ACM does not answer " + operation + ".");
            };
        }
    }

    static void send(HttpExchange exchange, ObjectNode answer) throws IOException {
        if (answer.has("__type")) {
            String type = answer.get("__type").asText();
            exchange.getResponseHeaders().set("x-amzn-ErrorType", type);
            SimHttp.sendText(exchange, 400, "application/x-amz-json-1.1", answer.toString());
            return;
        }
        SimHttp.sendText(exchange, 200, "application/x-amz-json-1.1", answer.toString());
    }

    private static String region(HttpExchange exchange) {
        String auth = String.valueOf(exchange.getRequestHeaders().getFirst("Authorization"));
        Matcher m = REGION.matcher(auth);
        return m.find() ? m.group(1) : "us-east-1";
    }

    private ObjectNode request(JsonNode r, String region) {
        String domain = r.path("DomainName").asText("").toLowerCase(Locale.ROOT);
        if (domain.isEmpty() || domain.length() > 253 || !domain.matches("(\\*\\.)?([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\\.)+[a-z]{2,63}")) {
            return fault("ValidationException", "1 validation error detected: Value '" + domain + "' at 'domainName' failed to satisfy constraint");
        }
        if (!"DNS".equals(r.path("ValidationMethod").asText("EMAIL"))) {
            return fault("InvalidParameterException", "The practice ACM validates by DNS only.");
        }
        String token = r.path("IdempotencyToken").asText(null);
        Instant now = Instant.now();
        if (token != null) {
            // ACM returns the same certificate for the same token and name within an hour.
            for (Cert c : certificates.values()) {
                if (token.equals(c.token) && c.domain.equals(domain) && c.region.equals(region)
                        && c.created.isAfter(now.minus(Duration.ofHours(1)))) {
                    return JSON.createObjectNode().put("CertificateArn", c.arn);
                }
            }
        }
        String arn = "arn:aws:acm:" + region + ":" + CloudFrontSimulator.ACCOUNT_ID + ":certificate/" + UUID.randomUUID();
        certificates.put(arn, new Cert(arn, region, domain, token, now));
        return JSON.createObjectNode().put("CertificateArn", arn);
    }

    private Cert find(JsonNode r, String region) {
        Cert c = certificates.get(r.path("CertificateArn").asText(""));
        return c != null && c.region.equals(region) ? c : null;
    }

    private ObjectNode notFound(JsonNode r) {
        return fault("ResourceNotFoundException", "Could not find certificate " + r.path("CertificateArn").asText("") + ".");
    }

    /** Pending becomes issued once the record has stood long enough, or timed out once ACM gives up. */
    private void refresh(Cert c, Instant now) {
        if (!c.status.equals("PENDING_VALIDATION")) {
            return;
        }
        boolean visible = dns.lookup(c.recordName, "CNAME").contains(c.recordValue);
        if (!visible) {
            c.recordSeenSince = null;
        } else if (c.recordSeenSince == null) {
            c.recordSeenSince = now;
        }
        if (c.recordSeenSince != null && !now.isBefore(c.recordSeenSince.plus(validationDelay))) {
            c.status = "ISSUED";
        } else if (!now.isBefore(c.created.plus(validationTimeout))) {
            c.status = "VALIDATION_TIMED_OUT";
        }
    }

    private ObjectNode describe(JsonNode r, String region) {
        Cert c = find(r, region);
        if (c == null) {
            return notFound(r);
        }
        refresh(c, Instant.now());
        ObjectNode out = JSON.createObjectNode();
        ObjectNode cert = out.putObject("Certificate");
        cert.put("CertificateArn", c.arn).put("DomainName", c.domain).put("Status", c.status).put("Type", "AMAZON_ISSUED")
                .put("CreatedAt", c.created.getEpochSecond()).put("KeyAlgorithm", "RSA_2048");
        cert.putArray("SubjectAlternativeNames").add(c.domain);
        ArrayNode inUse = cert.putArray("InUseBy");
        usedBy.apply(c.arn).forEach(inUse::add);
        ObjectNode option = cert.putArray("DomainValidationOptions").addObject();
        option.put("DomainName", c.domain).put("ValidationDomain", c.domain).put("ValidationMethod", "DNS")
                .put("ValidationStatus", c.status.equals("ISSUED") ? "SUCCESS" : c.status.equals("PENDING_VALIDATION") ? "PENDING_VALIDATION" : "FAILED");
        option.putObject("ResourceRecord").put("Name", c.recordName + ".").put("Type", "CNAME").put("Value", c.recordValue + ".");
        if (c.status.equals("VALIDATION_TIMED_OUT")) {
            cert.put("FailureReason", "NO_AVAILABLE_CONTACTS");
        }
        return out;
    }

    private ObjectNode list(JsonNode r, String region) {
        List<String> statuses = new ArrayList<>();
        r.path("CertificateStatuses").forEach(s -> statuses.add(s.asText()));
        ObjectNode out = JSON.createObjectNode();
        ArrayNode items = out.putArray("CertificateSummaryList");
        Instant now = Instant.now();
        for (Cert c : certificates.values()) {
            refresh(c, now);
            if (c.region.equals(region) && (statuses.isEmpty() || statuses.contains(c.status))) {
                ObjectNode item = items.addObject().put("CertificateArn", c.arn).put("DomainName", c.domain).put("Status", c.status)
                        .put("Type", "AMAZON_ISSUED").put("InUse", !usedBy.apply(c.arn).isEmpty());
                item.putArray("SubjectAlternativeNameSummaries").add(c.domain);
            }
        }
        return out;
    }

    private ObjectNode delete(JsonNode r, String region) {
        Cert c = find(r, region);
        if (c == null) {
            return notFound(r);
        }
        if (!usedBy.apply(c.arn).isEmpty()) {
            return fault("ResourceInUseException", "Certificate " + c.arn + " is in use.");
        }
        certificates.remove(c.arn);
        return JSON.createObjectNode();
    }

    private static ObjectNode fault(String type, String message) {
        return JSON.createObjectNode().put("__type", type).put("message", message);
    }
}
