package org.streamfront.testing;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.streamfront.cli.CommandProcess;

/**
 * The {@code practice} command in its own process, as a user starts it: the endpoints it prints on
 * stdout ({@code cloudfront-api}, {@code edge}, {@code origin}) and the NAME=value variables it
 * prints on stderr for real mode. Its stderr is drained for as long as it runs, so it never blocks.
 */
public final class PracticeCommandProcess implements AutoCloseable {
    private final Process process;
    public final Map<String, String> endpoints = new HashMap<>();
    public final Map<String, String> variables = new HashMap<>();

    private PracticeCommandProcess(Process process) {
        this.process = process;
    }

    public static PracticeCommandProcess start(int deploySeconds) throws Exception {
        Process p = CommandProcess.start(Files.createTempDirectory("sf-practice"), Map.of(),
                "practice", "--deploy-seconds", String.valueOf(deploySeconds), "--edge-seconds", "0");
        PracticeCommandProcess practice = new PracticeCommandProcess(p);
        var out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
        for (int i = 0; i < 3; i++) {
            String[] line = String.valueOf(out.readLine()).split(" ", 2);
            practice.endpoints.put(line[0], line.length > 1 ? line[1] : "");
        }
        CompletableFuture<String> variablesLine = new CompletableFuture<>();
        Thread.ofPlatform().daemon().start(() -> {
            try (var err = new BufferedReader(new InputStreamReader(p.getErrorStream(), StandardCharsets.UTF_8))) {
                for (String l; (l = err.readLine()) != null; ) {
                    if (l.contains("AWS_ENDPOINT_URL=")) {
                        variablesLine.complete(l.substring(l.indexOf("AWS_ENDPOINT_URL=")));
                    }
                }
            } catch (IOException e) {
                variablesLine.completeExceptionally(new UncheckedIOException(e));
            }
            variablesLine.completeExceptionally(new IllegalStateException("the practice command printed no variables line"));
        });
        for (String word : variablesLine.get(30, TimeUnit.SECONDS).split(" ")) {
            String[] pair = word.split("=", 2);
            practice.variables.put(pair[0], pair[1]);
        }
        return practice;
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        process.waitFor(10, TimeUnit.SECONDS);
    }
}
