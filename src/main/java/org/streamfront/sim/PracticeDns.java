package org.streamfront.sim;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The public DNS of practice mode: what the practice Route 53 zones hold plus what the user added
 * "by hand" at a pretend DNS provider. ACM's validation reads it, and it answers lookups at
 * {@value #PATH} in the JSON form public DNS-over-HTTPS resolvers use, so the app's DNS checks run
 * the same code against it as against a real resolver.
 */
public final class PracticeDns {
    static final String PATH = "/dns/resolve";
    /** Where a practice distribution's domain resolves: the simulated edge is on loopback. */
    private static final String EDGE_ADDRESS = "127.0.0.1";
    private static final Map<String, Integer> TYPE_NUMBERS = Map.of("A", 1, "CNAME", 5, "TXT", 16, "AAAA", 28);

    /** One record: its type and its value (a host name ends without the final dot here). */
    public record Record(String type, String value) {
    }

    private final Map<String, List<Record>> records = new ConcurrentHashMap<>();

    /** Adds or replaces the records of one name and type, as a DNS provider's form would. */
    public void put(String name, String type, String value) {
        String key = normal(name);
        records.compute(key, (k, list) -> {
            List<Record> kept = new ArrayList<>(list == null ? List.of() : list);
            kept.removeIf(r -> r.type.equals(type));
            kept.add(new Record(type, normal(value)));
            return List.copyOf(kept);
        });
    }

    /** Removes the records of one name and type; true when there were some. */
    public boolean remove(String name, String type) {
        boolean[] removed = {false};
        records.computeIfPresent(normal(name), (k, list) -> {
            List<Record> kept = new ArrayList<>(list);
            removed[0] = kept.removeIf(r -> r.type.equals(type));
            return kept.isEmpty() ? null : List.copyOf(kept);
        });
        return removed[0];
    }

    /** The values of one name and type; a CNAME is followed for other types, as a resolver does. */
    public List<String> lookup(String name, String type) {
        List<Record> at = records.getOrDefault(normal(name), List.of());
        List<String> exact = at.stream().filter(r -> r.type.equals(type)).map(Record::value).toList();
        if (!exact.isEmpty() || type.equals("CNAME")) {
            return exact;
        }
        if (normal(name).endsWith(".cloudfront.net") && (type.equals("A"))) {
            return List.of(EDGE_ADDRESS);
        }
        return at.stream().filter(r -> r.type.equals("CNAME")).findFirst().map(c -> lookup(c.value, type)).orElse(List.of());
    }

    static String normal(String name) {
        String n = name.trim().toLowerCase(Locale.ROOT);
        return n.endsWith(".") ? n.substring(0, n.length() - 1) : n;
    }

    /** {@code GET /dns/resolve?name=&type=}: Status 0 with Answer, or 3 (NXDOMAIN) when the name has nothing. */
    void handle(HttpExchange exchange, Map<String, String> query) throws IOException {
        String name = query.getOrDefault("name", "");
        String type = query.getOrDefault("type", "A").toUpperCase(Locale.ROOT);
        if (name.isBlank() || !TYPE_NUMBERS.containsKey(type)) {
            SimHttp.sendText(exchange, 400, "application/json", "{\"Status\":1,\"Comment\":\"name and a type of A, AAAA, CNAME or TXT are required\"}");
            return;
        }
        ObjectNode answer = JsonNodeFactory.instance.objectNode();
        List<String> values = lookup(name, type);
        String cname = type.equals("CNAME") ? null : records.getOrDefault(normal(name), List.of()).stream()
                .filter(r -> r.type.equals("CNAME")).map(Record::value).findFirst().orElse(null);
        boolean known = records.containsKey(normal(name)) || !values.isEmpty();
        answer.put("Status", known ? 0 : 3);
        ArrayNode list = answer.putArray("Answer");
        if (cname != null) {
            list.addObject().put("name", normal(name) + ".").put("type", TYPE_NUMBERS.get("CNAME")).put("TTL", 300).put("data", cname + ".");
        }
        for (String v : values) {
            boolean host = !type.equals("A") && !type.equals("AAAA") && !type.equals("TXT");
            list.addObject().put("name", (cname != null ? cname : normal(name)) + ".").put("type", TYPE_NUMBERS.get(type))
                    .put("TTL", 300).put("data", host ? v + "." : v);
        }
        SimHttp.sendText(exchange, 200, "application/dns-json", answer.toString());
    }
}
