package org.streamfront.sim;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.cbor.CBORFactory;
import com.fasterxml.jackson.dataformat.cbor.CBORGenerator;
import com.fasterxml.jackson.dataformat.cbor.databind.CBORMapper;
import com.sun.net.httpserver.HttpExchange;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.List;

/**
 * CloudWatch's GetMetricData for the AWS/CloudFront namespace, in the protocol the SDK speaks to
 * CloudWatch (Smithy RPC v2 with CBOR bodies): the practice edge's own counts per distribution.
 * Any period of a second or more is accepted, so practice mode can show a minute's story in seconds.
 */
final class CloudWatchSim {
    static final String PREFIX = "/service/GraniteServiceVersion20100801/operation/";
    private static final CBORMapper CBOR = new CBORMapper();
    private static final CBORFactory FACTORY = new CBORFactory();

    private final SimMetrics metrics;
    /** Whether a distribution's additional metrics are on: only then is there a CacheHitRate. */
    private final java.util.function.Predicate<String> additional;

    CloudWatchSim(SimMetrics metrics, java.util.function.Predicate<String> additional) {
        this.metrics = metrics;
        this.additional = additional;
    }

    static String operation(String path) {
        return path.substring(PREFIX.length());
    }

    /** {@code denied}: answer as a sign-in without cloudwatch:GetMetricData would get. */
    void handle(HttpExchange exchange, String operation, byte[] body, boolean denied) throws IOException {
        exchange.getResponseHeaders().set("smithy-protocol", "rpc-v2-cbor");
        if (denied) {
            error(exchange, 403, "AccessDenied", "User: " + CloudFrontSimulator.IDENTITY_ARN
                    + " is not authorized to perform: cloudwatch:" + operation + " because no identity-based policy allows the cloudwatch:"
                    + operation + " action");
            return;
        }
        if (!operation.equals("GetMetricData")) {
            error(exchange, 400, "InvalidAction", "The practice CloudWatch answers GetMetricData only, not " + operation + ".");
            return;
        }
        JsonNode request;
        try {
            request = CBOR.readTree(body);
        } catch (IOException e) {
            error(exchange, 400, "SerializationException", "The request body is not CBOR: " + e.getMessage());
            return;
        }
        JsonNode queries = request.path("MetricDataQueries");
        if (!queries.isArray() || queries.isEmpty() || !request.path("StartTime").isNumber() || !request.path("EndTime").isNumber()) {
            error(exchange, 400, "ValidationError", "MetricDataQueries, StartTime and EndTime are required.");
            return;
        }
        Instant start = seconds(request.path("StartTime"));
        Instant end = seconds(request.path("EndTime"));
        SimHttp.send(exchange, 200, "application/cbor", results(queries, start, end));
    }

    private byte[] results(JsonNode queries, Instant start, Instant end) {
        var out = new ByteArrayOutputStream();
        try (CBORGenerator g = FACTORY.createGenerator(out)) {
            g.writeStartObject();
            g.writeFieldName("MetricDataResults");
            g.writeStartArray();
            for (JsonNode q : queries) {
                JsonNode stat = q.path("MetricStat");
                JsonNode metric = stat.path("Metric");
                List<SimMetrics.Point> points = List.of();
                String distribution = dimension(metric, "DistributionId");
                String name = metric.path("MetricName").asText();
                if ("AWS/CloudFront".equals(metric.path("Namespace").asText()) && distribution != null
                        && "Global".equals(dimension(metric, "Region")) && (!name.equals("CacheHitRate") || additional.test(distribution))) {
                    points = metrics.series(distribution, name, start, end, Math.max(1, stat.path("Period").asInt(60)));
                }
                g.writeStartObject();
                g.writeStringField("Id", q.path("Id").asText());
                g.writeStringField("Label", q.path("Label").asText(metric.path("MetricName").asText()));
                g.writeFieldName("Timestamps");
                g.writeStartArray();
                for (SimMetrics.Point p : points) {
                    g.writeTag(1); // an epoch-seconds timestamp
                    g.writeNumber(p.at().getEpochSecond());
                }
                g.writeEndArray();
                g.writeFieldName("Values");
                g.writeStartArray();
                for (SimMetrics.Point p : points) {
                    g.writeNumber(p.value());
                }
                g.writeEndArray();
                g.writeStringField("StatusCode", "Complete");
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeFieldName("Messages");
            g.writeStartArray();
            g.writeEndArray();
            g.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static String dimension(JsonNode metric, String name) {
        for (JsonNode d : metric.path("Dimensions")) {
            if (name.equals(d.path("Name").asText())) {
                return d.path("Value").asText();
            }
        }
        return null;
    }

    private static Instant seconds(JsonNode epoch) {
        return Instant.ofEpochMilli(Math.round(epoch.asDouble() * 1000));
    }

    private static void error(HttpExchange exchange, int status, String code, String message) throws IOException {
        exchange.getResponseHeaders().set("x-amzn-query-error", code + ";Sender");
        byte[] body = CBOR.writeValueAsBytes(java.util.Map.of("__type", "com.amazonaws.cloudwatch#" + code, "message", message));
        SimHttp.send(exchange, status, "application/cbor", body);
    }
}
