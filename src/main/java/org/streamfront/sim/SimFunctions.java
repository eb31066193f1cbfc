package org.streamfront.sim;

import java.util.Locale;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Predicate;
import org.streamfront.access.EdgeCheck;
import org.streamfront.access.ViewerFunction;
import org.w3c.dom.Element;

/**
 * CloudFront Functions and KeyValueStore as the simulator answers them: functions (create, describe,
 * get, update, test, publish, delete, list, each change with its ETag), key value stores (the
 * control plane in CloudFront's REST/XML, the data plane in its own REST/JSON), and what the edge
 * runs. The practice CloudFront cannot run JavaScript: it runs StreamFront's own function as its
 * Java twin ({@link EdgeCheck}), and says so for any other code.
 */
final class SimFunctions {
    private static final String NS = CloudFrontApi.NS;
    private static final String ACCOUNT_ID = CloudFrontSimulator.ACCOUNT_ID;
    private static final ObjectMapper JSON = new ObjectMapper();

    /** How long a new store stays PROVISIONING. */
    volatile Duration storeDelay = Duration.ofMillis(300);

    private static final class Function {
        final String name;
        final String arn;
        final Instant created = Instant.now();
        String comment;
        String storeArn;
        byte[] code;
        String etag;
        Instant lastModified = created;
        byte[] liveCode;
        String liveStoreArn;
        String liveEtag;

        Function(String name) {
            this.name = name;
            this.arn = "arn:aws:cloudfront::" + ACCOUNT_ID + ":function/" + name;
        }
    }

    private static final class Store {
        final String name;
        final String id = UUID.randomUUID().toString();
        final String arn;
        final String comment;
        final Instant readyAt;
        final Instant created = Instant.now();
        final Map<String, String> data = new LinkedHashMap<>();
        String etag = newEtag();
        String dataEtag = newEtag();

        Store(String name, String comment, Duration delay) {
            this.name = name;
            this.comment = comment;
            this.arn = "arn:aws:cloudfront::" + ACCOUNT_ID + ":key-value-store/" + id;
            this.readyAt = created.plus(delay);
        }

        String status() {
            return Instant.now().isBefore(readyAt) ? "PROVISIONING" : "READY";
        }
    }

    private final Map<String, Function> functions = new LinkedHashMap<>();
    private final Map<String, Store> stores = new LinkedHashMap<>();

    /** The operation a CloudFront path names, or null when it is not about functions or stores. */
    static String operation(String method, String p, Map<String, String> query) {
        if (p.equals("/function")) {
            return method.equals("POST") ? "CreateFunction" : method.equals("GET") ? "ListFunctions" : "Unknown";
        }
        if (p.matches("/function/[^/]+")) {
            return switch (method) {
                case "GET" -> "GetFunction";
                case "PUT" -> "UpdateFunction";
                case "DELETE" -> "DeleteFunction";
                default -> "Unknown";
            };
        }
        if (p.matches("/function/[^/]+/(describe|test|publish)")) {
            String what = p.substring(p.lastIndexOf('/') + 1);
            return what.equals("describe") && method.equals("GET") ? "DescribeFunction"
                    : what.equals("test") && method.equals("POST") ? "TestFunction"
                    : what.equals("publish") && method.equals("POST") ? "PublishFunction" : "Unknown";
        }
        if (p.equals("/key-value-store") || p.equals("/key-value-store/")) {
            return method.equals("POST") ? "CreateKeyValueStore" : method.equals("GET") ? "ListKeyValueStores" : "Unknown";
        }
        if (p.matches("/key-value-store/[^/]+")) {
            return method.equals("GET") ? "DescribeKeyValueStore" : method.equals("DELETE") ? "DeleteKeyValueStore" : "Unknown";
        }
        return null;
    }

    /** The answer to a control-plane call; {@code inUse} says whether a distribution (as sent or as served) uses a function ARN. */
    synchronized CloudFrontApi.Answer answer(String operation, CloudFrontApi.Call c, Predicate<String> inUse) {
        String name = nameFrom(c.path());
        String ifMatch = c.exchange().getRequestHeaders().getFirst("If-Match");
        return switch (operation) {
            case "CreateFunction" -> createFunction(c);
            case "ListFunctions" -> xml(200, "<FunctionList xmlns=\"" + NS + "\"><MaxItems>100</MaxItems><Quantity>" + functions.size()
                    + "</Quantity>" + items(functions.values().stream().map(f -> summary(f, !"DEVELOPMENT".equals(c.query().get("Stage")) && f.liveCode != null)).toList())
                    + "</FunctionList>", null);
            case "DescribeFunction" -> withFunction(name, f -> {
                boolean live = "LIVE".equals(c.query().get("Stage"));
                if (live && f.liveCode == null) {
                    return noSuchFunction();
                }
                return xml(200, summary(f, live), live ? f.liveEtag : f.etag);
            });
            case "GetFunction" -> withFunction(name, f -> {
                boolean live = "LIVE".equals(c.query().get("Stage"));
                if (live && f.liveCode == null) {
                    return noSuchFunction();
                }
                return new CloudFrontApi.Answer(200, new String(live ? f.liveCode : f.code, StandardCharsets.UTF_8), live ? f.liveEtag : f.etag, null);
            });
            case "UpdateFunction" -> withFunction(name, f -> {
                if (!f.etag.equals(ifMatch)) {
                    return preconditionFailed(ifMatch);
                }
                Element root = parse(c.body());
                CloudFrontApi.Answer bad = root == null ? CloudFrontApi.Answer.malformedXml() : configProblem(root);
                if (bad != null) {
                    return bad;
                }
                apply(f, root);
                return xml(200, summary(f, false), f.etag);
            });
            case "TestFunction" -> withFunction(name, f -> f.etag.equals(ifMatch) || ifMatch != null && ifMatch.equals(f.liveEtag)
                    ? test(f, c) : preconditionFailed(ifMatch));
            case "PublishFunction" -> withFunction(name, f -> {
                if (!f.etag.equals(ifMatch)) {
                    return preconditionFailed(ifMatch);
                }
                f.liveCode = f.code;
                f.liveStoreArn = f.storeArn;
                f.liveEtag = newEtag();
                return xml(200, summary(f, true), null);
            });
            case "DeleteFunction" -> withFunction(name, f -> {
                if (!f.etag.equals(ifMatch)) {
                    return preconditionFailed(ifMatch);
                }
                if (inUse.test(f.arn)) {
                    return CloudFrontApi.Answer.error(409, "FunctionInUse",
                            "Cannot delete function, it's in use by one or more cache behaviors.");
                }
                functions.remove(f.name);
                return new CloudFrontApi.Answer(204, null, null, null);
            });
            case "CreateKeyValueStore" -> createStore(c);
            case "ListKeyValueStores" -> xml(200, "<KeyValueStoreList xmlns=\"" + NS + "\"><MaxItems>100</MaxItems><Quantity>"
                    + stores.size() + "</Quantity>" + items(stores.values().stream().map(SimFunctions::storeXml).toList())
                    + "</KeyValueStoreList>", null);
            case "DescribeKeyValueStore" -> withStore(name, s -> xml(200, storeXml(s), s.etag));
            case "DeleteKeyValueStore" -> withStore(name, s -> {
                if (!s.etag.equals(ifMatch)) {
                    return preconditionFailed(ifMatch);
                }
                if (functions.values().stream().anyMatch(f -> s.arn.equals(f.storeArn) || s.arn.equals(f.liveStoreArn))) {
                    return CloudFrontApi.Answer.error(409, "CannotDeleteEntityWhileInUse",
                            "Cannot delete the key value store because it is associated with a function.");
                }
                stores.remove(s.name);
                return new CloudFrontApi.Answer(204, null, null, null);
            });
            default -> CloudFrontApi.Answer.error(404, "NotFound", "No such operation: " + c.method() + " " + c.path());
        };
    }

    /** Whether a function ARN names a published function: what an association needs. */
    synchronized boolean published(String functionArn) {
        return functions.values().stream().anyMatch(f -> f.arn.equals(functionArn) && f.liveCode != null);
    }

    /** The function's live code runs here only when it is StreamFront's; then the secrets its store holds now. */
    synchronized Optional<EdgeCheck.Secrets> viewerCheck(String functionArn) {
        return functions.values().stream().filter(f -> f.arn.equals(functionArn) && f.liveCode != null).findFirst()
                .filter(f -> new String(f.liveCode, StandardCharsets.UTF_8).equals(ViewerFunction.source()))
                .map(f -> EdgeCheck.Secrets.of(storeByArn(f.liveStoreArn).map(s -> Map.copyOf(s.data)).orElse(Map.of())));
    }

    synchronized List<String> functionNames() {
        return List.copyOf(functions.keySet());
    }

    synchronized List<String> storeNames() {
        return List.copyOf(stores.keySet());
    }

    // ---- the data plane (REST/JSON, its own endpoint in AWS) -------------------------------------

    /** A data-plane answer: status, JSON body, ETag header, error type. */
    record DataAnswer(int status, String body, String etag, String errorType) {
        static DataAnswer error(int status, String type, String message) {
            return new DataAnswer(status, "{\"Message\":" + quote(message) + "}", null, type);
        }
    }

    static String dataOperation(String method, String path) {
        String[] parts = path.split("/");
        // /key-value-stores/{arn}[/keys[/{key}]]
        if (parts.length == 3) {
            return method.equals("GET") ? "DescribeKeyValueStore" : "Unknown";
        }
        if (parts.length == 4 && parts[3].equals("keys")) {
            return method.equals("GET") ? "ListKeys" : method.equals("POST") ? "UpdateKeys" : "Unknown";
        }
        if (parts.length == 5 && parts[3].equals("keys")) {
            return switch (method) {
                case "GET" -> "GetKey";
                case "PUT" -> "PutKey";
                case "DELETE" -> "DeleteKey";
                default -> "Unknown";
            };
        }
        return "Unknown";
    }

    synchronized DataAnswer data(String operation, String path, String ifMatch, String authorization, byte[] body) {
        if (authorization == null || !authorization.startsWith("AWS4-ECDSA-P256-SHA256 ")) {
            return DataAnswer.error(403, "AccessDeniedException", "This API needs a SigV4A signature.");
        }
        String[] parts = path.split("/");
        String arn = java.net.URLDecoder.decode(parts[2], StandardCharsets.UTF_8);
        Optional<Store> found = storeByArn(arn);
        if (found.isEmpty()) {
            return DataAnswer.error(404, "ResourceNotFoundException", "The key value store was not found.");
        }
        Store s = found.get();
        if (!"READY".equals(s.status())) {
            return DataAnswer.error(409, "ConflictException", "The key value store is not ready yet.");
        }
        String key = parts.length == 5 ? java.net.URLDecoder.decode(parts[4], StandardCharsets.UTF_8) : null;
        boolean writes = List.of("PutKey", "DeleteKey", "UpdateKeys").contains(operation);
        if (writes && (ifMatch == null || !ifMatch.equals(s.dataEtag))) {
            return DataAnswer.error(409, "ConflictException", "The If-Match ETag does not match the key value store's.");
        }
        try {
            switch (operation) {
                case "DescribeKeyValueStore" -> {
                    return new DataAnswer(200, "{\"ItemCount\":" + s.data.size() + ",\"TotalSizeInBytes\":" + size(s) + ",\"KvsARN\":" + quote(s.arn)
                            + ",\"Created\":" + s.created.getEpochSecond() + "}", s.dataEtag, null);
                }
                case "GetKey" -> {
                    String value = s.data.get(key);
                    return value == null ? DataAnswer.error(404, "ResourceNotFoundException", "The key was not found.")
                            : new DataAnswer(200, "{\"Key\":" + quote(key) + ",\"Value\":" + quote(value) + ",\"ItemCount\":" + s.data.size()
                                    + ",\"TotalSizeInBytes\":" + size(s) + "}", null, null);
                }
                case "ListKeys" -> {
                    ObjectNode out = JSON.createObjectNode();
                    var items = out.putArray("Items");
                    s.data.forEach((k, v) -> items.addObject().put("Key", k).put("Value", v));
                    return new DataAnswer(200, out.toString(), null, null);
                }
                case "PutKey" -> {
                    s.data.put(key, JSON.readTree(body).path("Value").asText());
                }
                case "DeleteKey" -> {
                    s.data.remove(key);
                }
                case "UpdateKeys" -> {
                    JsonNode request = JSON.readTree(body);
                    request.path("Puts").forEach(p -> s.data.put(p.path("Key").asText(), p.path("Value").asText()));
                    request.path("Deletes").forEach(d -> s.data.remove(d.path("Key").asText()));
                }
                default -> {
                    return DataAnswer.error(404, "UnknownOperationException", "No such operation.");
                }
            }
        } catch (java.io.IOException malformed) {
            return DataAnswer.error(400, "ValidationException", "The request body is not valid JSON.");
        }
        s.dataEtag = newEtag();
        return new DataAnswer(200, "{\"ItemCount\":" + s.data.size() + ",\"TotalSizeInBytes\":" + size(s) + "}", s.dataEtag, null);
    }

    // ---- functions --------------------------------------------------------------------------------

    private CloudFrontApi.Answer createFunction(CloudFrontApi.Call c) {
        Element root = parse(c.body());
        if (root == null) {
            return CloudFrontApi.Answer.malformedXml();
        }
        String name = SimXml.text(root, "Name");
        if (name == null || !name.matches("[A-Za-z0-9_-]{1,64}")) {
            return CloudFrontApi.Answer.error(400, "InvalidArgument", "The function name is not valid.");
        }
        if (functions.containsKey(name)) {
            return CloudFrontApi.Answer.error(409, "FunctionAlreadyExists", "A function with the same name already exists in this AWS account.");
        }
        CloudFrontApi.Answer bad = configProblem(root);
        if (bad != null) {
            return bad;
        }
        Function f = new Function(name);
        apply(f, root);
        functions.put(name, f);
        return new CloudFrontApi.Answer(201, CloudFrontApi.xmlDoc(summary(f, false)), f.etag,
                "https://cloudfront.amazonaws.com/2020-05-31/function/" + f.arn);
    }

    private CloudFrontApi.Answer configProblem(Element root) {
        String runtime = SimXml.text(root, "FunctionConfig", "Runtime");
        if (!"cloudfront-js-1.0".equals(runtime) && !ViewerFunction.RUNTIME.equals(runtime)) {
            return CloudFrontApi.Answer.error(400, "InvalidArgument", "The runtime is not supported.");
        }
        byte[] code = decode(SimXml.text(root, "FunctionCode"));
        if (code == null || code.length == 0) {
            return CloudFrontApi.Answer.error(400, "InvalidArgument", "FunctionCode is required.");
        }
        if (code.length > ViewerFunction.MAX_CODE_BYTES) {
            return CloudFrontApi.Answer.error(413, "FunctionSizeLimitExceeded", "The function is too large.");
        }
        List<Element> stores = SimXml.children(SimXml.path(root, "FunctionConfig", "KeyValueStoreAssociations", "Items"), "KeyValueStoreAssociation");
        if (stores.size() > 1) {
            return CloudFrontApi.Answer.error(400, "InvalidArgument", "A function can be associated with one key value store.");
        }
        if (!stores.isEmpty() && storeByArn(SimXml.text(stores.get(0), "KeyValueStoreARN")).isEmpty()) {
            return CloudFrontApi.Answer.error(404, "EntityNotFound", "The key value store does not exist.");
        }
        return null;
    }

    private void apply(Function f, Element root) {
        f.comment = Optional.ofNullable(SimXml.text(root, "FunctionConfig", "Comment")).orElse("");
        f.storeArn = SimXml.text(root, "FunctionConfig", "KeyValueStoreAssociations", "Items", "KeyValueStoreAssociation", "KeyValueStoreARN");
        f.code = decode(SimXml.text(root, "FunctionCode"));
        f.etag = newEtag();
        f.lastModified = Instant.now();
    }

    /** Runs StreamFront's function on a test event, as the edge would; other code cannot run here. */
    private CloudFrontApi.Answer test(Function f, CloudFrontApi.Call c) {
        Element root = parse(c.body());
        if (root == null) {
            return CloudFrontApi.Answer.malformedXml();
        }
        boolean live = "LIVE".equals(SimXml.text(root, "Stage"));
        byte[] code = live ? f.liveCode : f.code;
        String store = live ? f.liveStoreArn : f.storeArn;
        String output;
        String error = "";
        try {
            JsonNode event = JSON.readTree(decode(SimXml.text(root, "EventObject")));
            if (code == null || !new String(code, StandardCharsets.UTF_8).equals(ViewerFunction.source())) {
                output = "";
                error = "The practice CloudFront runs only StreamFront's own viewer function.";
            } else {
                output = run(event, EdgeCheck.Secrets.of(storeByArn(store).map(s -> Map.copyOf(s.data)).orElse(Map.of())));
            }
        } catch (java.io.IOException | RuntimeException bad) {
            output = "";
            error = "The test event is not valid: " + bad.getMessage();
        }
        String xml = "<TestResult xmlns=\"" + NS + "\">" + summary(f, live).replace(" xmlns=\"" + NS + "\"", "")
                + "<ComputeUtilization>14</ComputeUtilization><FunctionExecutionLogs/>"
                + "<FunctionErrorMessage>" + SimXml.escape(error) + "</FunctionErrorMessage>"
                + "<FunctionOutput>" + SimXml.escape(output) + "</FunctionOutput></TestResult>";
        return xml(200, xml, null);
    }

    /** The function's output for an event, in the shape CloudFront's TestFunction reports it. */
    private static String run(JsonNode event, EdgeCheck.Secrets secrets) {
        JsonNode request = event.path("request");
        Map<String, String> query = new HashMap<>();
        request.path("querystring").properties().forEach(e -> query.put(e.getKey(), e.getValue().path("value").asText()));
        EdgeCheck.Decision d = EdgeCheck.decide(request.path("uri").asText(), query, secrets, Instant.now());
        ObjectNode out = JSON.createObjectNode();
        if (d.passes()) {
            ObjectNode passed = out.putObject("request");
            passed.setAll((ObjectNode) request.deepCopy());
            passed.put("uri", d.uri());
            passed.putObject("querystring");
        } else {
            ObjectNode response = out.putObject("response");
            response.put("statusCode", d.status());
            ObjectNode headers = response.putObject("headers");
            if (d.location() != null) {
                headers.putObject("location").put("value", d.location());
            }
        }
        return out.toString();
    }

    private CloudFrontApi.Answer withFunction(String name, java.util.function.Function<Function, CloudFrontApi.Answer> then) {
        Function f = functions.get(name);
        return f == null ? noSuchFunction() : then.apply(f);
    }

    private static CloudFrontApi.Answer noSuchFunction() {
        return CloudFrontApi.Answer.error(404, "NoSuchFunctionExists", "The function does not exist.");
    }

    private String summary(Function f, boolean live) {
        String storeArn = live ? f.liveStoreArn : f.storeArn;
        return "<FunctionSummary xmlns=\"" + NS + "\"><Name>" + f.name + "</Name><Status>" + (f.liveCode != null ? "DEPLOYED" : "UNPUBLISHED")
                + "</Status><FunctionConfig><Comment>" + SimXml.escape(f.comment) + "</Comment><Runtime>" + ViewerFunction.RUNTIME + "</Runtime>"
                + (storeArn == null ? "" : "<KeyValueStoreAssociations><Quantity>1</Quantity><Items><KeyValueStoreAssociation><KeyValueStoreARN>"
                + storeArn + "</KeyValueStoreARN></KeyValueStoreAssociation></Items></KeyValueStoreAssociations>")
                + "</FunctionConfig><FunctionMetadata><FunctionARN>" + f.arn + "</FunctionARN><Stage>" + (live ? "LIVE" : "DEVELOPMENT")
                + "</Stage><CreatedTime>" + f.created + "</CreatedTime><LastModifiedTime>" + f.lastModified + "</LastModifiedTime>"
                + "</FunctionMetadata></FunctionSummary>";
    }

    // ---- key value stores -----------------------------------------------------------------------

    private CloudFrontApi.Answer createStore(CloudFrontApi.Call c) {
        Element root = parse(c.body());
        if (root == null) {
            return CloudFrontApi.Answer.malformedXml();
        }
        String name = SimXml.text(root, "Name");
        if (name == null || !name.matches("[A-Za-z0-9_-]{1,64}")) {
            return CloudFrontApi.Answer.error(400, "InvalidArgument", "The key value store name is not valid.");
        }
        if (stores.containsKey(name)) {
            return CloudFrontApi.Answer.error(409, "EntityAlreadyExists", "A key value store with this name already exists.");
        }
        Store s = new Store(name, Optional.ofNullable(SimXml.text(root, "Comment")).orElse(""), storeDelay);
        stores.put(name, s);
        return new CloudFrontApi.Answer(201, CloudFrontApi.xmlDoc(storeXml(s)), s.etag, "https://cloudfront.amazonaws.com/2020-05-31/key-value-store/" + s.arn);
    }

    private CloudFrontApi.Answer withStore(String name, java.util.function.Function<Store, CloudFrontApi.Answer> then) {
        Store s = stores.get(name);
        return s == null ? CloudFrontApi.Answer.error(404, "EntityNotFound", "The key value store does not exist.") : then.apply(s);
    }

    private Optional<Store> storeByArn(String arn) {
        return stores.values().stream().filter(s -> s.arn.equals(arn)).findFirst();
    }

    private static String storeXml(Store s) {
        return "<KeyValueStore xmlns=\"" + NS + "\"><Name>" + s.name + "</Name><Id>" + s.id + "</Id><Comment>" + SimXml.escape(s.comment)
                + "</Comment><ARN>" + s.arn + "</ARN><Status>" + s.status() + "</Status><LastModifiedTime>" + s.created + "</LastModifiedTime></KeyValueStore>";
    }

    private static long size(Store s) {
        return s.data.entrySet().stream().mapToLong(e -> e.getKey().length() + e.getValue().length()).sum();
    }

    // ---- small helpers ------------------------------------------------------------------------

    private static String items(List<String> xml) {
        return xml.isEmpty() ? "" : "<Items>" + String.join("", xml).replace(" xmlns=\"" + NS + "\"", "") + "</Items>";
    }

    private static CloudFrontApi.Answer xml(int status, String body, String etag) {
        return new CloudFrontApi.Answer(status, CloudFrontApi.xmlDoc(body), etag, null);
    }

    private static CloudFrontApi.Answer preconditionFailed(String ifMatch) {
        return ifMatch == null || ifMatch.isEmpty()
                ? CloudFrontApi.Answer.error(400, "InvalidIfMatchVersion", "The If-Match version is missing or not valid.")
                : CloudFrontApi.Answer.error(412, "PreconditionFailed", "The precondition given in one or more of the request-header fields evaluated to false.");
    }

    private static Element parse(byte[] body) {
        try {
            return SimXml.parse(body);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static byte[] decode(String base64) {
        try {
            return base64 == null ? null : Base64.getDecoder().decode(base64.trim());
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static String nameFrom(String path) {
        String[] parts = path.split("/");
        return parts.length > 3 ? java.net.URLDecoder.decode(parts[3], StandardCharsets.UTF_8) : "";
    }

    private static String newEtag() {
        return "E" + UUID.randomUUID().toString().replace("-", "").substring(0, 13).toUpperCase(java.util.Locale.ROOT);
    }

    private static String quote(String s) {
        try {
            return JSON.writeValueAsString(s);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
