package org.streamfront.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.streamfront.Messages;
import org.streamfront.access.EdgeCheck;
import org.streamfront.access.ViewerFunction;
import org.streamfront.access.ViewerToken;
import org.streamfront.aws.KeyValueStoreData;
import org.streamfront.aws.Retry;
import org.streamfront.plan.Plan;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.cloudfront.CloudFrontClient;
import software.amazon.awssdk.services.cloudfront.model.CannotDeleteEntityWhileInUseException;
import software.amazon.awssdk.services.cloudfront.model.EntityAlreadyExistsException;
import software.amazon.awssdk.services.cloudfront.model.EntityNotFoundException;
import software.amazon.awssdk.services.cloudfront.model.FunctionAlreadyExistsException;
import software.amazon.awssdk.services.cloudfront.model.FunctionConfig;
import software.amazon.awssdk.services.cloudfront.model.FunctionInUseException;
import software.amazon.awssdk.services.cloudfront.model.FunctionRuntime;
import software.amazon.awssdk.services.cloudfront.model.FunctionStage;
import software.amazon.awssdk.services.cloudfront.model.KeyValueStoreAssociation;
import software.amazon.awssdk.services.cloudfront.model.NoSuchFunctionExistsException;

/**
 * The viewer-token check at CloudFront's edge for one plan: its key value store (holding the
 * secret), its function (StreamFront's code, associated with the store), tested with CloudFront's
 * TestFunction, then published. Every step is found again by name before it is made, so a run
 * stopped at any moment and run again ends with exactly one store and one function. A function or
 * store is deleted only when no distribution uses it any more (CloudFront refuses otherwise).
 */
public final class TokenGate {
    /** How long the previous secret still opens streams after a rotation: the longest token StreamFront makes. */
    public static final Duration ROTATION_GRACE = Duration.ofHours(24);
    /** A stream id no server has, for the test tokens. */
    static final String TEST_STREAM = "streamfront-selftest";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Supplier<CloudFrontClient> client;
    private final KeyValueStoreData data;
    private final Retry retry;
    private final Secrets secrets;

    /** Where the secret for a plan comes from, when the caller has one (a file the user named, the app's own). */
    @FunctionalInterface
    public interface Secrets {
        Optional<String> secretFor(String planId) throws IOException;
    }

    public TokenGate(Supplier<CloudFrontClient> client, KeyValueStoreData data, Retry retry, Secrets secrets) {
        this.client = client;
        this.data = data;
        this.retry = retry;
        this.secrets = secrets;
    }

    /** One of the three TestFunction runs: what was sent, what CloudFront's runtime answered, whether that is right. */
    public record TestRun(String what, String answer, boolean right) {
    }

    /** Makes (or finds) the plan's store, secret, function; tests and publishes it. Returns the function's ARN. */
    public String ensure(Plan plan, Progress progress) throws Exception {
        String storeArn = store(plan.planId(), progress);
        String secret = secret(plan.planId(), storeArn, progress);
        String name = ViewerFunction.functionName(plan.planId());
        var dev = function(name, storeArn, progress);
        List<TestRun> runs = test(name, dev.eTag(), secret, progress);
        for (TestRun run : runs) {
            progress.log(Messages.get(run.right() ? "token.log.testRight" : "token.log.testWrong", run.what(), run.answer()));
        }
        if (runs.stream().anyMatch(r -> !r.right())) {
            throw new LifecycleException(Messages.get("token.testFailed"));
        }
        publishIfNeeded(name, dev.eTag(), storeArn, progress);
        return dev.functionSummary().functionMetadata().functionARN();
    }

    /** The secret the plan's store holds now, for making viewer tokens without the secret file. */
    public Optional<String> storedSecret(String planId, Progress progress) throws Exception {
        Optional<String> arn = storeArn(ViewerFunction.storeName(planId), progress);
        if (arn.isEmpty()) {
            return Optional.empty();
        }
        return retry.call("read secret", () -> data.get(arn.get(), EdgeCheck.SECRET_KEY), progress);
    }

    /**
     * Deletes the plan's function, then its store, when no distribution uses them any more; a
     * function still in use (the change that removes it not yet deployed) stays, and so does its store.
     * Returns whether nothing of the plan's is left.
     */
    public boolean remove(String planId, Progress progress) throws Exception {
        String name = ViewerFunction.functionName(planId);
        try {
            var described = retry.call("describe function", () -> client.get().describeFunction(b -> b.name(name).stage(FunctionStage.DEVELOPMENT)), progress);
            retry.call("delete function", () -> client.get().deleteFunction(b -> b.name(name).ifMatch(described.eTag())), progress);
            progress.log(Messages.get("token.log.functionDeleted", name));
        } catch (NoSuchFunctionExistsException gone) {
            // already deleted, or never made
        } catch (FunctionInUseException stillUsed) {
            progress.log(Messages.get("token.log.functionInUse", name));
            return false;
        }
        String store = ViewerFunction.storeName(planId);
        try {
            var described = retry.call("describe store", () -> client.get().describeKeyValueStore(b -> b.name(store)), progress);
            retry.call("delete store", () -> client.get().deleteKeyValueStore(b -> b.name(store).ifMatch(described.eTag())), progress);
            progress.log(Messages.get("token.log.storeDeleted", store));
        } catch (EntityNotFoundException gone) {
            // already deleted, or never made
        } catch (CannotDeleteEntityWhileInUseException stillUsed) {
            return false;
        }
        return true;
    }

    private String store(String planId, Progress progress) throws Exception {
        String name = ViewerFunction.storeName(planId);
        Optional<String> arn = storeArn(name, progress);
        if (arn.isEmpty()) {
            progress.log(Messages.get("token.log.storeCreated", name));
            try {
                retry.call("create store", () -> client.get().createKeyValueStore(b -> b.name(name)
                        .comment("Viewer-token secret of a StreamFront plan; read by the function " + ViewerFunction.functionName(planId))), progress);
            } catch (EntityAlreadyExistsException madeMeanwhile) {
                // an earlier, unanswered call made it
            }
        }
        // A new store is PROVISIONING for a moment; keys can be written once it is READY.
        Instant deadline = Instant.now().plus(Duration.ofMinutes(3));
        while (true) {
            var kvs = retry.call("describe store", () -> client.get().describeKeyValueStore(b -> b.name(name)), progress).keyValueStore();
            if ("READY".equals(kvs.status())) {
                return kvs.arn();
            }
            if (Instant.now().isAfter(deadline)) {
                throw new LifecycleException(Messages.get("token.storeNotReady", name, kvs.status()));
            }
            Thread.sleep(DeployWatcher.pollEvery(Duration.ofSeconds(2)).toMillis());
        }
    }

    private Optional<String> storeArn(String name, Progress progress) throws Exception {
        try {
            return Optional.of(retry.call("describe store", () -> client.get().describeKeyValueStore(b -> b.name(name)), progress)
                    .keyValueStore().arn());
        } catch (EntityNotFoundException none) {
            return Optional.empty();
        }
    }

    /**
     * Writes the caller's secret when the store lacks it or holds another (a rotation: the old one
     * stays valid for a while). A write refused because the store changed meanwhile (its ETag moved,
     * or an earlier unanswered write went through) is looked at again.
     */
    private String secret(String planId, String storeArn, Progress progress) throws Exception {
        Optional<String> given = secrets.secretFor(planId);
        for (int tries = 0; ; tries++) {
            Optional<String> stored = retry.call("read secret", () -> data.get(storeArn, EdgeCheck.SECRET_KEY), progress);
            if (given.isEmpty()) {
                return stored.orElseThrow(() -> new LifecycleException(Messages.get("token.noSecret")));
            }
            if (stored.equals(given)) {
                return given.get();
            }
            String etag = retry.call("store version", () -> data.etag(storeArn), progress);
            Map<String, String> puts = stored.isEmpty() ? Map.of(EdgeCheck.SECRET_KEY, given.get())
                    : Map.of(EdgeCheck.SECRET_KEY, given.get(), EdgeCheck.PREVIOUS_KEY, stored.get(),
                    EdgeCheck.PREVIOUS_UNTIL_KEY, String.valueOf(Instant.now().plus(ROTATION_GRACE).getEpochSecond()));
            try {
                retry.call("write secret", () -> data.update(storeArn, etag, puts, List.of()), progress);
            } catch (KeyValueStoreData.Refused changedMeanwhile) {
                if (changedMeanwhile.status() != 409 || tries >= 2) {
                    throw changedMeanwhile;
                }
                continue;
            }
            progress.log(stored.isEmpty() ? Messages.get("token.log.secretWritten")
                    : Messages.get("token.log.secretRotated", ROTATION_GRACE.toHours()));
            return given.get();
        }
    }

    /** The function in its DEVELOPMENT stage with StreamFront's code and this store; made or brought up to date. */
    private software.amazon.awssdk.services.cloudfront.model.DescribeFunctionResponse function(String name, String storeArn, Progress progress)
            throws Exception {
        FunctionConfig config = FunctionConfig.builder().comment("StreamFront: viewers need a token (AMS play JWT)")
                .runtime(FunctionRuntime.CLOUDFRONT_JS_2_0)
                .keyValueStoreAssociations(k -> k.quantity(1).items(KeyValueStoreAssociation.builder().keyValueStoreARN(storeArn).build()))
                .build();
        SdkBytes code = SdkBytes.fromUtf8String(ViewerFunction.source());
        try {
            var dev = retry.call("describe function", () -> client.get().describeFunction(b -> b.name(name).stage(FunctionStage.DEVELOPMENT)), progress);
            String devCode = retry.call("get function", () -> client.get().getFunction(b -> b.name(name).stage(FunctionStage.DEVELOPMENT)), progress)
                    .functionCode().asUtf8String();
            if (devCode.equals(ViewerFunction.source()) && storeArn.equals(associatedStore(dev.functionSummary().functionConfig()))) {
                return dev;
            }
            progress.log(Messages.get("token.log.functionUpdated", name));
            retry.call("update function", () -> client.get().updateFunction(b -> b.name(name).ifMatch(dev.eTag()).functionConfig(config).functionCode(code)), progress);
        } catch (NoSuchFunctionExistsException none) {
            progress.log(Messages.get("token.log.functionCreated", name));
            try {
                retry.call("create function", () -> client.get().createFunction(b -> b.name(name).functionConfig(config).functionCode(code)), progress);
            } catch (FunctionAlreadyExistsException madeMeanwhile) {
                return function(name, storeArn, progress);
            }
        }
        return retry.call("describe function", () -> client.get().describeFunction(b -> b.name(name).stage(FunctionStage.DEVELOPMENT)), progress);
    }

    private static String associatedStore(FunctionConfig config) {
        return config.keyValueStoreAssociations() == null || !config.keyValueStoreAssociations().hasItems()
                || config.keyValueStoreAssociations().items().isEmpty() ? null
                : config.keyValueStoreAssociations().items().get(0).keyValueStoreARN();
    }

    /** CloudFront runs the function on a valid, an expired and a forged token; each answer must be the right one. */
    List<TestRun> test(String name, String etag, String secret, Progress progress) throws Exception {
        Instant now = Instant.now();
        String file = "/streams/" + TEST_STREAM + ".m3u8";
        String valid = ViewerToken.make(secret, TEST_STREAM, now.plus(Duration.ofMinutes(10)));
        String expired = ViewerToken.make(secret, TEST_STREAM, now.minus(Duration.ofMinutes(10)));
        String forged = ViewerToken.make(secret + "-not-it", TEST_STREAM, now.plus(Duration.ofMinutes(10)));
        return List.of(
                run(name, etag, Messages.get("token.test.valid"), "/t/" + valid + file, out -> file.equals(out.path("request").path("uri").asText(null)),
                        progress),
                run(name, etag, Messages.get("token.test.expired"), "/t/" + expired + file, out -> out.path("response").path("statusCode").asInt() == 403,
                        progress),
                run(name, etag, Messages.get("token.test.forged"), "/t/" + forged + file, out -> out.path("response").path("statusCode").asInt() == 403,
                        progress));
    }

    private TestRun run(String name, String etag, String what, String uri, java.util.function.Predicate<JsonNode> right, Progress progress)
            throws Exception {
        String event = "{\"version\":\"1.0\",\"context\":{\"eventType\":\"viewer-request\"},\"viewer\":{\"ip\":\"198.51.100.7\"},"
                + "\"request\":{\"method\":\"GET\",\"uri\":" + JSON.writeValueAsString(uri) + ",\"querystring\":{},\"headers\":{},\"cookies\":{}}}";
        var result = retry.call("test function", () -> client.get().testFunction(b -> b.name(name).ifMatch(etag).stage(FunctionStage.DEVELOPMENT)
                .eventObject(SdkBytes.fromString(event, StandardCharsets.UTF_8))), progress).testResult();
        if (result.functionErrorMessage() != null && !result.functionErrorMessage().isBlank()) {
            return new TestRun(what, result.functionErrorMessage(), false);
        }
        JsonNode out;
        try {
            out = JSON.readTree(result.functionOutput() == null ? "" : result.functionOutput());
        } catch (IOException unreadable) {
            return new TestRun(what, Messages.get("token.test.unreadable"), false);
        }
        if (out == null) {
            return new TestRun(what, Messages.get("token.test.unreadable"), false);
        }
        String answer = out.has("response") ? Messages.get("token.test.refused", out.path("response").path("statusCode").asInt())
                : Messages.get("token.test.passed");
        return new TestRun(what, answer, right.test(out));
    }

    private void publishIfNeeded(String name, String devEtag, String storeArn, Progress progress) throws Exception {
        try {
            var live = retry.call("describe function", () -> client.get().describeFunction(b -> b.name(name).stage(FunctionStage.LIVE)), progress);
            String liveCode = retry.call("get function", () -> client.get().getFunction(b -> b.name(name).stage(FunctionStage.LIVE)), progress)
                    .functionCode().asUtf8String();
            if (liveCode.equals(ViewerFunction.source()) && storeArn.equals(associatedStore(live.functionSummary().functionConfig()))) {
                return;
            }
        } catch (NoSuchFunctionExistsException notYet) {
            // never published
        }
        progress.log(Messages.get("token.log.published", name));
        retry.call("publish function", () -> client.get().publishFunction(b -> b.name(name).ifMatch(devEtag)), progress);
    }
}
