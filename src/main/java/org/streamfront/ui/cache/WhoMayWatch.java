package org.streamfront.ui.cache;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.streamfront.Messages;
import org.streamfront.access.TokenSecret;
import org.streamfront.plan.Plan;
import org.streamfront.ui.Background;
import org.streamfront.ui.wizard.PlanForm;

/**
 * The Cache step's "Who may watch": anyone with the address, or viewers with a token. With tokens,
 * the secret the tokens are signed with is made here or pasted (an AMS application's JWT secret)
 * and kept in a file readable by the user alone, one per plan; it is never part of the plan or the draft.
 */
public final class WhoMayWatch {
    public static final String MAKE = "make";
    public static final String PASTE = "paste";

    final PlanForm form;
    final BooleanBinding tokens;
    final StringProperty source = new SimpleStringProperty(MAKE);
    /** What the user pastes; cleared once kept. */
    final StringProperty pasted = new SimpleStringProperty("");
    /** A secret StreamFront just made: shown this once, for the user to copy to their site. */
    final StringProperty shownOnce = new SimpleStringProperty("");
    /** Use was pressed: from then on an empty field shows its rule too. */
    private final BooleanProperty attempted = new SimpleBooleanProperty();
    /** A secret is kept for the plan. */
    final BooleanProperty kept = new SimpleBooleanProperty();
    final StringBinding pastedError;
    final StringBinding blocker;
    private final Path folder;

    public WhoMayWatch(PlanForm form, Path folder) {
        this.form = form;
        this.folder = folder;
        tokens = Bindings.createBooleanBinding(() -> Plan.Access.TOKEN.equals(form.accessMode.get()), form.accessMode);
        pastedError = Bindings.createStringBinding(() -> PASTE.equals(source.get()) && (attempted.get() || !pasted.get().isEmpty())
                ? TokenSecret.problem(pasted.get().strip()).orElse(null) : null, source, pasted, attempted);
        blocker = Bindings.createStringBinding(() -> tokens.get() && !kept.get() ? Messages.get("access.needSecret") : null, tokens, kept);
        // Tokens keep query strings out of the cache key: the form says so at once, as the plan will.
        tokens.subscribe(on -> {
            if (on) {
                form.queryStrings.set(Plan.Cache.NONE);
            }
        });
        form.planId.subscribe(this::lookForKept);
    }

    /** Makes a secret, keeps it, and shows it once. */
    public void make() {
        String planId = form.planId.get();
        Background.run(() -> {
            String secret = TokenSecret.generate();
            TokenSecret.write(TokenSecret.fileFor(folder, planId), secret);
            return secret;
        }, secret -> {
            shownOnce.set(secret);
            kept.set(true);
        }, failed -> kept.set(false));
    }

    /** Keeps the pasted secret, when it is a usable one. */
    public void keepPasted() {
        String secret = pasted.get().strip();
        Optional<String> problem = TokenSecret.problem(secret);
        attempted.set(true);
        if (problem.isPresent()) {
            return;
        }
        String planId = form.planId.get();
        Background.run(() -> {
            TokenSecret.write(TokenSecret.fileFor(folder, planId), secret);
            return true;
        }, done -> {
            attempted.set(false);
            pasted.set("");
            shownOnce.set("");
            kept.set(true);
        }, failed -> kept.set(false));
    }

    private void lookForKept(String planId) {
        shownOnce.set("");
        if (planId == null || planId.isBlank()) {
            kept.set(false);
            return;
        }
        Path file = TokenSecret.fileFor(folder, planId);
        Background.run(() -> Files.exists(file), kept::set, failed -> kept.set(false));
    }
}
