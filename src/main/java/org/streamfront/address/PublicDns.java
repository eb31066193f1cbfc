package org.streamfront.address;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.streamfront.Messages;
import org.streamfront.origin.HttpGet;

/**
 * Looks names up in public DNS the way the rest of the internet sees them, through a DNS-over-HTTPS
 * resolver's JSON interface (Google Public DNS by default; {@value #ENDPOINT_VARIABLE} or practice
 * mode point it elsewhere). Not the computer's own resolver, whose cache and split-horizon views
 * can disagree with what ACM and viewers see.
 */
public final class PublicDns {
    public static final String ENDPOINT_VARIABLE = "STREAMFRONT_DNS_URL";
    static final URI GOOGLE = URI.create("https://dns.google/resolve");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Map<String, Integer> TYPES = Map.of("A", 1, "CNAME", 5, "AAAA", 28, "TXT", 16);

    private final URI endpoint;

    public PublicDns(URI endpoint) {
        this.endpoint = endpoint;
    }

    /** The resolver named by {@value #ENDPOINT_VARIABLE}, else Google Public DNS. */
    public static PublicDns standard() {
        String set = System.getenv(ENDPOINT_VARIABLE);
        return new PublicDns(set == null || set.isBlank() ? GOOGLE : URI.create(set.trim()));
    }

    /** What a lookup found: the values (host names without the final dot), or why it could not tell. */
    public record Seen(List<String> values, String problem) {
        public boolean answered() {
            return problem == null;
        }

        /** In words, for "sees … expected …" lines. */
        public String describe() {
            return problem != null ? problem : values.isEmpty() ? Messages.get("domain.dns.nothing") : String.join(", ", values);
        }
    }

    /** The records of one type at a name. Never throws for a bad answer: it says what it could not read. */
    public Seen lookup(String name, String type) throws InterruptedException {
        URI url = URI.create(endpoint + "?name=" + URLEncoder.encode(HostNames.normal(name), StandardCharsets.UTF_8) + "&type=" + type);
        HttpGet.Answer answer = HttpGet.get(url, Duration.ofSeconds(8), "Accept", "application/dns-json");
        if (answer.status() < 0) {
            return new Seen(List.of(), Messages.get("domain.dns.unreachable", answer.failureInWords()));
        }
        if (!answer.ok()) {
            return new Seen(List.of(), Messages.get("domain.dns.refused", answer.status()));
        }
        return parse(answer.text(), type);
    }

    /** Reads a resolver's JSON answer (RFC 8427-like: Status, Answer[].type/data). */
    static Seen parse(String body, String type) {
        JsonNode root;
        try {
            root = JSON.readTree(body);
        } catch (IOException e) {
            return new Seen(List.of(), Messages.get("domain.dns.unreadable"));
        }
        if (root == null || !root.isObject() || !root.path("Status").isInt()) {
            return new Seen(List.of(), Messages.get("domain.dns.unreadable"));
        }
        int status = root.path("Status").asInt();
        if (status == 3) {
            return new Seen(List.of(), null); // NXDOMAIN: the name has no records at all
        }
        if (status != 0) {
            return new Seen(List.of(), Messages.get("domain.dns.failed", status));
        }
        List<String> values = new ArrayList<>();
        for (JsonNode record : root.path("Answer")) {
            if (record.path("type").asInt(-1) == TYPES.get(type) && record.path("data").isTextual()) {
                String data = record.path("data").asText().trim();
                values.add(type.equals("A") || type.equals("AAAA") || type.equals("TXT") ? data : HostNames.normal(data));
            }
        }
        return new Seen(List.copyOf(values), null);
    }
}
