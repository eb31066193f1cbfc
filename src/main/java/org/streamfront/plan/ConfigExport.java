package org.streamfront.plan;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.core.SdkField;
import software.amazon.awssdk.core.SdkPojo;
import software.amazon.awssdk.core.util.SdkAutoConstructList;
import software.amazon.awssdk.core.util.SdkAutoConstructMap;
import software.amazon.awssdk.services.cloudfront.model.DistributionConfig;
import software.amazon.awssdk.services.cloudfront.model.Tags;

/** The plan's distribution config for engineers: AWS CLI input JSON or a CloudFormation template. */
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
        JsonNode node = format == Format.AWS_CLI ? toJson(config) : cloudFormation(config, DistributionConfigMapper.tags(plan));
        try {
            return PlanJson.MAPPER.writeValueAsString(node) + "\n";
        } catch (JacksonException e) {
            throw new IllegalStateException(e);
        }
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

    private static JsonNode cloudFormation(DistributionConfig config, Tags tags) {
        ObjectNode distributionConfig = (ObjectNode) toCfn(toJson(config));
        distributionConfig.remove("CallerReference");
        ObjectNode properties = JSON.objectNode();
        properties.set("DistributionConfig", distributionConfig);
        ArrayNode tagList = properties.putArray("Tags");
        tags.items().forEach(t -> tagList.addObject().put("Key", t.key()).put("Value", t.value()));

        ObjectNode template = JSON.objectNode();
        template.put("AWSTemplateFormatVersion", "2010-09-09");
        template.put("Description", "CloudFront distribution for an Ant Media Server live stream, made by StreamFront");
        ObjectNode distribution = template.putObject("Resources").putObject("Distribution");
        distribution.put("Type", "AWS::CloudFront::Distribution");
        distribution.set("Properties", properties);
        ObjectNode outputs = template.putObject("Outputs");
        outputs.putObject("DomainName").putObject("Value").putArray("Fn::GetAtt").add("Distribution").add("DomainName");
        outputs.putObject("DistributionId").putObject("Value").put("Ref", "Distribution");
        return template;
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
