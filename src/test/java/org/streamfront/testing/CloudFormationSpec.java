package org.streamfront.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Checks a CloudFormation template against the CloudFormation resource specification of the
 * CloudFront types StreamFront exports ({@code cfn-spec/cloudfront.json}, taken from AWS CDK's
 * service spec): every property known, required ones present, values of the right kind, and every
 * {@code Fn::GetAtt} naming a resource of the template and an attribute its type has.
 */
public final class CloudFormationSpec {
    private static final JsonNode SPEC = load();

    private CloudFormationSpec() {
    }

    /** What is wrong with the template, one line each; empty when it fits the specification. */
    public static List<String> problems(JsonNode template) {
        List<String> out = new ArrayList<>();
        JsonNode resources = template.path("Resources");
        for (Map.Entry<String, JsonNode> r : resources.properties()) {
            String type = r.getValue().path("Type").asText();
            JsonNode spec = SPEC.path("resources").path(type);
            if (spec.isMissingNode()) {
                out.add(r.getKey() + ": type " + type + " is not one this check knows");
                continue;
            }
            object(r.getKey() + ".Properties", r.getValue().path("Properties"), spec.path("properties"), resources, out);
        }
        getAtts(template, resources, "", out);
        return out;
    }

    private static void object(String at, JsonNode value, JsonNode properties, JsonNode resources, List<String> out) {
        if (!value.isObject()) {
            out.add(at + ": should be an object");
            return;
        }
        for (Map.Entry<String, JsonNode> p : properties.properties()) {
            if (p.getValue().path("required").asBoolean() && !value.has(p.getKey())) {
                out.add(at + "." + p.getKey() + ": required, missing");
            }
        }
        for (Map.Entry<String, JsonNode> field : value.properties()) {
            JsonNode prop = properties.path(field.getKey());
            if (prop.isMissingNode()) {
                out.add(at + "." + field.getKey() + ": no such property");
                continue;
            }
            value(at + "." + field.getKey(), field.getValue(), prop.path("type"), resources, out);
        }
    }

    private static void value(String at, JsonNode value, JsonNode type, JsonNode resources, List<String> out) {
        if (value.isObject() && value.size() == 1 && value.fieldNames().next().matches("Ref|Fn::.*")) {
            return; // an intrinsic function: its value is known when the stack is made
        }
        switch (type.path("type").asText()) {
            case "string" -> {
                if (!value.isTextual()) {
                    out.add(at + ": should be text");
                }
            }
            case "boolean" -> {
                if (!value.isBoolean()) {
                    out.add(at + ": should be true or false");
                }
            }
            case "integer", "number" -> {
                if (!value.isNumber()) {
                    out.add(at + ": should be a number");
                }
            }
            case "tag" -> {
                if (!value.path("Key").isTextual() || !value.path("Value").isTextual()) {
                    out.add(at + ": a tag needs Key and Value");
                }
            }
            case "array" -> {
                if (!value.isArray()) {
                    out.add(at + ": should be a list");
                    return;
                }
                for (int i = 0; i < value.size(); i++) {
                    value(at + "[" + i + "]", value.get(i), type.path("element"), resources, out);
                }
            }
            case "ref" -> object(at, value, SPEC.path("types").path(type.path("reference").path("$ref").asText()).path("properties"),
                    resources, out);
            default -> out.add(at + ": a kind of value this check does not know: " + type);
        }
    }

    private static void getAtts(JsonNode node, JsonNode resources, String at, List<String> out) {
        if (node.isObject()) {
            JsonNode getAtt = node.get("Fn::GetAtt");
            if (getAtt != null && getAtt.isArray() && getAtt.size() == 2) {
                String resource = getAtt.get(0).asText();
                String type = resources.path(resource).path("Type").asText();
                if (!SPEC.path("resources").path(type).path("attributes").has(getAtt.get(1).asText())) {
                    out.add(at + ": Fn::GetAtt " + resource + "." + getAtt.get(1).asText() + " does not exist");
                }
            }
            node.properties().forEach(e -> getAtts(e.getValue(), resources, at + "." + e.getKey(), out));
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                getAtts(node.get(i), resources, at + "[" + i + "]", out);
            }
        }
    }

    private static JsonNode load() {
        try (InputStream in = CloudFormationSpec.class.getResourceAsStream("/cfn-spec/cloudfront.json")) {
            return new ObjectMapper().readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
