package org.streamfront.ui.account;

import java.net.URI;
import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.logging.Logger;
import javafx.application.Platform;
import javafx.beans.Observable;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.concurrent.Task;
import org.streamfront.Messages;
import org.streamfront.aws.AwsConfigFiles;
import org.streamfront.aws.AwsErrors;
import org.streamfront.aws.AwsSession;
import org.streamfront.aws.Identity;
import org.streamfront.aws.SsoSignIn;
import org.streamfront.ui.Background;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.services.sso.model.AccountInfo;

/**
 * The Account step: the three ways into AWS (a profile on this computer, IAM Identity Center
 * sign-in, access keys in memory), checking the chosen one with AWS, and the connected session
 * the Review step's Create needs. Secrets live in these properties only, never in the draft.
 */
public final class AccountViewModel {
    private static final Logger LOG = Logger.getLogger(AccountViewModel.class.getName());
    public enum Way { PROFILE, SSO, KEYS }

    final boolean practice;
    final ObjectProperty<Way> way = new SimpleObjectProperty<>(Way.PROFILE);
    final ObservableList<AwsSession> sessions = FXCollections.observableArrayList();
    final ObjectProperty<AwsSession> selected = new SimpleObjectProperty<>();
    /** Counts identity checks; only the newest one's answer counts. */
    private int checkGeneration;
    final StringProperty identity = new SimpleStringProperty("");
    /** Empty, or why the audience charts will not work with this sign-in (it still deploys). */
    final StringProperty metricsNote = new SimpleStringProperty("");
    final BooleanProperty checking = new SimpleBooleanProperty(false);
    final ObjectProperty<AwsErrors.Explained> error = new SimpleObjectProperty<>();
    final BooleanProperty noCredentialsHere = new SimpleBooleanProperty(false);
    final StringProperty notice = new SimpleStringProperty("");

    // Access keys: in memory only; written to the credentials file only when the user asks.
    final StringProperty keyId = new SimpleStringProperty("");
    final StringProperty secretKey = new SimpleStringProperty("");
    final StringProperty sessionToken = new SimpleStringProperty("");
    final BooleanProperty saveKeys = new SimpleBooleanProperty(false);
    final StringProperty profileName = new SimpleStringProperty("streamfront");

    // IAM Identity Center
    final StringProperty startUrl = new SimpleStringProperty("");
    final StringProperty ssoRegion = new SimpleStringProperty("us-east-1");
    final StringProperty userCode = new SimpleStringProperty("");
    final StringProperty verificationUrl = new SimpleStringProperty("");
    final StringProperty ssoStatus = new SimpleStringProperty("");
    final BooleanProperty signingIn = new SimpleBooleanProperty(false);
    final ObservableList<AccountInfo> ssoAccounts = FXCollections.observableArrayList();
    final ObjectProperty<AccountInfo> ssoAccount = new SimpleObjectProperty<>();
    final ObservableList<String> ssoRoles = FXCollections.observableArrayList();
    final StringProperty ssoRole = new SimpleStringProperty();
    final BooleanProperty saveSsoProfile = new SimpleBooleanProperty(false);

    private final ObjectProperty<AwsSession> connected = new SimpleObjectProperty<>();
    private final Supplier<AwsSession> practiceSession;
    private final Supplier<List<AwsSession>> realSessions;
    private final BooleanSupplier credentialsHere;
    private final Function<String, SsoSignIn> ssoFor;
    private final URI awsEndpoint;
    private SsoSignIn.Token ssoToken;
    private Task<?> signIn;

    /**
     * {@code practiceSession} may block while the simulators start; {@code realSessions} reads the
     * AWS profiles on this computer; {@code ssoFor} gives the sign-in service of a region. The
     * endpoint is null except for practice and tests.
     */
    public AccountViewModel(boolean practice, Supplier<AwsSession> practiceSession, Supplier<List<AwsSession>> realSessions,
                            BooleanSupplier credentialsHere, Function<String, SsoSignIn> ssoFor, URI awsEndpointOrNull) {
        this.practice = practice;
        this.practiceSession = practiceSession;
        this.realSessions = realSessions;
        this.credentialsHere = credentialsHere;
        this.ssoFor = ssoFor;
        this.awsEndpoint = awsEndpointOrNull;
        for (var changed : List.<Observable>of(selected, way, keyId, secretKey, sessionToken, ssoRole, ssoAccount)) {
            changed.addListener(obs -> forgetConnection());
        }
        ssoAccount.subscribe(account -> {
            ssoRoles.clear();
            if (account != null && ssoToken != null) {
                SsoSignIn.Token token = ssoToken;
                Background.run(() -> ssoFor.apply(token.region()).roles(token, account.accountId()), roles -> {
                    ssoRoles.setAll(roles);
                    ssoRole.set(roles.isEmpty() ? null : roles.getFirst());
                }, this::failed);
            }
        });
    }

    /** The choice changed: the connection (or the check under way) belonged to the old one. */
    private void forgetConnection() {
        if (checking.get()) {
            checkGeneration++;
            checking.set(false);
            identity.set("");
        }
        if (connected.get() != null) {
            connected.set(null);
            identity.set("");
        }
    }

    /** The session that passed the check, or null: Create waits for it. */
    public ReadOnlyObjectProperty<AwsSession> connected() {
        return connected;
    }

    /** Reads the sign-ins on this computer in the background (real mode), or signs in to the practice account. */
    public void load() {
        if (practice) {
            shown();
            return;
        }
        Background.run(() -> new Found(realSessions.get(), credentialsHere.getAsBoolean()), loaded -> {
            sessions.setAll(loaded.sessions());
            if (selected.get() == null && !loaded.sessions().isEmpty()) {
                selected.set(loaded.sessions().getFirst());
            }
            noCredentialsHere.set(!loaded.credentialsHere());
        }, this::failed);
    }

    public void shown() {
        if (practice && connected.get() == null && !checking.get()) {
            connect();
        }
    }

    /** Checks the chosen way in with AWS: who am I, and may I use CloudFront. */
    public void connect() {
        AwsSession session;
        if (practice) {
            session = null;
        } else {
            session = switch (way.get()) {
                case PROFILE -> selected.get();
                case KEYS -> keysSession();
                case SSO -> null;
            };
            if (session == null && way.get() != Way.SSO) {
                return;
            }
        }
        AwsSession chosen = session;
        Way chosenWay = way.get();
        checking.set(true);
        error.set(null);
        notice.set("");
        identity.set(Messages.get("account.checking"));
        SsoSignIn.Token token = ssoToken;
        String account = ssoAccount.get() == null ? null : ssoAccount.get().accountId();
        String role = ssoRole.get();
        int mine = ++checkGeneration;
        Background.run(() -> {
            AwsSession s = practice ? practiceSession.get()
                    : chosenWay == Way.SSO ? ssoFor.apply(token.region()).session(token, account, role, awsEndpoint) : chosen;
            Identity me = s.whoAmI();
            s.checkCloudFrontAccess();
            return new Checked(s, me);
        }, result -> {
            if (mine != checkGeneration) {
                return; // the user chose another way or profile meanwhile: this answer is about the old one
            }
            checking.set(false);
            identity.set(result.identity().describe() + (practice ? " \u2014 " + Messages.get("account.practiceSession") : ""));
            connected.set(result.session());
            LOG.info(() -> "signed in: " + result.identity().describe());
            saveIfAsked(chosenWay, token, account, role);
            checkMetrics(result.session(), mine);
        }, failure -> {
            if (mine != checkGeneration) {
                return;
            }
            checking.set(false);
            identity.set("");
            failed(failure);
        });
    }

    private record Checked(AwsSession session, Identity identity) {
    }

    /** The optional steps' permissions (audience charts, own address), asked after the sign-in is shown connected: they never hold it up. */
    private void checkMetrics(AwsSession session, int generation) {
        metricsNote.set("");
        Background.run(() -> java.util.stream.Stream.of(session.metricsProblem(), session.addressProblem())
                .flatMap(java.util.Optional::stream).collect(java.util.stream.Collectors.joining("\n")), note -> {
            if (generation == checkGeneration) {
                metricsNote.set(note);
            }
        }, failure -> { });
    }

    /** What this computer has: its sign-ins, and whether any credentials are set up at all. */
    private record Found(List<AwsSession> sessions, boolean credentialsHere) {
    }

    private record SignedIn(SsoSignIn.Token token, List<AccountInfo> accounts) {
    }

    private AwsSession keysSession() {
        String id = keyId.get().strip();
        String secret = secretKey.get().strip();
        if (id.isEmpty() || secret.isEmpty()) {
            error.set(new AwsErrors.Explained(Messages.get("account.keys.missing"), Messages.get("account.keys.missing.advice"), "", null));
            return null;
        }
        var credentials = sessionToken.get().isBlank()
                ? AwsBasicCredentials.create(id, secret)
                : AwsSessionCredentials.create(id, secret, sessionToken.get().strip());
        String shown = id.length() > 8 ? id.substring(0, 4) + "\u2026" + id.substring(id.length() - 4) : id;
        return new AwsSession(Messages.get("account.keysSession", shown), StaticCredentialsProvider.create(credentials), awsEndpoint);
    }

    /** Writes the AWS CLI profile the user asked for, once the sign-in has proved to work. */
    private void saveIfAsked(Way chosenWay, SsoSignIn.Token token, String account, String role) {
        try {
            if (chosenWay == Way.KEYS && saveKeys.get()) {
                AwsConfigFiles.saveKeysProfile(AwsConfigFiles.credentialsFile(), profileName.get().strip(),
                        keyId.get().strip(), secretKey.get().strip(), sessionToken.get());
                notice.set(Messages.get("account.savedProfile", profileName.get().strip(), AwsConfigFiles.credentialsFile()));
            } else if (chosenWay == Way.SSO && saveSsoProfile.get() && token != null) {
                SsoSignIn.saveToken(token, AwsConfigFiles.ssoCacheDir());
                AwsConfigFiles.saveSsoProfile(AwsConfigFiles.configFile(), profileName.get().strip(), token.startUrl(),
                        token.region(), account, role);
                notice.set(Messages.get("account.savedProfile", profileName.get().strip(), AwsConfigFiles.configFile()));
            }
        } catch (Exception e) {
            notice.set(Messages.get("account.saveFailed", e.getClass().getSimpleName()));
        }
    }

    /** Starts IAM Identity Center sign-in: shows the code, opens the browser, waits for approval. */
    public void startSignIn(Consumer<String> openBrowser) {
        String url = startUrl.get().strip();
        if (!url.startsWith("https://")) {
            error.set(new AwsErrors.Explained(Messages.get("sso.badUrl"), Messages.get("sso.badUrl.advice"), url, null));
            return;
        }
        String region = ssoRegion.get().strip();
        SsoSignIn sso = ssoFor.apply(region);
        error.set(null);
        signingIn.set(true);
        ssoStatus.set(Messages.get("sso.starting"));
        ssoAccounts.clear();
        signIn = Background.run(() -> {
            SsoSignIn.Device device = sso.start(url);
            Platform.runLater(() -> {
                userCode.set(device.userCode());
                verificationUrl.set(device.verificationUriComplete() != null ? device.verificationUriComplete() : device.verificationUri());
                ssoStatus.set(Messages.get("sso.approve"));
                try {
                    openBrowser.accept(verificationUrl.get());
                } catch (RuntimeException noBrowser) {
                    ssoStatus.set(Messages.get("sso.openYourself"));
                }
            });
            SsoSignIn.Token token = sso.await(url, device, status -> Platform.runLater(() -> ssoStatus.set(status)));
            return new SignedIn(token, sso.accounts(token));
        }, result -> {
            signingIn.set(false);
            ssoToken = result.token();
            userCode.set("");
            ssoStatus.set(Messages.get("sso.signedIn"));
            ssoAccounts.setAll(result.accounts());
            ssoAccount.set(result.accounts().isEmpty() ? null : result.accounts().getFirst());
        }, failure -> {
            signingIn.set(false);
            userCode.set("");
            if (signIn != null && signIn.isCancelled()) {
                ssoStatus.set(Messages.get("sso.cancelled"));
                return;
            }
            ssoStatus.set("");
            failed(failure);
        });
    }

    public void cancelSignIn() {
        if (signIn != null && signingIn.get()) {
            signIn.cancel(true);
            signingIn.set(false);
            userCode.set("");
            ssoStatus.set(Messages.get("sso.cancelled"));
        }
    }

    private void failed(Throwable failure) {
        if (failure instanceof SsoSignIn.SignInRefused refused) {
            error.set(new AwsErrors.Explained(refused.getMessage(), Messages.get("sso.tryAgain"), "", null));
            return;
        }
        error.set(AwsErrors.explain(failure));
    }
}
