package org.streamfront.cli;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.streamfront.Messages;
import org.streamfront.access.TokenSecret;
import org.streamfront.access.TokenSnippets;
import org.streamfront.access.ViewerToken;
import org.streamfront.deploy.Progress;
import org.streamfront.deploy.Snapshot;
import org.streamfront.deploy.TokenGate;
import org.streamfront.plan.DistributionConfigMapper;
import org.streamfront.playback.ViewerUrls;
import org.streamfront.services.DeployServices;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

@Command(name = "token", description = "Prints a viewer address with a fresh token for a distribution whose viewers need one, "
        + "or (--snippet) how your site can make such tokens itself.")
final class TokenCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    AwsOptions aws;

    @Parameters(paramLabel = "ID", arity = "0..1", description = "The distribution id (E...).")
    String id;

    @Option(names = "--stream", paramLabel = "STREAM", description = "The stream the token opens (default: the plan's stream).")
    String stream;

    @Option(names = "--valid", paramLabel = "DURATION", defaultValue = "2h", converter = DurationConverter.class,
            description = "How long the token plays (default ${DEFAULT-VALUE}, at most 24h).")
    Duration valid;

    @Option(names = "--secret-file", paramLabel = "FILE",
            description = "The file holding the secret (default: read it back from the distribution's key value store).")
    Path secretFile;

    @Option(names = "--snippet", paramLabel = "LANGUAGE", description = "Print server-side code that makes tokens: js, php or python.")
    String snippet;

    @Override
    public Integer call() throws Exception {
        var err = spec.commandLine().getErr();
        var out = spec.commandLine().getOut();
        if (snippet != null && !TokenSnippets.LANGUAGES.contains(snippet)) {
            throw new ParameterException(spec.commandLine(), "--snippet must be one of " + String.join(", ", TokenSnippets.LANGUAGES));
        }
        if (snippet == null && id == null) {
            throw new ParameterException(spec.commandLine(), "Give the distribution ID (or --snippet LANGUAGE).");
        }
        if (valid.isNegative() || valid.isZero() || valid.compareTo(TokenGate.ROTATION_GRACE) > 0) {
            throw new ParameterException(spec.commandLine(), Messages.get("cli.token.valid"));
        }
        if (id == null) {
            out.println(TokenSnippets.of(snippet, null, stream));
            out.flush();
            return StreamFrontCommand.OK;
        }
        Progress progress = err::println;
        try (DeployServices services = aws.services()) {
            Snapshot s = services.distributions().get(id, progress);
            String planId = services.distributions().history().forDistribution(id).map(e -> e.planId())
                    .or(() -> DistributionConfigMapper.planIdInComment(s.comment())).orElse(null);
            String streamId = stream != null ? stream
                    : services.distributions().history().forDistribution(id).map(e -> e.streamId()).filter(x -> !x.isBlank()).orElse(null);
            if (streamId == null) {
                throw new ParameterException(spec.commandLine(), "This distribution names no stream: give --stream.");
            }
            if (snippet != null) {
                out.println(TokenSnippets.of(snippet, s.domain(), streamId));
                out.flush();
                return StreamFrontCommand.OK;
            }
            Optional<String> secret = secretFile != null ? Optional.of(TokenSecret.read(secretFile))
                    : planId == null ? Optional.empty()
                    : services.distributions().tokenGate().flatMap(g -> stored(g, planId, progress));
            if (secret.isEmpty()) {
                err.println("error: " + Messages.get("cli.token.noSecret", id));
                return StreamFrontCommand.FAILED;
            }
            Instant expires = Instant.now().plus(valid).truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
            String token = ViewerToken.make(secret.get(), streamId, expires);
            String url = ViewerUrls.withToken(AwsOptions.reach(s.domain()), token, streamId).toString();
            err.println(Messages.get("cli.token.made", streamId, expires));
            out.println(url);
            out.println(JsonNodeFactory.instance.objectNode().put("url", url).put("expires", expires.toString()));
            out.flush();
            return StreamFrontCommand.OK;
        } catch (ParameterException e) {
            throw e;
        } catch (Exception e) {
            return Failures.report(err, e);
        }
    }

    private static Optional<String> stored(TokenGate gate, String planId, Progress progress) {
        try {
            return gate.storedSecret(planId, progress);
        } catch (Exception e) {
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            throw new IllegalStateException(e.getMessage(), e);
        }
    }
}
