package org.streamfront.plan;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import org.streamfront.Messages;

/** Reads and writes plan files (and drafts, which are plan files too). */
public final class PlanJson {
    public static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .enable(SerializationFeature.INDENT_OUTPUT)
            .build();

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
            throw new PlanFileException(List.of(new Problem("$", Messages.get("plan.badJson", e.getOriginalMessage()))));
        }
    }

    public static Plan read(Path file) throws PlanFileException {
        try {
            return parse(Files.readString(file));
        } catch (IOException e) {
            throw new PlanFileException(List.of(new Problem("$", Messages.get("plan.unreadable", file))));
        }
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
