package org.streamfront.ui.account;

import java.util.List;
import java.util.function.Supplier;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.streamfront.Messages;
import org.streamfront.aws.AwsErrors;
import org.streamfront.aws.AwsSession;
import org.streamfront.aws.Identity;
import org.streamfront.ui.Background;

/**
 * The Account step: which sign-in to use, checking it with AWS (who am I, may I use CloudFront),
 * and the connected session the Review step's Create needs.
 */
public final class AccountViewModel {
    final boolean practice;
    final ObservableList<AwsSession> sessions = FXCollections.observableArrayList();
    final ObjectProperty<AwsSession> selected = new SimpleObjectProperty<>();
    final StringProperty identity = new SimpleStringProperty("");
    final BooleanProperty checking = new SimpleBooleanProperty(false);
    final ObjectProperty<AwsErrors.Explained> error = new SimpleObjectProperty<>();
    final BooleanProperty noCredentialsHere = new SimpleBooleanProperty(false);
    private final ObjectProperty<AwsSession> connected = new SimpleObjectProperty<>();
    private final Supplier<AwsSession> practiceSession;
    private final Supplier<List<AwsSession>> realSessions;
    private final java.util.function.BooleanSupplier credentialsHere;

    /**
     * {@code practiceSession} may block while the simulators start; {@code realSessions} reads the
     * AWS profiles on this computer. Both run off the FX thread, so the window opens at once.
     */
    public AccountViewModel(boolean practice, Supplier<AwsSession> practiceSession, Supplier<List<AwsSession>> realSessions,
                            java.util.function.BooleanSupplier credentialsHere) {
        this.practice = practice;
        this.practiceSession = practiceSession;
        this.realSessions = realSessions;
        this.credentialsHere = credentialsHere;
        selected.subscribe(s -> {
            if (connected.get() != null && connected.get() != s) {
                connected.set(null);
                identity.set("");
            }
        });
    }

    /** Reads the sign-ins on this computer in the background (real mode), or signs in to the practice account. */
    public void load() {
        if (practice) {
            shown();
            return;
        }
        Background.run(() -> new Object[] {realSessions.get(), credentialsHere.getAsBoolean()}, loaded -> {
                @SuppressWarnings("unchecked")
                List<AwsSession> found = (List<AwsSession>) loaded[0];
                sessions.setAll(found);
                if (selected.get() == null && !found.isEmpty()) {
                    selected.set(found.getFirst());
                }
                noCredentialsHere.set(!(Boolean) loaded[1]);
            }, failure -> error.set(AwsErrors.explain(failure)));
    }

    /** The session that passed the check, or null: Create waits for it. */
    public ReadOnlyObjectProperty<AwsSession> connected() {
        return connected;
    }

    public void shown() {
        if (practice && connected.get() == null && !checking.get()) {
            connect();
        }
    }

    public void connect() {
        checking.set(true);
        error.set(null);
        identity.set(Messages.get("account.checking"));
        AwsSession chosen = practice ? null : selected.get();
        Background.run(() -> {
            AwsSession session = practice ? practiceSession.get() : chosen;
            Identity me = session.whoAmI();
            session.checkCloudFrontAccess();
            return new Object[] {session, me};
        }, result -> {
            checking.set(false);
            AwsSession session = (AwsSession) result[0];
            identity.set(((Identity) result[1]).describe() + (practice ? " \u2014 " + Messages.get("account.practiceSession") : ""));
            connected.set(session);
        }, failure -> {
            checking.set(false);
            identity.set("");
            error.set(AwsErrors.explain(failure));
        });
    }
}
