package org.streamfront.cli;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.concurrent.TimeUnit;
import org.streamfront.deploy.DeployWatcher;
import org.streamfront.plan.PlanJson;
import org.streamfront.address.PublicDns;
import org.streamfront.playback.PracticeEdge;
import org.streamfront.sim.CloudFrontSimulator;
import org.streamfront.sim.PracticeWorld;

/** Runs StreamFront's command line in its own process, with the environment a user would set. */
public record CommandProcess(int exit, String out, String err) {
    public static CommandProcess run(Path home, Map<String, String> env, String... args) throws Exception {
        return runIn(Locale.US, home, env, args);
    }

    /** As {@link #run}, in a JVM whose locale is {@code locale} (as a user's computer set to that language). */
    public static CommandProcess runIn(Locale locale, Path home, Map<String, String> env, String... args) throws Exception {
        Process p = start(locale, home, env, args);
        var err = p.getErrorStream();
        var errText = new StringBuilder();
        Thread drain = Thread.ofVirtual().start(() -> {
            try {
                errText.append(new String(err.readAllBytes(), StandardCharsets.UTF_8));
            } catch (IOException ignored) {
                // the process ended
            }
        });
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(120, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("streamfront " + String.join(" ", args) + " did not finish");
        }
        drain.join();
        return new CommandProcess(p.exitValue(), out, errText.toString());
    }

    /** The standard AWS variables a script sets to reach the simulators with practice keys (and the practice public DNS). */
    public static Map<String, String> awsVariables(CloudFrontSimulator sim) {
        return Map.of("AWS_ACCESS_KEY_ID", "AKIAPRACTICE00000000", "AWS_SECRET_ACCESS_KEY", "practice-secret",
                "AWS_ENDPOINT_URL_CLOUDFRONT", sim.uri().toString(), "AWS_ENDPOINT_URL_CLOUDWATCH", sim.uri().toString(),
                "AWS_ENDPOINT_URL_ACM", sim.uri().toString(), "AWS_ENDPOINT_URL_CLOUDFRONT_KEYVALUESTORE", sim.uri().toString(), "AWS_ENDPOINT_URL_ROUTE_53", sim.uri().toString(),
                PublicDns.ENDPOINT_VARIABLE, sim.uri().resolve("/dns/resolve").toString());
    }

    /** The same with the practice edge too: own addresses are checked by a request through it, as {@code https://host} would be. */
    public static Map<String, String> awsVariables(PracticeWorld world) {
        Map<String, String> env = new java.util.HashMap<>(awsVariables(world.api));
        env.put(PracticeEdge.VARIABLE, world.edge.uri().toString());
        return env;
    }

    /**
     * Kills a started command with SIGKILL (no shutdown hooks, no finally blocks) once the held call
     * has arrived, or, without a hold, once its progress lines so far satisfy {@code seen}; fails
     * unless that moment came within a minute and the process died of the kill. Returns the progress
     * lines it had printed.
     */
    public static List<String> killAt(Process p, CloudFrontSimulator.Hold hold, Predicate<List<String>> seen) throws Exception {
        List<String> lines = new CopyOnWriteArrayList<>();
        CompletableFuture<Boolean> lineSeen = CompletableFuture.supplyAsync(() -> {
            try (var err = new BufferedReader(new InputStreamReader(p.getErrorStream(), StandardCharsets.UTF_8))) {
                for (String l; (l = err.readLine()) != null; ) {
                    lines.add(l);
                    if (hold == null && seen.test(lines)) {
                        return true;
                    }
                }
            } catch (IOException e) {
                // killed
            }
            return false;
        });
        CompletableFuture.runAsync(() -> {
            try {
                p.getInputStream().transferTo(OutputStream.nullOutputStream());
            } catch (IOException ignored) {
                // killed
            }
        });
        boolean reached = hold != null ? hold.awaitReached(Duration.ofSeconds(60)) : lineSeen.get(60, TimeUnit.SECONDS);
        p.destroyForcibly(); // SIGKILL on Linux and macOS
        if (!p.waitFor(30, TimeUnit.SECONDS)) {
            throw new AssertionError("the killed command did not end");
        }
        if (hold != null) {
            hold.release();
        }
        if (!reached) {
            throw new AssertionError("the kill point was not reached; the command said " + lines);
        }
        if (p.exitValue() != 137) {
            throw new AssertionError("the command finished (exit " + p.exitValue() + ") before it was killed; it said " + lines);
        }
        return List.copyOf(lines);
    }

    /**
     * What makes a short-lived child JVM start fast: an AOT cache of the test class path (JDK 25), the
     * AWS SDK's, Jackson's and picocli's classes loaded and linked as one {@code apply --wait} needs
     * them, recorded once per test run; and the client compiler alone. Behaviour is unchanged: a
     * class the cache lacks is loaded from its jar as usual.
     */
    private static List<String> quickStart() {
        List<String> options = new ArrayList<>(List.of("-XX:TieredStopAtLevel=1"));
        String cache = System.getProperty("streamfront.test.aot");
        if (cache != null && Files.exists(Path.of(cache))) {
            options.addAll(List.of("-XX:AOTCache=" + cache, "-Xlog:aot=off", "-Xlog:cds=off"));
        }
        return options;
    }

    private static String childClassPath;

    /**
     * The app's class path for a child: its libraries as they are, and its own classes as one jar
     * (an AOT cache takes classes from jars only). Made once per test run, with the cache recorded for it.
     */
    private static synchronized String childClassPath() throws Exception {
        if (childClassPath == null) {
            List<String> entries = new ArrayList<>();
            for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
                Path p = Path.of(entry);
                if (Files.isDirectory(p) && p.getFileName().toString().equals("classes")) {
                    entries.add(jarOf(p, p.resolveSibling("child-jvm-classes.jar")).toString());
                } else if (!Files.isDirectory(p)) {
                    entries.add(entry);
                }
            }
            String classPath = String.join(File.pathSeparator, entries);
            String cache = System.getProperty("streamfront.test.aot");
            if (cache != null) {
                recordCache(classPath, Path.of(cache));
            }
            childClassPath = classPath;
        }
        return childClassPath;
    }

    /**
     * One {@code apply --wait} against simulators of its own, recording the AOT cache every later child
     * maps (the jar above is new, so last run's cache no longer matches it). Without a cache, children
     * simply start slower.
     */
    private static void recordCache(String classPath, Path cache) throws Exception {
        Files.deleteIfExists(cache);
        Path home = Files.createTempDirectory("sf-aot-training");
        try (PracticeWorld world = PracticeWorld.start(Duration.ofMillis(200))) {
            Path plan = home.resolve("plan.json");
            Files.writeString(plan, PlanJson.write(world.examplePlan()));
            ProcessBuilder training = childJvm(classPath, List.of("-XX:TieredStopAtLevel=1", "-XX:AOTCacheOutput=" + cache,
                    "-Xlog:aot=off", "-Xlog:cds=off"), Locale.US, home, awsVariables(world), "apply", plan.toString(), "--wait")
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD);
            Process p = training.start();
            if (!p.waitFor(120, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                Files.deleteIfExists(cache);
            }
        }
    }

    private static Path jarOf(Path classes, Path jar) throws IOException {
        try (var out = new JarOutputStream(Files.newOutputStream(jar)); var files = Files.walk(classes)) {
            for (Path f : files.filter(Files::isRegularFile).sorted().toList()) {
                out.putNextEntry(new JarEntry(classes.relativize(f).toString().replace(File.separatorChar, '/')));
                Files.copy(f, out);
                out.closeEntry();
            }
        }
        return jar;
    }

    /** Starts the command and hands back the process, for tests that stop it themselves. */
    public static Process start(Path home, Map<String, String> env, String... args) throws Exception {
        return start(Locale.US, home, env, args);
    }

    private static Process start(Locale locale, Path home, Map<String, String> env, String... args) throws Exception {
        String classPath = childClassPath(); // first: it records the cache that quickStart() then finds
        return childJvm(classPath, quickStart(), locale, home, env, args).start();
    }

    /** A StreamFront command in a JVM of its own, with the user's AWS files out of its reach and {@code env} added. */
    private static ProcessBuilder childJvm(String classPath, List<String> jvmOptions, Locale locale, Path home, Map<String, String> env,
            String... args) {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        command.addAll(jvmOptions);
        command.add("-Duser.language=" + locale.getLanguage());
        command.add("-Duser.country=" + locale.getCountry());
        command.addAll(List.of("-cp", classPath, "-Dstreamfront.home=" + home,
                "-D" + DeployWatcher.POLL_PROPERTY + "=" + System.getProperty(DeployWatcher.POLL_PROPERTY, "2000"),
                "org.streamfront.Main"));
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command);
        pb.environment().keySet().removeIf(k -> k.startsWith("AWS_"));
        pb.environment().put("AWS_CONFIG_FILE", home.resolve("no-config").toString());
        pb.environment().put("AWS_SHARED_CREDENTIALS_FILE", home.resolve("no-credentials").toString());
        pb.environment().putAll(env);
        return pb;
    }
}
