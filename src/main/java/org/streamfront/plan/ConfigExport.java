package org.streamfront.plan;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import software.amazon.awssdk.core.SdkField;
import software.amazon.awssdk.core.SdkPojo;
import software.amazon.awssdk.core.util.SdkAutoConstructList;
import software.amazon.awssdk.core.util.SdkAutoConstructMap;
import software.amazon.awssdk.services.cloudfront.model.DistributionConfig;
import software.amazon.awssdk.services.cloudfront.model.Tags;
import org.streamfront.access.ViewerFunction;

/**
 * The plan for engineers: a short AWS CLI script (find or make the cache policies, then create the
 * distribution) or a CloudFormation template that declares the policies beside the distribution.
 */
public final class ConfigExport {
    public enum Format { AWS_CLI, CLOUDFORMATION }

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
    /** CloudFormation names a few members differently from the API. */
    private static final Map<String, String> CFN_NAMES = Map.of(
            "IsIPV6Enabled", "IPV6Enabled",
            "OriginSslProtocols", "OriginSSLProtocols",
            "CustomHeaders", "OriginCustomHeaders");

    private ConfigExport() {
    }

    public static String export(Plan plan, Format format) {
        DistributionConfig config = DistributionConfigMapper.toConfig(plan);
        List<CacheSettings> policies = List.of(CacheSettings.playlists(plan.cache()), CacheSettings.segments(plan.cache()));
        return format == Format.AWS_CLI ? script(plan, config, policies)
                : json(cloudFormation(plan, config, DistributionConfigMapper.tags(plan), policies));
    }

    private static String json(JsonNode node) {
        try {
            return PlanJson.MAPPER.writeValueAsString(node) + "\n";
        } catch (JacksonException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * A POSIX shell script a person can read: each cache policy is looked up by name and made if
     * missing (policies are shared by content), then its id replaces the name in the distribution config.
     */
    private static String script(Plan plan, DistributionConfig config, List<CacheSettings> policies) {
        StringBuilder sh = new StringBuilder();
        sh.append("#!/bin/sh\n")
                .append("# CloudFront distribution for an Ant Media Server live stream, made by StreamFront")
                .append(plan.name().isBlank() ? "" : " (" + plan.name().replaceAll("[\\r\\n]", " ") + ")").append(".\n")
                .append("# Needs the AWS CLI, signed in to the account. Run it once: the CallerReference makes a second run fail\n")
                .append("# instead of making a second distribution.\n")
                .append("set -eu\n")
                .append("dir=$(mktemp -d)\n")
                .append("trap 'rm -rf \"$dir\"' EXIT\n\n")
                .append("# A cache policy's id by name; made when the account has none of that name.\n")
                .append("policy_id() {\n")
                .append("  id=$(aws cloudfront list-cache-policies --type custom --output text \\\n")
                .append("    --query \"CachePolicyList.Items[?CachePolicy.CachePolicyConfig.Name=='$1'].CachePolicy.Id | [0]\")\n")
                .append("  if [ -z \"$id\" ] || [ \"$id\" = None ]; then\n")
                .append("    id=$(aws cloudfront create-cache-policy --cache-policy-config \"file://$2\" --query CachePolicy.Id --output text)\n")
                .append("  fi\n")
                .append("  echo \"$id\"\n")
                .append("}\n\n");
        List<String> seds = new ArrayList<>();
        Set<String> done = new LinkedHashSet<>();
        for (CacheSettings policy : policies) {
            if (!done.add(policy.name())) {
                continue;
            }
            String var = policy.kind().toUpperCase(Locale.ROOT) + "_POLICY";
            sh.append("cat > \"$dir/").append(policy.kind()).append(".json\" <<'JSON'\n")
                    .append(json(toJson(policy.toPolicyConfig()))).append("JSON\n")
                    .append(var).append("=$(policy_id ").append(policy.name()).append(" \"$dir/").append(policy.kind()).append(".json\")\n\n");
            seds.add("-e \"s/\\\"" + policy.name() + "\\\"/\\\"$" + var + "\\\"/\"");
        }
        if (plan.access().tokens()) {
            viewerCheckScript(sh, plan);
            seds.add("-e \"s/\\\"" + ViewerFunction.functionName(plan.planId()) + "\\\"/\\\"$FUNCTION_ARN\\\"/\"");
        }
        sh.append("cat > \"$dir/distribution.json\" <<'JSON'\n").append(json(toJson(config))).append("JSON\n")
                .append("sed ").append(String.join(" ", seds)).append(" \"$dir/distribution.json\" > \"$dir/ready.json\"\n")
                .append("aws cloudfront create-distribution --distribution-config \"file://$dir/ready.json\" \\\n")
                .append("  --query '{Id: Distribution.Id, Domain: Distribution.DomainName, Status: Distribution.Status}'\n");
        return sh.toString();
    }

    /**
     * The SDK model as the AWS CLI writes it: member names as in the API, lists as
     * {@code {"Quantity": n, "Items": [...]}}. Read off the SDK's own field metadata, so it
     * follows the mapper exactly.
     */
    public static JsonNode toJson(Object value) {
        if (value instanceof SdkPojo pojo) {
            ObjectNode object = JSON.objectNode();
            for (SdkField<?> field : pojo.sdkFields()) {
                Object member = field.getValueOrDefault(pojo);
                if (member != null && !(member instanceof SdkAutoConstructList<?>) && !(member instanceof SdkAutoConstructMap<?, ?>)) {
                    object.set(field.memberName(), toJson(member));
                }
            }
            return object;
        }
        if (value instanceof List<?> list) {
            ArrayNode array = JSON.arrayNode();
            list.forEach(item -> array.add(toJson(item)));
            return array;
        }
        if (value instanceof Boolean b) {
            return JSON.booleanNode(b);
        }
        if (value instanceof Integer i) {
            return JSON.numberNode(i);
        }
        if (value instanceof Long l) {
            return JSON.numberNode(l);
        }
        return JSON.textNode(String.valueOf(value));
    }

    private static JsonNode cloudFormation(Plan plan, DistributionConfig config, Tags tags, List<CacheSettings> policies) {
        ObjectNode distributionConfig = (ObjectNode) toCfn(toJson(config));
        // Each behaviour names its policy; in the template the name becomes a reference to the policy resource.
        Map<String, String> resourceOf = new LinkedHashMap<>();
        policies.forEach(p -> resourceOf.put(p.name(), Character.toUpperCase(p.kind().charAt(0)) + p.kind().substring(1) + "CachePolicy"));
        List<JsonNode> behaviours = new ArrayList<>();
        behaviours.add(distributionConfig.get("DefaultCacheBehavior"));
        distributionConfig.withArray("CacheBehaviors").forEach(behaviours::add);
        for (JsonNode b : behaviours) {
            String name = b.get("CachePolicyId").asText();
            ((ObjectNode) b).putObject("CachePolicyId").put("Ref", resourceOf.get(name));
            if (plan.access().tokens()) {
                // The function the template declares, by reference (its ARN exists once the stack makes it).
                ((ObjectNode) b.get("FunctionAssociations").get(0)).putObject("FunctionARN").putArray("Fn::GetAtt")
                        .add(VIEWER_CHECK).add("FunctionARN");
            }
        }
        distributionConfig.remove("CallerReference");
        ObjectNode properties = JSON.objectNode();
        properties.set("DistributionConfig", distributionConfig);
        ArrayNode tagList = properties.putArray("Tags");
        tags.items().forEach(t -> tagList.addObject().put("Key", t.key()).put("Value", t.value()));

        ObjectNode template = JSON.objectNode();
        template.put("AWSTemplateFormatVersion", "2010-09-09");
        template.put("Description", "CloudFront distribution for an Ant Media Server live stream, made by StreamFront");
        ObjectNode resources = template.putObject("Resources");
        for (CacheSettings policy : policies) {
            String resource = resourceOf.get(policy.name());
            if (resources.has(resource)) {
                continue;
            }
            ObjectNode policyConfig = (ObjectNode) toCfn(toJson(policy.toPolicyConfig()));
            // Policy names are unique in an account: the stack's name keeps them apart from StreamFront's own.
            policyConfig.putObject("Name").put("Fn::Sub", policy.name() + "-${AWS::StackName}");
            ObjectNode r = resources.putObject(resource);
            r.put("Type", "AWS::CloudFront::CachePolicy");
            r.putObject("Properties").set("CachePolicyConfig", policyConfig);
        }
        if (plan.access().tokens()) {
            viewerCheck(resources);
        }
        ObjectNode distribution = resources.putObject("Distribution");
        distribution.put("Type", "AWS::CloudFront::Distribution");
        distribution.set("Properties", properties);
        ObjectNode outputs = template.putObject("Outputs");
        if (plan.access().tokens()) {
            template.put("Description", template.get("Description").asText() + ". Viewers need a token: after the stack is made, put"
                    + " the secret into the key value store (output SecretStoreArn) as the key \"secret\" with the AWS CLI's"
                    + " cloudfront-keyvaluestore put-key; the secret is never in this template.");
            outputs.putObject("SecretStoreArn").putObject("Value").putArray("Fn::GetAtt").add(SECRET_STORE).add("Arn");
        }
        outputs.putObject("DomainName").putObject("Value").putArray("Fn::GetAtt").add("Distribution").add("DomainName");
        outputs.putObject("DistributionId").putObject("Value").put("Ref", "Distribution");
        return template;
    }

    /**
     * The viewer check in the AWS CLI's words: the key value store, the secret put from a file (never
     * on a command line, never in the script), the function made, tested by CloudFront on a request
     * without a token, and published. Needs AWS CLI 2.14 or later (cloudfront-keyvaluestore).
     */
    private static void viewerCheckScript(StringBuilder sh, Plan plan) {
        String store = ViewerFunction.storeName(plan.planId());
        String function = ViewerFunction.functionName(plan.planId());
        String stream = plan.stream().id().isBlank() ? "stream1" : plan.stream().id();
        sh.append("# Viewers need a token (an AMS play JWT), checked at CloudFront's edge. The secret is read from a file,\n")
                .append("# made readable by you alone if it does not exist yet; it is never on a command line or in this script.\n")
                .append("SECRET_FILE=${STREAMFRONT_SECRET_FILE:-./viewers.secret}\n")
                .append("if [ ! -f \"$SECRET_FILE\" ]; then\n")
                .append("  (umask 077; head -c 32 /dev/urandom | base64 | tr '+/' '-_' | tr -d '=\\n' > \"$SECRET_FILE\")\n")
                .append("  echo \"A new viewer-token secret is in $SECRET_FILE\" >&2\n")
                .append("fi\n")
                .append("STORE_ARN=$(aws cloudfront create-key-value-store --name ").append(store)
                .append(" --comment 'Viewer-token secret of a StreamFront plan' --query KeyValueStore.ARN --output text)\n")
                .append("until [ \"$(aws cloudfront describe-key-value-store --name ").append(store)
                .append(" --query KeyValueStore.Status --output text)\" = READY ]; do sleep 2; done\n")
                .append("ETAG=$(aws cloudfront-keyvaluestore describe-key-value-store --kvs-arn \"$STORE_ARN\" --query ETag --output text)\n")
                .append("{ printf '{\"KvsARN\": \"%s\", \"Key\": \"secret\", \"IfMatch\": \"%s\", \"Value\": \"' \"$STORE_ARN\" \"$ETAG\"\n")
                .append("  tr -d '\\n' < \"$SECRET_FILE\" | sed 's/\\\\/\\\\\\\\/g; s/\"/\\\\\"/g'; printf '\"}\\n'; } > \"$dir/put-key.json\"\n")
                .append("aws cloudfront-keyvaluestore put-key --cli-input-json \"file://$dir/put-key.json\" > /dev/null\n\n")
                .append("cat > \"$dir/viewer-check.js\" <<'JS'\n").append(ViewerFunction.source()).append("JS\n")
                .append("printf '{\"Comment\": \"StreamFront: viewers need a token\", \"Runtime\": \"").append(ViewerFunction.RUNTIME)
                .append("\", \"KeyValueStoreAssociations\": {\"Quantity\": 1, \"Items\": [{\"KeyValueStoreARN\": \"%s\"}]}}' \"$STORE_ARN\"")
                .append(" > \"$dir/function-config.json\"\n")
                .append("FUNCTION_ETAG=$(aws cloudfront create-function --name ").append(function)
                .append(" --function-config \"file://$dir/function-config.json\" --function-code \"fileb://$dir/viewer-check.js\" --query ETag --output text)\n")
                .append("# CloudFront's own runtime must refuse a request without a token before the function is published.\n")
                .append("printf '%s' '{\"version\": \"1.0\", \"context\": {\"eventType\": \"viewer-request\"}, \"viewer\": {\"ip\": \"198.51.100.7\"}, ")
                .append("\"request\": {\"method\": \"GET\", \"uri\": \"/streams/").append(stream)
                .append(".m3u8\", \"querystring\": {}, \"headers\": {}, \"cookies\": {}}}' > \"$dir/event.json\"\n")
                .append("aws cloudfront test-function --name ").append(function).append(" --if-match \"$FUNCTION_ETAG\" --event-object \"fileb://$dir/event.json\" \\\n")
                .append("  --query TestResult.FunctionOutput --output text | grep -Eq '\"statusCode\": ?401' \\\n")
                .append("  || { echo 'CloudFront did not refuse a request without a token: the function was not published.' >&2; exit 1; }\n")
                .append("aws cloudfront publish-function --name ").append(function).append(" --if-match \"$FUNCTION_ETAG\" > /dev/null\n")
                .append("FUNCTION_ARN=$(aws cloudfront describe-function --name ").append(function)
                .append(" --stage LIVE --query FunctionSummary.FunctionMetadata.FunctionARN --output text)\n\n");
    }

    private static final String VIEWER_CHECK = "ViewerCheck";
    private static final String SECRET_STORE = "ViewerSecretStore";

    /** The key value store (empty: the secret never travels in a template) and the published function reading it. */
    private static void viewerCheck(ObjectNode resources) {
        ObjectNode store = resources.putObject(SECRET_STORE);
        store.put("Type", "AWS::CloudFront::KeyValueStore");
        ObjectNode storeProps = store.putObject("Properties");
        storeProps.putObject("Name").put("Fn::Sub", "${AWS::StackName}-viewer-secret");
        storeProps.put("Comment", "Viewer-token secret (key \"secret\"), read by the function " + VIEWER_CHECK);
        ObjectNode function = resources.putObject(VIEWER_CHECK);
        function.put("Type", "AWS::CloudFront::Function");
        ObjectNode props = function.putObject("Properties");
        props.putObject("Name").put("Fn::Sub", "${AWS::StackName}-viewers");
        props.put("AutoPublish", true);
        props.put("FunctionCode", ViewerFunction.source());
        ObjectNode config = props.putObject("FunctionConfig");
        config.put("Comment", "StreamFront: viewers need a token (AMS play JWT)");
        config.put("Runtime", ViewerFunction.RUNTIME);
        config.putArray("KeyValueStoreAssociations").addObject().putObject("KeyValueStoreARN").putArray("Fn::GetAtt").add(SECRET_STORE).add("Arn");
    }

    /**
     * API shape to CloudFormation shape: {@code {Quantity, Items}} becomes a plain list, empty
     * lists and empty strings are left out, CachedMethods moves up beside AllowedMethods.
     */
    private static JsonNode toCfn(JsonNode node) {
        if (!node.isObject()) {
            return node;
        }
        if (node.has("Quantity") && node.size() <= 2 && (node.size() == 1 || node.has("Items"))) {
            return node.has("Items") ? toCfnList(node.get("Items")) : null;
        }
        ObjectNode out = JSON.objectNode();
        List<Map.Entry<String, JsonNode>> fields = new ArrayList<>();
        node.properties().forEach(fields::add);
        for (Map.Entry<String, JsonNode> field : fields) {
            String name = CFN_NAMES.getOrDefault(field.getKey(), field.getKey());
            JsonNode value = field.getValue();
            if (name.equals("AllowedMethods")) {
                out.set("AllowedMethods", toCfnList(value.get("Items")));
                out.set("CachedMethods", toCfnList(value.get("CachedMethods").get("Items")));
                continue;
            }
            if (name.equals("GeoRestriction")) {
                out.putObject(name).put("RestrictionType", value.get("RestrictionType").asText());
                continue;
            }
            if (value.isObject() && value.has("Enabled") && value.has("Quantity") && value.get("Quantity").asInt() == 0) {
                continue;
            }
            JsonNode converted = value.isArray() ? toCfnList(value) : toCfn(value);
            if (converted != null && !(converted.isTextual() && converted.asText().isEmpty())) {
                out.set(name, converted);
            }
        }
        return out;
    }

    private static ArrayNode toCfnList(JsonNode array) {
        ArrayNode out = JSON.arrayNode();
        array.forEach(item -> out.add(toCfn(item)));
        return out;
    }
}
