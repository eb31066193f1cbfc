package org.streamfront.plan;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.type.LogicalType;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.streamfront.Messages;

/** Reads and writes plan files (and drafts, which are plan files too). */
public final class PlanJson {
    /**
     * Strict: a value of the wrong JSON type is refused rather than coerced ({@code "5080"} is not a
     * port, {@code 12345} not a name, {@code 5080.5} not a whole number, {@code ""} not a missing number),
     * and a key given twice is refused rather than the second silently winning.
     */
    public static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
            .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .enable(SerializationFeature.INDENT_OUTPUT)
            .withCoercionConfigDefaults(c -> c.setAcceptBlankAsEmpty(false)
                    .setCoercion(CoercionInputShape.String, CoercionAction.Fail)
                    .setCoercion(CoercionInputShape.EmptyString, CoercionAction.Fail))
            .withCoercionConfig(LogicalType.Textual, c -> c
                    .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                    .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                    .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail))
            .build();

    private static final Pattern DUPLICATE = Pattern.compile("Duplicate field '([^']*)'");

    private PlanJson() {
    }

    public static String write(Plan plan) {
        try {
            return MAPPER.writeValueAsString(plan) + "\n";
        } catch (JacksonException e) {
            throw new IllegalStateException("a plan always serialises", e);
        }
    }

    /** Parses a plan; JSON and type problems come back as problems with the path of the bad key. */
    public static Plan parse(String json) throws PlanFileException {
        try {
            Plan plan = MAPPER.readValue(json, Plan.class);
            if (plan == null) {
                throw new PlanFileException(List.of(new Problem("$", Messages.get("plan.badValue", "an object"))));
            }
            return plan;
        } catch (UnrecognizedPropertyException e) {
            var parents = e.getPath().subList(0, e.getPath().size() - 1);
            String key = parents.isEmpty() ? e.getPropertyName() : pathOf(parents) + "." + e.getPropertyName();
            throw new PlanFileException(List.of(new Problem(key, Messages.get("plan.unknownKey", e.getPropertyName()))));
        } catch (MismatchedInputException e) {
            String type = e.getTargetType() == null ? "another value" : describe(e.getTargetType());
            throw new PlanFileException(List.of(new Problem(pathOf(e.getPath()), Messages.get("plan.badValue", type))));
        } catch (JacksonException e) {
            // A key given twice (found by the parser, so sometimes inside a deserializer's error), or text that is not JSON.
            int line = e.getLocation() == null ? 0 : e.getLocation().getLineNr();
            Matcher duplicate = DUPLICATE.matcher(String.valueOf(e.getOriginalMessage()));
            if (duplicate.find()) {
                String parent = e.getProcessor() instanceof JsonParser parser ? pathOf(parser.getParsingContext()) : "$";
                String key = parent.equals("$") ? duplicate.group(1) : parent + "." + duplicate.group(1);
                throw new PlanFileException(List.of(new Problem(key, Messages.get("plan.duplicateKey", duplicate.group(1), line))));
            }
            throw new PlanFileException(List.of(new Problem("$", Messages.get("plan.badJson", e.getOriginalMessage())
                    + (line > 0 ? " " + Messages.get("plan.atLine", line) : ""))));
        }
    }

    public static Plan read(Path file) throws PlanFileException {
        try {
            return parse(Files.readString(file));
        } catch (IOException e) {
            throw new PlanFileException(List.of(new Problem("$", Messages.get("plan.unreadable", file))));
        }
    }

    /** Reads a plan and applies the rules: a plan that comes back is one every command may act on. */
    public static Plan readValid(Path file) throws PlanFileException {
        Plan plan = read(file);
        List<Problem> problems = PlanRules.validate(plan);
        if (!problems.isEmpty()) {
            throw new PlanFileException(problems);
        }
        return plan;
    }

    private static String describe(Class<?> type) {
        if (Number.class.isAssignableFrom(type) || type == int.class) {
            return "a whole number";
        }
        if (type == Boolean.class) {
            return "true or false";
        }
        if (type == String.class) {
            return "text";
        }
        return List.class.isAssignableFrom(type) ? "a list" : "an object";
    }

    /** The JSON path of the object a parser is in, e.g. {@code origin} or {@code errorPages[1]}; {@code $} at the top. */
    private static String pathOf(JsonStreamContext context) {
        List<String> parts = new ArrayList<>();
        // The object's own context holds the keys inside it; its parent names the object.
        for (JsonStreamContext c = context == null ? null : context.getParent(); c != null && !c.inRoot(); c = c.getParent()) {
            parts.addFirst(c.inArray() ? "[" + c.getCurrentIndex() + "]" : "." + c.getCurrentName());
        }
        String path = String.join("", parts).replaceFirst("^\\.", "");
        return path.isEmpty() ? "$" : path;
    }

    private static String pathOf(List<JsonMappingException.Reference> refs) {
        if (refs.isEmpty()) {
            return "$";
        }
        return refs.stream()
                .map(r -> r.getFieldName() != null ? "." + r.getFieldName() : "[" + r.getIndex() + "]")
                .collect(Collectors.joining())
                .replaceFirst("^\\.", "");
    }
}
