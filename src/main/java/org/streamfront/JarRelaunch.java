package org.streamfront;

import java.io.IOException;
import java.io.InputStream;
import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandle;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.streamfront.ui.SoftwareRendering;

/**
 * {@code java -jar streamfront.jar} on Linux starts the window as the installed command does
 * (packaging/linux/streamfront): the JVM replaces itself (execve: the same process, the same id) with
 * one that has the installed app's options (packaging/java-options), the C environment of its launcher
 * script, and the AOT cache {@code mvn package} recorded beside the jar (streamfront.aot): the first
 * screen's classes, loaded and linked, where a plain JVM reads and verifies them from the jars. The
 * first JVM and its one native call cost ~0.3 s, the cache and options save ~0.9 s (WindowOnScreenBenchmark).
 * <p>
 * Nothing happens when the JVM was tuned by hand (an {@code -X} option, an agent, an argument file, the
 * JVM's option variables): the installed options could clash with them. Nor without a cache at least as
 * new as the jar, on another system, or when the call fails: the app then starts in this JVM, as before.
 */
final class JarRelaunch {
    /** Where the launcher script records the cache; {@code mvn package} sets it for the jar's. */
    static final String RECORD_VARIABLE = "STREAMFRONT_RECORD_ARCHIVE";
    static final String CACHE_NAME = "streamfront.aot";
    static final String SOFTWARE_PIPELINE = "-Dprism.order=sw";
    /** Logging that would otherwise report a cache the JVM cannot use (another JVM, a rebuilt jar). */
    private static final List<String> QUIET = List.of("-Xlog:aot=off", "-Xlog:cds=off");
    private static final List<String> OPTION_VARIABLES = List.of("JDK_JAVA_OPTIONS", "JAVA_TOOL_OPTIONS", "_JAVA_OPTIONS");

    private JarRelaunch() {
    }

    /** Replaces this JVM by the cached one when it can; returns when it cannot (or need not). */
    static void relaunchWithCache() {
        if (!System.getProperty("os.name", "").toLowerCase(Locale.ROOT).startsWith("linux")) {
            return;
        }
        try {
            List<String> cmdline = commandLine();
            if (!cmdline.contains("-jar")) {
                return; // the installed launcher (-cp), the tests: spare them reading the options and /dev
            }
            Map<String, String> environment = System.getenv();
            List<String> command = command(cmdline, installedOptions(), environment,
                    SoftwareRendering.hasGpu(Path.of("/dev")), JarRelaunch::cacheOptionsForOwnJar);
            if (!command.isEmpty()) {
                boolean software = command.contains(SOFTWARE_PIPELINE);
                execve(Path.of(System.getProperty("java.home"), "bin", "java").toString(), command,
                        environment(environment, software));
            }
        } catch (Throwable e) {
            // Only the saving is lost: the app starts in this JVM.
        }
    }

    /** Chooses the cache's options for the jar given after -jar, or none (an empty list) to start as is. */
    interface CacheChoice {
        List<String> forJar(Path jar, Map<String, String> environment) throws Exception;
    }

    /**
     * The new command line for {@code cmdline} (this JVM's, the program first), or an empty list when
     * this JVM should start the app itself: not started with -jar, tuned by hand, or no usable cache.
     * Without a graphics device ({@code gpu} false) the software pipeline is chosen, as the launcher script does.
     */
    static List<String> command(List<String> cmdline, List<String> installed, Map<String, String> environment,
            boolean gpu, CacheChoice cache) throws Exception {
        for (String variable : OPTION_VARIABLES) {
            String value = environment.getOrDefault(variable, "");
            if (value.contains("-X") || value.contains("agent")) {
                return List.of();
            }
        }
        int jar = -1;
        for (int i = 1; i < cmdline.size() && jar < 0; i++) {
            String arg = cmdline.get(i);
            if (arg.equals("-jar")) {
                jar = i;
            } else if (!arg.startsWith("-D") && !arg.startsWith("--enable-native-access")) {
                return List.of(); // a class path, a main class, tuning or an argument file: not ours to second-guess
            }
        }
        if (jar < 0 || jar + 1 >= cmdline.size()) {
            return List.of();
        }
        List<String> cacheOptions = cache.forJar(Path.of(cmdline.get(jar + 1)), environment);
        if (cacheOptions.isEmpty()) {
            return List.of();
        }
        List<String> command = new ArrayList<>();
        command.add(cmdline.getFirst());
        command.addAll(installed);
        boolean pipelineChosen = cmdline.stream().anyMatch(a -> a.startsWith("-Dprism.order="))
                || environment.getOrDefault("JDK_JAVA_OPTIONS", "").contains("prism.order");
        if (!pipelineChosen && !gpu) {
            command.add(SOFTWARE_PIPELINE);
        }
        command.addAll(cacheOptions);
        command.addAll(QUIET);
        command.addAll(cmdline.subList(1, cmdline.size()));
        return command;
    }

    /** Only when the jar started is StreamFront's own (not, say, a test runner's that calls Main). */
    private static List<String> cacheOptionsForOwnJar(Path jar, Map<String, String> environment) throws Exception {
        Path own = Path.of(JarRelaunch.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        return Files.isSameFile(jar, own) ? cacheOptions(jar, environment) : List.of();
    }

    /** The recording the build asked for, else the recorded cache when it is at least as new as the jar. */
    static List<String> cacheOptions(Path jar, Map<String, String> environment) throws IOException {
        String record = environment.get(RECORD_VARIABLE);
        if (record != null && !record.isBlank()) {
            return List.of("-XX:AOTCacheOutput=" + record, "-XX:+UnlockDiagnosticVMOptions", "-XX:-AOTRecordTraining");
        }
        Path cache = jar.resolveSibling(CACHE_NAME);
        if (Files.isRegularFile(cache) && Files.getLastModifiedTime(cache).compareTo(Files.getLastModifiedTime(jar)) >= 0) {
            return List.of("-XX:AOTCache=" + cache);
        }
        return List.of();
    }

    /**
     * The launcher script's C environment (see packaging/linux/streamfront): two malloc arenas, and GTK
     * told not to probe OpenGL on the software pipeline; what the user set is kept.
     */
    static Map<String, String> environment(Map<String, String> current, boolean software) {
        Map<String, String> environment = new HashMap<>(current);
        environment.putIfAbsent("MALLOC_ARENA_MAX", "2");
        if (software) {
            environment.putIfAbsent("GDK_GL", "disable");
        }
        return environment;
    }

    /** The installed app's JVM options, packaging/java-options as the jar carries it: one per line, # comments. */
    static List<String> installedOptions() throws IOException {
        try (InputStream in = JarRelaunch.class.getResourceAsStream("java-options")) {
            if (in == null) {
                throw new IOException("java-options is not in the jar");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().map(String::trim)
                    .filter(l -> !l.isEmpty() && !l.startsWith("#")).toList();
        }
    }

    private static List<String> commandLine() throws IOException {
        byte[] raw = Files.readAllBytes(Path.of("/proc/self/cmdline"));
        return Arrays.asList(new String(raw, 0, Math.max(0, raw.length - 1), StandardCharsets.UTF_8).split("\0"));
    }

    private static void execve(String program, List<String> argv, Map<String, String> environment) throws Throwable {
        List<String> envp = environment.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).toList();
        try (Arena arena = Arena.ofConfined()) {
            Linker linker = Linker.nativeLinker();
            MethodHandle execve = linker.downcallHandle(linker.defaultLookup().find("execve").orElseThrow(),
                    FunctionDescriptor.of(ValueLayout.JAVA_INT, ValueLayout.ADDRESS, ValueLayout.ADDRESS, ValueLayout.ADDRESS));
            // Returns only when it failed (the program is gone, say): then this JVM goes on.
            int ignored = (int) execve.invokeExact(arena.allocateFrom(program), strings(arena, argv), strings(arena, envp));
        }
    }

    /** A C array of strings, ended by a null pointer. */
    private static MemorySegment strings(Arena arena, List<String> values) {
        MemorySegment array = arena.allocate(ValueLayout.ADDRESS, values.size() + 1L);
        for (int i = 0; i < values.size(); i++) {
            array.setAtIndex(ValueLayout.ADDRESS, i, arena.allocateFrom(values.get(i)));
        }
        array.setAtIndex(ValueLayout.ADDRESS, values.size(), MemorySegment.NULL);
        return array;
    }
}
