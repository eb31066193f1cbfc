package org.streamfront.sim;

import java.util.Locale;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import org.w3c.dom.Element;

/**
 * CloudFront's REST/XML API as the simulator answers it: distributions (create with and without tags,
 * get, config, list, update with IfMatch, delete), cache policies, tags and monitoring subscriptions,
 * with the checks CloudFront makes that matter here, and what the edge reads of them. STS's one call
 * rides along, since the SDK sends it to the same endpoint. The simulator routes, holds and injects
 * faults; this class only answers.
 */
final class CloudFrontApi {
    static final String NS = "http://cloudfront.amazonaws.com/doc/2020-05-31/";
    static final String API = "/2020-05-31";
    private static final String ACCOUNT_ID = CloudFrontSimulator.ACCOUNT_ID;
    private static final String IDENTITY_ARN = CloudFrontSimulator.IDENTITY_ARN;
    private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");
    private static final char[] UPPER = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789".toCharArray();
    private static final char[] LOWER = "abcdefghijklmnopqrstuvwxyz0123456789".toCharArray();

    private final SecureRandom random = new SecureRandom();
    private final Map<String, SimDistribution> distributions = new LinkedHashMap<>();
    private final Set<String> usedCallerReferences = new HashSet<>();
    private final SimCachePolicies policies = new SimCachePolicies();
    final SimFunctions functions = new SimFunctions();
    /** Distributions whose additional metrics (the cache hit rate among them) are turned on. */
    final Set<String> monitored = ConcurrentHashMap.newKeySet();
    private final Supplier<AcmSim> acmSim;
    private final Supplier<URI> uri;
    /** How long a new or updated distribution stays InProgress. */
    volatile Duration deployDelay = Duration.ofSeconds(5);
    /** How long until the edge serves a new distribution or a change (never later than Deployed). */
    volatile Duration edgeDelay = Duration.ZERO;

    CloudFrontApi(Supplier<AcmSim> acm, Supplier<URI> uri) {
        this.acmSim = acm;
        this.uri = uri;
    }

    record Call(HttpExchange exchange, String method, String path, Map<String, String> query, byte[] body) {
    }

    /** The answer to one CloudFront (or STS) operation. */
    synchronized Answer answer(String operation, Call c) {
        String id = idFrom(c.path());
        return switch (operation) {
            case "GetCallerIdentity" -> callerIdentity(c);
            case "CreateDistribution" -> create(c, false);
            case "CreateDistributionWithTags" -> create(c, true);
            case "ListDistributions" -> list(c);
            case "GetDistribution" -> withDistribution(id, d -> new Answer(200, distributionXml(d), d.etag, null));
            case "GetDistributionConfig" -> withDistribution(id, d -> new Answer(200, xmlDoc(SimXml.toString(d.config)), d.etag, null));
            case "UpdateDistribution" -> update(c, id);
            case "DeleteDistribution" -> delete(c, id);
            case "ListTagsForResource" -> listTags(c);
            case "CreateCachePolicy" -> createPolicy(c);
            case "ListCachePolicies" -> listPolicies(c);
            case "GetCachePolicy" -> policies.get(id).map(p -> new Answer(200, xmlDoc(SimCachePolicies.policyXml(p)), p.etag(), null))
                    .orElse(noSuchPolicy());
            case "GetCachePolicyConfig" -> policies.get(id).map(p -> new Answer(200, xmlDoc(SimXml.toString(p.config())), p.etag(), null))
                    .orElse(noSuchPolicy());
            case "DeleteCachePolicy" -> deletePolicy(c, id);
            case "ListDistributionsByCachePolicyId" -> distributionIdList(usersOf(id));
            case "TagResource" -> tag(c);
            case "GetMonitoringSubscription" -> withDistribution(id, d -> monitored.contains(id)
                    ? new Answer(200, xmlDoc(monitoringXml()), null, null)
                    : Answer.error(404, "NoSuchMonitoringSubscription", "A monitoring subscription does not exist for the specified distribution."));
            case "CreateMonitoringSubscription" -> withDistribution(id, d -> createMonitoring(c, id));
            case "DeleteMonitoringSubscription" -> withDistribution(id, d -> monitored.remove(id) ? new Answer(200, "", null, null)
                    : Answer.error(404, "NoSuchMonitoringSubscription", "A monitoring subscription does not exist for the specified distribution."));
            default -> SimFunctions.operation(c.method(), c.path().substring(API.length()), c.query()) != null
                    ? functions.answer(operation, c, this::functionInUse)
                    : Answer.error(404, "NotFound", "No such operation: " + c.method + " " + c.path);
        };
    }

    /** Whether a distribution uses the function, in its config or in what its edges still serve. */
    private boolean functionInUse(String arn) {
        Instant now = Instant.now();
        return distributions.values().stream().anyMatch(d -> functionArns(d.config).contains(arn) || functionArns(d.servedAt(now)).contains(arn));
    }

    private static List<String> functionArns(Element config) {
        List<String> arns = new ArrayList<>();
        for (Element b : behaviours(config)) {
            SimXml.children(SimXml.path(b, "FunctionAssociations", "Items"), "FunctionAssociation")
                    .forEach(a -> arns.add(SimXml.text(a, "FunctionARN")));
        }
        return arns;
    }

    /** A fault that makes the distribution's ETag change under the caller, as a change made elsewhere would. */
    synchronized void staleEtag(Call c) {
        Optional.ofNullable(distributions.get(idFrom(c.path()))).ifPresent(d -> d.etag = newEtag());
    }

    synchronized Optional<Instant> deployedAt(String id) {
        return Optional.ofNullable(distributions.get(id)).map(d -> d.deployedAt);
    }

    /** Makes a distribution Deployed now. */
    synchronized void finishDeployment(String id) {
        Optional.ofNullable(distributions.get(id)).ifPresent(d -> d.finish(Instant.now()));
    }

    synchronized int distributionCount() {
        return distributions.size();
    }

    synchronized List<String> distributionIds() {
        return List.copyOf(distributions.keySet());
    }

    /** The distributions whose config names the certificate: ACM's InUseBy. */
    synchronized List<String> usersOfCertificate(String arn) {
        return distributions.values().stream()
                .filter(d -> arn.equals(SimXml.text(d.config, "ViewerCertificate", "ACMCertificateArn"))
                        || arn.equals(SimXml.text(d.servedAt(Instant.now()), "ViewerCertificate", "ACMCertificateArn")))
                .map(d -> d.arn).toList();
    }

    /** What the edge needs to serve a domain: the config of an enabled distribution. */
    synchronized Optional<EdgeConfig> edgeConfig(String domain) {
        return distributions.values().stream()
                .filter(d -> answersTo(d, domain) && d.served(Instant.now()))
                .map(d -> d.servedAt(Instant.now()))
                .filter(SimDistribution::enabled)
                .findFirst()
                .map(config -> EdgeConfig.from(config, id -> policies.get(id).map(SimCachePolicies.Policy::config).orElse(null)));
    }

    /** What a viewer-request function does at the edge: StreamFront's check with its store's secrets, if it is that. */
    Optional<org.streamfront.access.EdgeCheck.Secrets> viewerCheck(String functionArn) {
        return functions.viewerCheck(functionArn);
    }

    synchronized Optional<String> distributionIdOf(String domain) {
        return distributions.values().stream().filter(d -> answersTo(d, domain)).map(d -> d.id).findFirst();
    }

    /** Its own domain, or an alternate domain name once the change that added it has deployed. */
    private static boolean answersTo(SimDistribution d, String host) {
        return d.domain.equalsIgnoreCase(host) || aliases(d.servedAt(Instant.now())).contains(host.toLowerCase(java.util.Locale.ROOT));
    }

    private static List<String> aliases(Element config) {
        return SimXml.children(SimXml.path(config, "Aliases", "Items"), "CNAME").stream()
                .map(e -> e.getTextContent().trim().toLowerCase(java.util.Locale.ROOT)).toList();
    }

    /**
     * CloudFront's checks of alternate domain names: none used by another distribution, and a
     * certificate from ACM in us-east-1, issued, covering each, served by SNI with a minimum TLS policy.
     */
    private Answer aliasProblem(Element config, String selfId) {
        List<String> wanted = aliases(config);
        for (String alias : wanted) {
            if (distributions.values().stream().anyMatch(d -> !d.id.equals(selfId) && aliases(d.config).contains(alias))) {
                return Answer.error(409, "CNAMEAlreadyExists", "One or more of the CNAMEs you provided are already associated with a different resource.");
            }
        }
        if (wanted.isEmpty()) {
            return null;
        }
        String arn = SimXml.text(config, "ViewerCertificate", "ACMCertificateArn");
        if (arn == null || arn.isEmpty()) {
            return Answer.error(400, "InvalidViewerCertificate", "To add an alternate domain name (CNAME) to a CloudFront distribution,"
                    + " you must attach a trusted certificate that validates your authorization to use the domain name.");
        }
        if (!"sni-only".equals(SimXml.text(config, "ViewerCertificate", "SSLSupportMethod"))
                && !"vip".equals(SimXml.text(config, "ViewerCertificate", "SSLSupportMethod"))) {
            return Answer.error(400, "InvalidArgument", "The parameter SSLSupportMethod is required with a custom certificate.");
        }
        for (String alias : wanted) {
            Optional<String> problem = acmSim.get().problemFor(arn, alias);
            if (problem.isPresent()) {
                return Answer.error(400, "InvalidViewerCertificate", problem.get());
            }
        }
        return null;
    }

    /** The names of the account's custom cache policies. */
    synchronized List<String> cachePolicyNames() {
        return policies.custom().stream().map(p -> SimXml.text(p.config(), "Name")).toList();
    }

    /** The ids of the distributions whose behaviours use a cache policy. */
    private List<String> usersOf(String policyId) {
        return distributions.values().stream().filter(d -> behaviours(d.config).stream()
                .anyMatch(b -> policyId.equals(SimXml.text(b, "CachePolicyId")))).map(d -> d.id).toList();
    }

    private static List<Element> behaviours(Element config) {
        List<Element> all = new ArrayList<>();
        Element def = SimXml.child(config, "DefaultCacheBehavior");
        if (def != null) {
            all.add(def);
        }
        all.addAll(SimXml.children(SimXml.path(config, "CacheBehaviors", "Items"), "CacheBehavior"));
        return all;
    }

    synchronized List<String> domains() {
        return distributions.values().stream().map(d -> d.domain).toList();
    }

    record Answer(int status, String body, String etag, String location, String errorCode) {
        Answer(int status, String body, String etag, String location) {
            this(status, body, etag, location, null);
        }

        static Answer error(int status, String code, String message) {
            return new Answer(status, message, null, null, code);
        }

        /** CloudFront's answer to a body that is not the XML it expects. */
        static Answer malformedXml() {
            return error(400, "MalformedXML", "The XML document you provided was not well-formed or did not validate.");
        }
    }

    private Answer withDistribution(String id, Function<SimDistribution, Answer> then) {
        SimDistribution d = distributions.get(id);
        return d == null ? Answer.error(404, "NoSuchDistribution", "The specified distribution does not exist.") : then.apply(d);
    }

    private Answer callerIdentity(Call c) {
        String form = new String(c.body, StandardCharsets.UTF_8);
        if (!form.contains("Action=GetCallerIdentity")) {
            return Answer.error(400, "InvalidAction", "Could not find operation for this request");
        }
        return new Answer(200, "<GetCallerIdentityResponse xmlns=\"https://sts.amazonaws.com/doc/2011-06-15/\">"
                + "<GetCallerIdentityResult><Arn>" + IDENTITY_ARN + "</Arn><UserId>AIDAPRACTICEUSER00001</UserId>"
                + "<Account>" + ACCOUNT_ID + "</Account></GetCallerIdentityResult>"
                + "<ResponseMetadata><RequestId>" + UUID.randomUUID() + "</RequestId></ResponseMetadata>"
                + "</GetCallerIdentityResponse>", null, null);
    }

    private Answer create(Call c, boolean withTags) {
        Element root;
        try {
            root = SimXml.parse(c.body);
        } catch (IllegalArgumentException e) {
            return Answer.malformedXml();
        }
        Element config = withTags ? SimXml.child(root, "DistributionConfig") : root;
        if (config == null || !"DistributionConfig".equals(config.getLocalName())) {
            return Answer.error(400, "MalformedInput", "Missing DistributionConfig.");
        }
        Answer refused = configProblem(config, null);
        if (refused != null) {
            return refused;
        }
        String callerReference = SimXml.text(config, "CallerReference");
        // Real CloudFront documents a CallerReference as unique per create; a deleted distribution does not free it.
        if (!usedCallerReferences.add(callerReference)) {
            return Answer.error(409, "DistributionAlreadyExists",
                    "The caller reference that you are using to create a distribution is associated with another distribution.");
        }
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        String id = "E" + randomText(UPPER, 13);
        var d = new SimDistribution(id, "arn:aws:cloudfront::" + ACCOUNT_ID + ":distribution/" + id,
                "d" + randomText(LOWER, 13) + ".cloudfront.net", callerReference, detached(config),
                newEtag(), now, now.plus(deployDelay), now.plus(edgeDelay));
        if (withTags) {
            for (Element tag : SimXml.children(SimXml.path(root, "Tags", "Items"), "Tag")) {
                d.tags.put(SimXml.text(tag, "Key"), Optional.ofNullable(SimXml.text(tag, "Value")).orElse(""));
            }
        }
        distributions.put(id, d);
        return new Answer(201, distributionXml(d), d.etag, uri.get() + API + "/distribution/" + id);
    }

    /** What CloudFront refuses in a config it is sent (create or update of {@code selfId}), or null. */
    private Answer configProblem(Element config, String selfId) {
        String invalid = invalidConfig(config);
        if (invalid != null) {
            return Answer.error(400, "InvalidArgument", invalid);
        }
        Answer badBehaviour = behaviourProblem(config);
        if (badBehaviour == null) {
            badBehaviour = functionProblem(config);
        }
        return badBehaviour != null ? badBehaviour : aliasProblem(config, selfId);
    }

    /** The InvalidArgument checks CloudFront makes that matter for an AMS origin. */
    private static String invalidConfig(Element config) {
        if (SimXml.text(config, "CallerReference") == null || SimXml.text(config, "CallerReference").isEmpty()) {
            return "The parameter CallerReference is required.";
        }
        if (SimXml.text(config, "Comment") != null && SimXml.text(config, "Comment").length() > 128) {
            return "The parameter Comment is too long.";
        }
        List<Element> origins = SimXml.children(SimXml.path(config, "Origins", "Items"), "Origin");
        if (origins.isEmpty()) {
            return "The parameter Origins is required.";
        }
        for (Element origin : origins) {
            String domain = SimXml.text(origin, "DomainName");
            if (domain == null || domain.isEmpty()) {
                return "The parameter origin name must be a domain name.";
            }
            if (IPV4.matcher(domain).matches() || domain.contains(":")) {
                return "The parameter origin name cannot be an IP address.";
            }
            String path = SimXml.text(origin, "OriginPath");
            if (path != null && !path.isEmpty()) {
                if (!path.startsWith("/")) {
                    return "The parameter Origin Path must begin with a slash.";
                }
                if (path.endsWith("/")) {
                    return "The parameter Origin Path must not end with a slash.";
                }
            }
            long timeout = SimXml.number(origin, 10, "ConnectionTimeout");
            if (timeout < 1 || timeout > 10) {
                return "The parameter ConnectionTimeout must be between 1 and 10 seconds.";
            }
            long attempts = SimXml.number(origin, 3, "ConnectionAttempts");
            if (attempts < 1 || attempts > 3) {
                return "The parameter ConnectionAttempts must be between 1 and 3.";
            }
            if ("true".equals(SimXml.text(origin, "OriginShield", "Enabled"))
                    && !String.valueOf(SimXml.text(origin, "OriginShield", "OriginShieldRegion")).matches("[a-z]{2}-[a-z]+-\\d")) {
                return "The parameter OriginShieldRegion is invalid.";
            }
            for (String port : List.of("HTTPPort", "HTTPSPort")) {
                long value = SimXml.number(origin, -1, "CustomOriginConfig", port);
                if (SimXml.path(origin, "CustomOriginConfig") != null
                        && !(value == 80 || value == 443 || value >= 1024 && value <= 65535)) {
                    return "The parameter " + port + " is invalid.";
                }
            }
        }
        List<Element> groups = SimXml.children(SimXml.path(config, "OriginGroups", "Items"), "OriginGroup");
        for (Element group : groups) {
            List<Element> members = SimXml.children(SimXml.path(group, "Members", "Items"), "OriginGroupMember");
            if (members.size() != 2) {
                return "An origin group must have exactly two members.";
            }
            for (Element m : members) {
                if (origins.stream().noneMatch(o -> SimXml.text(o, "Id").equals(SimXml.text(m, "OriginId")))) {
                    return "The parameter OriginId in an origin group does not refer to an origin in this distribution.";
                }
            }
        }
        for (Element b : behaviours(config)) {
            String target = SimXml.text(b, "TargetOriginId");
            if (origins.stream().noneMatch(o -> SimXml.text(o, "Id").equals(target))
                    && groups.stream().noneMatch(g -> SimXml.text(g, "Id").equals(target))) {
                return "The parameter TargetOriginId does not refer to an origin or origin group in this distribution.";
            }
        }
        return null;
    }

    /** Each behaviour has either a cache policy that exists or the older ForwardedValues, never both. */
    private Answer functionProblem(Element config) {
        for (String arn : functionArns(config)) {
            if (!functions.published(arn)) {
                return Answer.error(400, "InvalidFunctionAssociation",
                        "The function association is not valid: the function does not exist or is not published (" + arn + ").");
            }
        }
        return null;
    }

    private Answer behaviourProblem(Element config) {
        for (Element b : behaviours(config)) {
            String policy = SimXml.text(b, "CachePolicyId");
            boolean legacy = SimXml.child(b, "ForwardedValues") != null;
            if ((policy == null || policy.isEmpty()) && !legacy) {
                return Answer.error(400, "InvalidArgument", "The parameter ForwardedValues is required when CachePolicyId is not set.");
            }
            if (policy != null && !policy.isEmpty()) {
                if (legacy) {
                    return Answer.error(400, "InvalidArgument",
                            "The parameter ForwardedValues cannot be used when a cache policy is associated to the cache behavior.");
                }
                if (policies.get(policy).isEmpty()) {
                    return noSuchPolicy();
                }
            }
            String headersPolicy = SimXml.text(b, "ResponseHeadersPolicyId");
            if (headersPolicy != null && !headersPolicy.isEmpty() && !SimCachePolicies.SIMPLE_CORS.equals(headersPolicy)) {
                return Answer.error(404, "NoSuchResponseHeadersPolicy", "The response headers policy does not exist.");
            }
        }
        return null;
    }

    private static Answer noSuchPolicy() {
        return Answer.error(404, "NoSuchCachePolicy", "The cache policy does not exist.");
    }

    private Answer createMonitoring(Call c, String id) {
        Element root;
        try {
            root = SimXml.parse(c.body);
        } catch (IllegalArgumentException e) {
            return Answer.malformedXml();
        }
        if (!"Enabled".equals(SimXml.text(root, "RealtimeMetricsSubscriptionConfig", "RealtimeMetricsSubscriptionStatus"))) {
            return Answer.error(400, "InvalidArgument", "RealtimeMetricsSubscriptionStatus must be Enabled.");
        }
        if (!monitored.add(id)) {
            return Answer.error(409, "MonitoringSubscriptionAlreadyExists", "A monitoring subscription already exists for the specified distribution.");
        }
        return new Answer(200, xmlDoc(monitoringXml()), null, null);
    }

    private static String monitoringXml() {
        return "<MonitoringSubscription xmlns=\"" + NS + "\"><RealtimeMetricsSubscriptionConfig><RealtimeMetricsSubscriptionStatus>Enabled"
                + "</RealtimeMetricsSubscriptionStatus></RealtimeMetricsSubscriptionConfig></MonitoringSubscription>";
    }

    private Answer createPolicy(Call c) {
        Element config;
        try {
            config = SimXml.parse(c.body);
        } catch (IllegalArgumentException e) {
            return Answer.malformedXml();
        }
        String invalid = SimCachePolicies.invalid(config);
        if (invalid != null) {
            return Answer.error(400, "InvalidArgument", invalid);
        }
        SimCachePolicies.Policy made = SimCachePolicies.made(detached(config), newEtag());
        String refused = policies.add(made);
        if ("CachePolicyAlreadyExists".equals(refused)) {
            return Answer.error(409, refused, "A cache policy with this name already exists.");
        }
        if (refused != null) {
            return Answer.error(400, refused, "You have reached the maximum number of cache policies for this AWS account.");
        }
        return new Answer(201, xmlDoc(SimCachePolicies.policyXml(made)), made.etag(), uri.get() + API + "/cache-policy/" + made.id());
    }

    private Answer listPolicies(Call c) {
        boolean custom = !"managed".equals(c.query.get("Type"));
        List<SimCachePolicies.Policy> all = custom ? policies.custom() : List.of();
        StringBuilder xml = new StringBuilder("<CachePolicyList xmlns=\"" + NS + "\"><MaxItems>100</MaxItems><Quantity>")
                .append(all.size()).append("</Quantity>");
        if (!all.isEmpty()) {
            xml.append("<Items>");
            all.forEach(p -> xml.append("<CachePolicySummary><Type>custom</Type>")
                    .append(SimCachePolicies.policyXml(p).replace(" xmlns=\"" + NS + "\"", "")).append("</CachePolicySummary>"));
            xml.append("</Items>");
        }
        return new Answer(200, xmlDoc(xml.append("</CachePolicyList>").toString()), null, null);
    }

    private Answer deletePolicy(Call c, String id) {
        Optional<SimCachePolicies.Policy> found = policies.get(id);
        if (found.isEmpty()) {
            return noSuchPolicy();
        }
        if (found.get().managed()) {
            return Answer.error(409, "IllegalDelete", "You cannot delete a managed policy.");
        }
        String ifMatch = c.exchange.getRequestHeaders().getFirst("If-Match");
        if (ifMatch == null || ifMatch.isEmpty()) {
            return Answer.error(400, "InvalidIfMatchVersion", "The If-Match version is missing or not valid.");
        }
        if (!ifMatch.equals(found.get().etag())) {
            return Answer.error(412, "PreconditionFailed", "The precondition given in one or more of the request-header fields evaluated to false.");
        }
        if (!usersOf(id).isEmpty()) {
            return Answer.error(409, "CachePolicyInUse", "Cannot delete the cache policy because it is attached to one or more cache behaviors.");
        }
        policies.remove(id);
        return new Answer(204, null, null, null);
    }

    private static Answer distributionIdList(List<String> ids) {
        StringBuilder xml = new StringBuilder("<DistributionIdList xmlns=\"" + NS + "\"><Marker></Marker><MaxItems>100</MaxItems>"
                + "<IsTruncated>false</IsTruncated><Quantity>").append(ids.size()).append("</Quantity>");
        if (!ids.isEmpty()) {
            xml.append("<Items>");
            ids.forEach(id -> xml.append("<DistributionId>").append(id).append("</DistributionId>"));
            xml.append("</Items>");
        }
        return new Answer(200, xmlDoc(xml.append("</DistributionIdList>").toString()), null, null);
    }

    private Answer list(Call c) {
        int max = c.query.containsKey("MaxItems") ? Integer.parseInt(c.query.get("MaxItems")) : 100;
        String marker = c.query.getOrDefault("Marker", "");
        List<SimDistribution> all = new ArrayList<>(distributions.values());
        int start = 0;
        if (!marker.isEmpty()) {
            for (int i = 0; i < all.size(); i++) {
                if (all.get(i).id.equals(marker)) {
                    start = i + 1;
                }
            }
        }
        List<SimDistribution> page = all.subList(Math.min(start, all.size()), Math.min(start + max, all.size()));
        boolean truncated = start + max < all.size();
        StringBuilder xml = new StringBuilder("<DistributionList xmlns=\"" + NS + "\">")
                .append("<Marker>").append(SimXml.escape(marker)).append("</Marker>");
        if (truncated) {
            xml.append("<NextMarker>").append(page.getLast().id).append("</NextMarker>");
        }
        xml.append("<MaxItems>").append(max).append("</MaxItems>")
                .append("<IsTruncated>").append(truncated).append("</IsTruncated>")
                .append("<Quantity>").append(page.size()).append("</Quantity>");
        if (!page.isEmpty()) {
            xml.append("<Items>");
            Instant now = Instant.now();
            for (SimDistribution d : page) {
                xml.append("<DistributionSummary>").append(header(d, now));
                for (String name : List.of("Aliases", "Origins", "OriginGroups", "DefaultCacheBehavior", "CacheBehaviors",
                        "CustomErrorResponses", "Comment", "PriceClass", "Enabled", "ViewerCertificate", "Restrictions",
                        "WebACLId", "HttpVersion", "IsIPV6Enabled")) {
                    Element e = SimXml.child(d.config, name);
                    if (e != null) {
                        xml.append(SimXml.toString(e));
                    } else if (name.equals("OriginGroups")) {
                        xml.append("<OriginGroups><Quantity>0</Quantity></OriginGroups>");
                    }
                }
                xml.append("<Staging>false</Staging></DistributionSummary>");
            }
            xml.append("</Items>");
        }
        xml.append("</DistributionList>");
        return new Answer(200, xmlDoc(xml.toString()), null, null);
    }

    private Answer update(Call c, String id) {
        return withDistribution(id, d -> {
            Answer stale = ifMatchProblem(c, d);
            if (stale != null) {
                return stale;
            }
            Element config;
            try {
                config = SimXml.parse(c.body);
            } catch (IllegalArgumentException e) {
                return Answer.malformedXml();
            }
            Answer refused = configProblem(config, id);
            if (refused != null) {
                return refused;
            }
            if (!d.callerReference.equals(SimXml.text(config, "CallerReference"))) {
                return Answer.error(400, "IllegalUpdate", "The CallerReference cannot be changed.");
            }
            Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
            d.change(detached(config), now, now.plus(deployDelay), now.plus(edgeDelay));
            d.etag = newEtag();
            return new Answer(200, distributionXml(d), d.etag, null);
        });
    }

    private Answer delete(Call c, String id) {
        return withDistribution(id, d -> {
            Answer stale = ifMatchProblem(c, d);
            if (stale != null) {
                return stale;
            }
            if (d.enabled() || d.status(Instant.now()).equals("InProgress")) {
                return Answer.error(409, "DistributionNotDisabled",
                        "The distribution you are trying to delete has not been disabled.");
            }
            distributions.remove(id);
            return new Answer(204, null, null, null);
        });
    }

    /** CloudFront's optimistic locking: changes must name the ETag they were based on. */
    private static Answer ifMatchProblem(Call c, SimDistribution d) {
        String ifMatch = c.exchange.getRequestHeaders().getFirst("If-Match");
        if (ifMatch == null || ifMatch.isEmpty()) {
            return Answer.error(400, "InvalidIfMatchVersion", "The If-Match version is missing or not valid.");
        }
        if (!ifMatch.equals(d.etag)) {
            return Answer.error(412, "PreconditionFailed", "The precondition given in one or more of the request-header fields evaluated to false.");
        }
        return null;
    }

    private Answer listTags(Call c) {
        String arn = c.query.get("Resource");
        return distributions.values().stream().filter(d -> d.arn.equals(arn)).findFirst()
                .map(d -> new Answer(200, xmlDoc("<Tags xmlns=\"" + NS + "\">" + tagsXml(d.tags) + "</Tags>"), null, null))
                .orElse(Answer.error(404, "NoSuchResource", "The specified resource does not exist."));
    }

    private Answer tag(Call c) {
        String arn = c.query.get("Resource");
        SimDistribution d = distributions.values().stream().filter(x -> x.arn.equals(arn)).findFirst().orElse(null);
        if (d == null) {
            return Answer.error(404, "NoSuchResource", "The specified resource does not exist.");
        }
        Element tags = SimXml.parse(c.body);
        for (Element tag : SimXml.children(SimXml.child(tags, "Items"), "Tag")) {
            d.tags.put(SimXml.text(tag, "Key"), Optional.ofNullable(SimXml.text(tag, "Value")).orElse(""));
        }
        return new Answer(204, null, null, null);
    }

    // ---- XML ------------------------------------------------------------------------------

    static String xmlDoc(String body) {
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n" + body;
    }

    private static String header(SimDistribution d, Instant now) {
        return "<Id>" + d.id + "</Id><ARN>" + d.arn + "</ARN><Status>" + d.status(now) + "</Status>"
                + "<LastModifiedTime>" + d.lastModified + "</LastModifiedTime>"
                + "<DomainName>" + d.domain + "</DomainName>";
    }

    private static String distributionXml(SimDistribution d) {
        Instant now = Instant.now();
        return xmlDoc("<Distribution xmlns=\"" + NS + "\">"
                + "<Id>" + d.id + "</Id><ARN>" + d.arn + "</ARN><Status>" + d.status(now) + "</Status>"
                + "<LastModifiedTime>" + d.lastModified + "</LastModifiedTime>"
                + "<InProgressInvalidationBatches>0</InProgressInvalidationBatches>"
                + "<DomainName>" + d.domain + "</DomainName>"
                + "<ActiveTrustedSigners><Enabled>false</Enabled><Quantity>0</Quantity></ActiveTrustedSigners>"
                + "<ActiveTrustedKeyGroups><Enabled>false</Enabled><Quantity>0</Quantity></ActiveTrustedKeyGroups>"
                + SimXml.toString(d.config)
                + "</Distribution>");
    }

    private static String tagsXml(Map<String, String> tags) {
        StringBuilder xml = new StringBuilder("<Items>");
        tags.forEach((k, v) -> xml.append("<Tag><Key>").append(SimXml.escape(k)).append("</Key><Value>")
                .append(SimXml.escape(v)).append("</Value></Tag>"));
        return xml.append("</Items>").toString();
    }

    static void error(HttpExchange exchange, int status, String code, String message) throws IOException {
        exchange.getResponseHeaders().set("x-amzn-ErrorType", code);
        SimHttp.sendText(exchange, status, "text/xml", xmlDoc("<ErrorResponse xmlns=\"" + NS + "\"><Error>"
                + "<Type>" + (status >= 500 ? "Receiver" : "Sender") + "</Type><Code>" + code + "</Code>"
                + "<Message>" + SimXml.escape(message) + "</Message></Error>"
                + "<RequestId>" + UUID.randomUUID() + "</RequestId></ErrorResponse>"));
    }

    private Element detached(Element config) {
        return (Element) config.cloneNode(true);
    }

    private String newEtag() {
        return "E" + randomText(UPPER, 13);
    }

    private String randomText(char[] alphabet, int length) {
        char[] out = new char[length];
        for (int i = 0; i < length; i++) {
            out[i] = alphabet[random.nextInt(alphabet.length)];
        }
        return new String(out);
    }

    private static String idFrom(String path) {
        String[] parts = path.split("/");
        return parts.length > 3 ? URLDecoder.decode(parts[3], StandardCharsets.UTF_8) : "";
    }

}
