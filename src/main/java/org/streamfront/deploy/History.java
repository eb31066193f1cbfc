package org.streamfront.deploy;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.deser.std.FromStringDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.ToStringSerializer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import org.streamfront.store.AtomicFiles;

/** The distributions StreamFront made, kept in the user's app data folder; every change is on disk before it returns. */
public final class History {
    /** Instants as ISO-8601 text, without pulling in Jackson's java.time module for one type. */
    private static final ObjectMapper JSON = JsonMapper.builder()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .addModule(new SimpleModule()
                    .addSerializer(Instant.class, new ToStringSerializer())
                    .addDeserializer(Instant.class, new FromStringDeserializer<>(Instant.class) {
                        @Override
                        protected Instant _deserialize(String value, DeserializationContext context) {
                            return Instant.parse(value);
                        }
                    }))
            .build();

    private final Path file;
    private final Map<String, HistoryEntry> byPlan = new LinkedHashMap<>();

    public History(Path file) {
        this.file = file;
        if (Files.isRegularFile(file)) {
            try {
                for (HistoryEntry e : JSON.readValue(file.toFile(), new TypeReference<List<HistoryEntry>>() { })) {
                    byPlan.put(e.planId(), e);
                }
            } catch (IOException e) {
                throw new UncheckedIOException("history " + file + " cannot be read", e);
            }
        }
    }

    public synchronized void put(HistoryEntry entry) {
        byPlan.put(entry.planId(), entry);
        try {
            AtomicFiles.write(file, JSON.writeValueAsString(new ArrayList<>(byPlan.values())));
        } catch (IOException e) {
            throw new UncheckedIOException("history " + file + " cannot be saved", e);
        }
    }

    public synchronized Optional<HistoryEntry> forPlan(String planId) {
        return Optional.ofNullable(byPlan.get(planId));
    }

    public synchronized Optional<HistoryEntry> forDistribution(String id) {
        return byPlan.values().stream().filter(e -> id.equals(e.distributionId())).findFirst();
    }

    public synchronized List<HistoryEntry> all() {
        return List.copyOf(byPlan.values());
    }

    /** The newest deployment that had not finished when StreamFront stopped, if any. */
    public synchronized Optional<HistoryEntry> unfinished() {
        return byPlan.values().stream().filter(HistoryEntry::unfinished).reduce((a, b) -> b);
    }

    /** How long past deployments took here, for the Deploy step's estimate. */
    public synchronized OptionalDouble typicalDeploySeconds() {
        return byPlan.values().stream()
                .filter(e -> e.createdAt() != null && e.deployedAt() != null)
                .mapToDouble(e -> Duration.between(e.createdAt(), e.deployedAt()).toMillis() / 1000.0)
                .sorted()
                .average();
    }
}
