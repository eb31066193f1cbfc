package org.streamfront.ui;

import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;
import javafx.concurrent.Task;

/** Runs work off the FX thread and hands the result (or the failure) back on it. */
public final class Background {
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
        task.setOnFailed(e -> onError.accept(task.getException()));
        POOL.execute(task);
        return task;
    }

    /** For work that reports as it goes (through Platform.runLater) and only needs to run. */
    public static void execute(Runnable work) {
        POOL.execute(work);
    }
}
