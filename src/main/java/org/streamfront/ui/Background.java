package org.streamfront.ui;

import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;
import javafx.concurrent.Task;

/** Runs work off the FX thread and hands the result (or the failure) back on it. */
public final class Background {
    private static final Logger LOG = Logger.getLogger(Background.class.getName());
    private static final ExecutorService IN_TURN = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "streamfront-in-turn");
        t.setDaemon(true);
        return t;
    });
    private static final ExecutorService POOL = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "streamfront-work");
        t.setDaemon(true);
        return t;
    });

    private Background() {
    }

    public static <T> Task<T> run(Callable<T> work, Consumer<T> onSuccess, Consumer<Throwable> onError) {
        Task<T> task = new Task<>() {
            @Override
            protected T call() throws Exception {
                return work.call();
            }
        };
        task.setOnSucceeded(e -> onSuccess.accept(task.getValue()));
        task.setOnFailed(e -> {
            // Every failure reaches the log, whatever the screen makes of it.
            LOG.log(Level.WARNING, "background work failed", task.getException());
            onError.accept(task.getException());
        });
        POOL.execute(task);
        return task;
    }

    /** For writes whose order matters (one settings change after another): one at a time, in the order given. */
    public static void inTurn(Runnable work) {
        IN_TURN.execute(work);
    }

    /** For work that reports as it goes (through Platform.runLater) and only needs to run. */
    public static void execute(Runnable work) {
        POOL.execute(work);
    }
}
