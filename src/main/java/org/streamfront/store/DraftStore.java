package org.streamfront.store;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.streamfront.plan.Plan;
import org.streamfront.plan.PlanFileException;
import org.streamfront.plan.PlanJson;

/**
 * The wizard's unfinished plan, saved on every change so that a crash or a kill loses nothing.
 * Saves happen on one background thread; a burst of changes writes only the newest plan.
 */
public final class DraftStore implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(DraftStore.class.getName());

    private final Path file;
    private final AtomicReference<Plan> pending = new AtomicReference<>();
    private final ExecutorService writer = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "draft-writer");
        t.setDaemon(true);
        return t;
    });

    public DraftStore(Path file) {
        this.file = file;
    }

    public Path file() {
        return file;
    }

    private volatile Path movedAside;

    /** The saved draft and when it was saved, if there is a readable one. An unreadable one is moved aside. */
    public Optional<Draft> load() {
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try {
            return Optional.of(new Draft(PlanJson.read(file), Files.getLastModifiedTime(file).toInstant()));
        } catch (PlanFileException | IOException e) {
            try {
                movedAside = AtomicFiles.moveAside(file);
                LOG.log(Level.WARNING, "draft {0} could not be read; kept as {1}, starting afresh", new Object[] {file, movedAside});
            } catch (IOException moveFailed) {
                LOG.log(Level.WARNING, "draft " + file + " could not be read nor moved aside", moveFailed);
            }
            return Optional.empty();
        }
    }

    /** Where an unreadable draft was moved by {@link #load}, to tell the user once. */
    public Optional<Path> movedAside() {
        return Optional.ofNullable(movedAside);
    }

    /** Queues a save and returns at once. After close, saves are ignored: the window is gone. */
    public void save(Plan plan) {
        if (writer.isShutdown()) {
            return;
        }
        if (pending.getAndSet(plan) == null) {
            writer.execute(this::writePending);
        }
    }

    /** Waits until every queued save is on disk. */
    public void flush() {
        try {
            writer.submit(() -> { }).get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            LOG.log(Level.WARNING, "draft flush did not finish", e);
        }
    }

    private void writePending() {
        Plan plan = pending.getAndSet(null);
        if (plan == null) {
            return;
        }
        try {
            AtomicFiles.write(file, PlanJson.write(plan));
        } catch (IOException e) {
            LOG.log(Level.WARNING, "draft could not be saved", e);
        }
    }

    @Override
    public void close() {
        flush();
        writer.shutdown();
    }

    public record Draft(Plan plan, Instant savedAt) {
    }
}
