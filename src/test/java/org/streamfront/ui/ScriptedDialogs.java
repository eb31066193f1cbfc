package org.streamfront.ui;

import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Optional;
import javafx.stage.Window;

/** Answers the file dialogs for the user: headless JavaFX cannot show the OS's own dialog. */
final class ScriptedDialogs implements FileDialogs {
    private final Deque<Path> answers = new ArrayDeque<>();

    void willChoose(Path path) {
        answers.add(path);
    }

    @Override
    public Optional<Path> save(Window owner, String title, String suggestedName, String extension) {
        return Optional.ofNullable(answers.poll());
    }

    @Override
    public Optional<Path> open(Window owner, String title, String extension) {
        return Optional.ofNullable(answers.poll());
    }
}
