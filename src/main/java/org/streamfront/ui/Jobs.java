package org.streamfront.ui;

import java.util.concurrent.Callable;
import java.util.function.Consumer;
import javafx.application.Platform;

/**
 * Where view models run their long work and hear back: {@link #background()} in the app (off the
 * FX thread, results on it), {@link #immediate()} in tests (on the calling thread, at once), so a
 * view model's logic is tested without waiting for threads.
 */
public interface Jobs {
    /** A started job; cancelling it interrupts the work and its results never arrive. */
    interface Job {
        void cancel();
    }

    <T> Job run(Callable<T> work, Consumer<T> onSuccess, Consumer<Throwable> onError);

    /** Runs a small update where the view model's properties live (the FX thread in the app). */
    void ui(Runnable update);

    static Jobs background() {
        return new Jobs() {
            @Override
            public <T> Job run(Callable<T> work, Consumer<T> onSuccess, Consumer<Throwable> onError) {
                var task = Background.run(work, onSuccess, onError);
                return () -> task.cancel(true);
            }

            @Override
            public void ui(Runnable update) {
                Platform.runLater(update);
            }
        };
    }

    static Jobs immediate() {
        return new Jobs() {
            @Override
            public <T> Job run(Callable<T> work, Consumer<T> onSuccess, Consumer<Throwable> onError) {
                T result;
                try {
                    result = work.call();
                } catch (Exception e) {
                    onError.accept(e);
                    return () -> { };
                }
                onSuccess.accept(result);
                return () -> { };
            }

            @Override
            public void ui(Runnable update) {
                update.run();
            }
        };
    }
}
