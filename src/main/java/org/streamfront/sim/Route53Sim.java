package org.streamfront.sim;

import java.util.Locale;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.w3c.dom.Element;

/**
 * Route 53's REST/XML API (2013-04-01) for the calls StreamFront makes: ListHostedZonesByName,
 * ChangeResourceRecordSets (CREATE, UPSERT, DELETE of simple and alias records), ListResourceRecordSets
 * and GetChange.
 * Records land in the practice DNS; a change is INSYNC a moment after it was made.
 */
final class Route53Sim {
    static final String PREFIX = "/2013-04-01/";
    static final String NS = "https://route53.amazonaws.com/doc/2013-04-01/";
    /** The hosted zone id Route 53 uses for every CloudFront alias target. */
    static final String CLOUDFRONT_ZONE = "Z2FDTNDATAQYW2";
    private static final Duration SYNC_DELAY = Duration.ofMillis(500);

    private final PracticeDns dns;
    /** Zone id → name (no final dot). */
    private final Map<String, String> zones = new LinkedHashMap<>();
    /** Records each zone holds, by "name type", as Route 53 knows them (to refuse deleting what is not there). */
    private final Map<String, Map<String, String>> recordSets = new LinkedHashMap<>();
    private final Map<String, Instant> changes = new LinkedHashMap<>();

    Route53Sim(PracticeDns dns) {
        this.dns = dns;
    }

    synchronized void addZone(String id, String name) {
        zones.put(id, PracticeDns.normal(name));
        recordSets.put(id, new LinkedHashMap<>());
    }

    static String operation(String method, String path) {
        String p = path.substring(PREFIX.length());
        if (p.equals("hostedzonesbyname") && method.equals("GET")) {
            return "ListHostedZonesByName";
        }
        if (p.matches("hostedzone/[^/]+/rrset/?") && method.equals("POST")) {
            return "ChangeResourceRecordSets";
        }
        if (p.matches("hostedzone/[^/]+/rrset/?") && method.equals("GET")) {
            return "ListResourceRecordSets";
        }
        if (p.matches("change/[^/]+") && method.equals("GET")) {
            return "GetChange";
        }
        return "Unknown";
    }

    /** What the practice Route 53 answers: carried out first, sent after, so that a crash test can hold the answer back. */
    record Answer(int status, String xml) {
        void send(HttpExchange exchange) throws IOException {
            exchange.getResponseHeaders().set("x-amzn-RequestId", UUID.randomUUID().toString());
            SimHttp.sendText(exchange, status, "text/xml", "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n" + xml);
        }
    }

    Answer apply(HttpExchange exchange, String operation, Map<String, String> query, byte[] body, boolean denied) {
        if (denied) {
            return error(403, "AccessDenied", "User: " + CloudFrontSimulator.IDENTITY_ARN
                    + " is not authorized to perform: route53:" + operation + " because no identity-based policy allows the route53:" + operation + " action");
        }
        String[] parts = exchange.getRequestURI().getRawPath().substring(PREFIX.length()).split("/");
        String id = parts.length > 1 ? URLDecoder.decode(parts[1], StandardCharsets.UTF_8) : "";
        synchronized (this) {
            return switch (operation) {
                case "ListHostedZonesByName" -> ok(listZones(query.getOrDefault("dnsname", "")));
                case "ChangeResourceRecordSets" -> change(id, body);
                case "ListResourceRecordSets" -> listRecords(id, query);
                case "GetChange" -> {
                    Instant at = changes.get(id);
                    yield at == null ? error(404, "NoSuchChange", "A change with the specified change ID does not exist.")
                            : ok("<GetChangeResponse xmlns=\"" + NS + "\">" + changeInfo(id, at) + "</GetChangeResponse>");
                }
                default -> error(404, "NotFound", "The practice Route 53 does not answer " + exchange.getRequestMethod()
                        + " " + exchange.getRequestURI().getRawPath());
            };
        }
    }

    /** Zones in Route 53's order (labels read right to left), starting at the name asked for. */
    private String listZones(String dnsName) {
        Comparator<String> order = Comparator.comparing(Route53Sim::reversed);
        String from = reversed(PracticeDns.normal(dnsName));
        StringBuilder xml = new StringBuilder("<ListHostedZonesByNameResponse xmlns=\"" + NS + "\"><HostedZones>");
        zones.entrySet().stream().sorted(Map.Entry.comparingByValue(order))
                .filter(z -> reversed(z.getValue()).compareTo(from) >= 0)
                .forEach(z -> xml.append("<HostedZone><Id>/hostedzone/").append(z.getKey()).append("</Id><Name>").append(z.getValue())
                        .append(".</Name><CallerReference>practice-").append(z.getKey()).append("</CallerReference>")
                        .append("<Config><PrivateZone>false</PrivateZone></Config><ResourceRecordSetCount>")
                        .append(recordSets.get(z.getKey()).size() + 2).append("</ResourceRecordSetCount></HostedZone>"));
        return xml.append("</HostedZones><DNSName>").append(SimXml.escape(dnsName)).append("</DNSName>")
                .append("<IsTruncated>false</IsTruncated><MaxItems>100</MaxItems></ListHostedZonesByNameResponse>").toString();
    }

    private static String reversed(String name) {
        List<String> labels = new ArrayList<>(List.of(name.split("\\.")));
        java.util.Collections.reverse(labels);
        return String.join(".", labels);
    }

    private Answer change(String zoneId, byte[] body) {
        String zoneName = zones.get(zoneId.replace("/hostedzone/", ""));
        if (zoneName == null) {
            return error(404, "NoSuchHostedZone", "No hosted zone found with ID: " + zoneId);
        }
        Element root;
        try {
            root = SimXml.parse(body);
        } catch (IllegalArgumentException e) {
            return error(400, "InvalidInput", "The XML document you provided was not well-formed.");
        }
        Map<String, String> sets = recordSets.get(zoneId.replace("/hostedzone/", ""));
        List<Element> all = SimXml.children(SimXml.path(root, "ChangeBatch", "Changes"), "Change");
        if (all.isEmpty()) {
            return error(400, "InvalidInput", "A ChangeBatch needs at least one Change.");
        }
        // Checked first, applied after: Route 53 applies a batch whole or not at all.
        List<String[]> apply = new ArrayList<>();
        for (Element change : all) {
            String action = SimXml.text(change, "Action");
            Element set = SimXml.child(change, "ResourceRecordSet");
            String name = PracticeDns.normal(String.valueOf(SimXml.text(set, "Name")));
            String type = SimXml.text(set, "Type");
            if (!(name.equals(zoneName) || name.endsWith("." + zoneName))) {
                return error(400, "InvalidChangeBatch", "RRSet with DNS name " + name + ". is not permitted in zone " + zoneName + ".");
            }
            String alias = SimXml.text(set, "AliasTarget", "DNSName");
            String value = alias != null ? "ALIAS " + PracticeDns.normal(alias) : SimXml.text(set, "ResourceRecords", "ResourceRecord", "Value");
            if (value == null) {
                return error(400, "InvalidInput", "A record set needs ResourceRecords or an AliasTarget.");
            }
            if (alias != null && !CLOUDFRONT_ZONE.equals(SimXml.text(set, "AliasTarget", "HostedZoneId"))) {
                return error(400, "InvalidChangeBatch", "Tried to create an alias that targets " + alias + ", type " + type
                        + " in zone " + SimXml.text(set, "AliasTarget", "HostedZoneId") + ", but the alias target name does not lie within the target zone");
            }
            String key = name + " " + type;
            boolean exists = sets.containsKey(key);
            if (action.equals("CREATE") && exists) {
                return error(400, "InvalidChangeBatch", "[Tried to create resource record set [name='" + name + ".', type='" + type + "'] but it already exists]");
            }
            if (action.equals("DELETE") && (!exists || !sets.get(key).equals(value))) {
                return error(400, "InvalidChangeBatch", "[Tried to delete resource record set [name='" + name + ".', type='" + type
                        + "'] but it was not found]");
            }
            apply.add(new String[] {action, name, type, value});
        }
        for (String[] a : apply) {
            String key = a[1] + " " + a[2];
            if (a[0].equals("DELETE")) {
                sets.remove(key);
                dns.remove(a[1], a[2]);
            } else {
                sets.put(key, a[3]);
                // An alias answers with the target's addresses; the practice edge is on loopback.
                dns.put(a[1], a[2], a[3].startsWith("ALIAS ") ? (a[2].equals("AAAA") ? "::1" : "127.0.0.1") : a[3]);
            }
        }
        String changeId = "C" + UUID.randomUUID().toString().replace("-", "").substring(0, 18).toUpperCase(Locale.ROOT);
        changes.put(changeId, Instant.now().truncatedTo(ChronoUnit.MILLIS));
        return ok("<ChangeResourceRecordSetsResponse xmlns=\"" + NS + "\">" + changeInfo(changeId, changes.get(changeId))
                + "</ChangeResourceRecordSetsResponse>");
    }

    /** The zone's record sets in Route 53's order (name, then type), from the name and type asked for. */
    private Answer listRecords(String zoneId, Map<String, String> query) {
        Map<String, String> sets = recordSets.get(zoneId.replace("/hostedzone/", ""));
        if (sets == null) {
            return error(404, "NoSuchHostedZone", "No hosted zone found with ID: " + zoneId);
        }
        String from = PracticeDns.normal(query.getOrDefault("name", "")) + " " + query.getOrDefault("type", "");
        int max = Integer.parseInt(query.getOrDefault("maxitems", "100"));
        StringBuilder xml = new StringBuilder("<ListResourceRecordSetsResponse xmlns=\"" + NS + "\"><ResourceRecordSets>");
        List<String> keys = sets.keySet().stream().filter(k -> k.compareTo(from) >= 0).sorted().toList();
        for (String key : keys.subList(0, Math.min(max, keys.size()))) {
            String[] nameType = key.split(" ");
            String value = sets.get(key);
            xml.append("<ResourceRecordSet><Name>").append(SimXml.escape(nameType[0])).append(".</Name><Type>").append(nameType[1])
                    .append("</Type>");
            if (value.startsWith("ALIAS ")) {
                xml.append("<AliasTarget><HostedZoneId>").append(CLOUDFRONT_ZONE).append("</HostedZoneId><DNSName>")
                        .append(SimXml.escape(value.substring(6))).append(".</DNSName><EvaluateTargetHealth>false</EvaluateTargetHealth></AliasTarget>");
            } else {
                xml.append("<TTL>300</TTL><ResourceRecords><ResourceRecord><Value>").append(SimXml.escape(value))
                        .append("</Value></ResourceRecord></ResourceRecords>");
            }
            xml.append("</ResourceRecordSet>");
        }
        return ok(xml.append("</ResourceRecordSets><IsTruncated>").append(keys.size() > max).append("</IsTruncated><MaxItems>")
                .append(max).append("</MaxItems></ListResourceRecordSetsResponse>").toString());
    }

    private static String changeInfo(String id, Instant submitted) {
        String status = Instant.now().isBefore(submitted.plus(SYNC_DELAY)) ? "PENDING" : "INSYNC";
        return "<ChangeInfo><Id>/change/" + id + "</Id><Status>" + status + "</Status><SubmittedAt>" + submitted + "</SubmittedAt></ChangeInfo>";
    }

    /** What a zone holds, as "name type value" lines (for tests and the practice window). */
    synchronized List<String> records(String zoneId) {
        return recordSets.getOrDefault(zoneId, Map.of()).entrySet().stream().map(e -> e.getKey() + " " + e.getValue()).toList();
    }

    private static Answer ok(String xml) {
        return new Answer(200, xml);
    }

    private static Answer error(int status, String code, String message) {
        return new Answer(status, "<ErrorResponse xmlns=\"" + NS + "\"><Error><Type>Sender</Type><Code>" + code + "</Code><Message>"
                + SimXml.escape(message) + "</Message></Error><RequestId>" + UUID.randomUUID() + "</RequestId></ErrorResponse>");
    }
}
