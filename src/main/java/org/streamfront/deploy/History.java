package org.streamfront.deploy;

import com.fasterxml.jackson.core.type.TypeReference;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.streamfront.store.AtomicFiles;
import org.streamfront.store.StoreJson;

/**
 * The distributions StreamFront made, kept in the user's app data folder; every change is on disk
 * before it returns. One instance per file in a process ({@link #open}), so two parts of the app
 * never overwrite each other's changes. A file that cannot be read is moved aside, not fatal.
 */
public final class History {
    private static final Logger LOG = Logger.getLogger(History.class.getName());
    private static final Map<Path, History> OPEN = new ConcurrentHashMap<>();

    private final Path file;
    private final Map<String, HistoryEntry> byPlan = new LinkedHashMap<>();
    private final Path movedAside;

    /** The one History of this file in this process. */
    public static History open(Path file) {
        return OPEN.computeIfAbsent(file.toAbsolutePath().normalize(), History::new);
    }

    /** Reads the file afresh; tests use it to play a restart. The app goes through {@link #open}. */
    History(Path file) {
        this.file = file;
        Path aside = null;
        if (Files.isRegularFile(file)) {
            try {
                List<HistoryEntry> entries = StoreJson.MAPPER.readValue(file.toFile(), new TypeReference<List<HistoryEntry>>() { });
                if (entries == null) {
                    throw new IOException("the file holds no list");
                }
                for (HistoryEntry e : entries) {
                    if (e == null || e.planId() == null || e.state() == null) {
                        throw new IOException("an entry without plan id or state");
                    }
                    byPlan.put(e.planId(), e);
                }
            } catch (IOException | RuntimeException e) {
                byPlan.clear();
                aside = moveAside(file, e);
            }
        }
        this.movedAside = aside;
    }

    private static Path moveAside(Path file, Exception why) {
        try {
            Path aside = AtomicFiles.moveAside(file);
            LOG.log(Level.WARNING, "history " + file + " could not be read (" + why.getMessage() + "); kept as " + aside);
            return aside;
        } catch (IOException e) {
            throw new UncheckedIOException("history " + file + " can neither be read nor moved aside", e);
        }
    }

    /** Where an unreadable history was moved when this one started empty; tell the user once. */
    public Optional<Path> movedAside() {
        return Optional.ofNullable(movedAside);
    }

    /** Records a move of the lifecycle; a move the lifecycle does not allow is a bug and is refused. */
    synchronized void put(HistoryEntry entry) {
        HistoryEntry before = byPlan.get(entry.planId());
        if (before != null && before.state() != entry.state() && !before.state().next().contains(entry.state())) {
            throw new IllegalStateException("plan " + entry.planId() + " cannot go from " + before.state() + " to " + entry.state());
        }
        byPlan.put(entry.planId(), entry);
        try {
            AtomicFiles.write(file, StoreJson.MAPPER.writeValueAsString(new ArrayList<>(byPlan.values())));
        } catch (IOException e) {
            throw new UncheckedIOException("history " + file + " cannot be saved", e);
        }
    }

    /** Practice mode only: fresh simulators hold none of the distributions an earlier practice run recorded. */
    public synchronized void forgetAll() {
        if (byPlan.isEmpty()) {
            return;
        }
        byPlan.clear();
        try {
            AtomicFiles.write(file, "[]");
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

    /** The newest plan whose work had not finished when StreamFront stopped, if any. */
    public synchronized Optional<HistoryEntry> unfinished() {
        return byPlan.values().stream().filter(HistoryEntry::unfinished).reduce((a, b) -> b);
    }

    /** How long past deployments took here (the median), for the Deploy step's estimate. */
    public synchronized OptionalDouble typicalDeploySeconds() {
        double[] seconds = byPlan.values().stream()
                .filter(e -> e.createdAt() != null && e.deployedAt() != null)
                .mapToDouble(e -> Duration.between(e.createdAt(), e.deployedAt()).toMillis() / 1000.0)
                .sorted()
                .toArray();
        return seconds.length == 0 ? OptionalDouble.empty() : OptionalDouble.of(seconds[seconds.length / 2]);
    }
}
