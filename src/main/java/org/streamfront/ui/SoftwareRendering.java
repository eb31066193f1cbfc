package org.streamfront.ui;

import java.io.IOException;
import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandle;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.stream.Stream;

/**
 * On a Linux computer without a graphics device (a VM, a remote desktop, Xvfb), OpenGL is Mesa's
 * software renderer, which JavaFX's hardware check refuses: it falls back to its own software
 * pipeline anyway, after GTK and JavaFX have loaded Mesa and LLVM to find that out (about 60 MB
 * resident). Choosing the software pipeline up front skips that detour; it takes about as long as
 * the probe did (the first native call costs ~0.1 s), so start-up neither gains nor loses; the installed
 * command decides in its shell script and spares that call. With a GPU, or when the user chose a
 * pipeline, nothing changes.
 * <p>
 * On the software pipeline, whoever chose it, textures are Java arrays: the cache of drawn region
 * backgrounds JavaFX keeps is one 2048x1024 texture, 8 MB of heap from the first screen on, to spare
 * redrawing rounded corners a GPU would cache for free. Without it the pixels are the same and playing
 * takes no more CPU (AppAloneMemoryBenchmark runs the installed app with the cache on too).
 */
public final class SoftwareRendering {
    /**
     * Device nodes of hardware OpenGL: DRM render nodes and cards, NVIDIA's driver, WSL's GPU. The Linux
     * launcher (packaging/linux/streamfront) looks for the same ones and decides before the JVM starts.
     */
    static final List<String> GPU_NODES = List.of("dri/renderD", "dri/card", "nvidia", "dxg");

    private SoftwareRendering() {
    }

    static void chooseWhenNoGpu() {
        if (System.getProperty("os.name", "").toLowerCase(Locale.ROOT).startsWith("linux")
                && System.getProperty("prism.order") == null && !hasGpu(Path.of("/dev"))) {
            System.setProperty("prism.order", "sw");
            // GTK probes OpenGL when it opens the display unless told not to; it reads this from the C environment.
            setenvUnlessSet("GDK_GL", "disable");
        }
        noRegionCacheInSoftware(System.getProperties());
    }

    /** Turns JavaFX's region cache off when the pipeline is the software one, unless the user set it. */
    static void noRegionCacheInSoftware(Properties properties) {
        if ("sw".equals(properties.getProperty("prism.order"))) {
            properties.putIfAbsent("prism.disableRegionCaching", "true");
        }
    }

    /** Whether {@code dev} holds a hardware graphics device (also asked before a java -jar relaunch). */
    public static boolean hasGpu(Path dev) {
        for (String name : GPU_NODES) {
            Path node = dev.resolve(name);
            try (Stream<Path> entries = Files.list(node.getParent())) {
                if (entries.anyMatch(p -> p.getFileName().toString().startsWith(node.getFileName().toString()))) {
                    return true;
                }
            } catch (IOException e) {
                // no such directory: no such device
            }
        }
        return false;
    }

    private static void setenvUnlessSet(String name, String value) {
        try (Arena arena = Arena.ofConfined()) {
            Linker linker = Linker.nativeLinker();
            MethodHandle setenv = linker.downcallHandle(linker.defaultLookup().find("setenv").orElseThrow(),
                    FunctionDescriptor.of(ValueLayout.JAVA_INT, ValueLayout.ADDRESS, ValueLayout.ADDRESS, ValueLayout.JAVA_INT));
            int ignored = (int) setenv.invokeExact( // invokeExact wants the exact return type
                    arena.allocateFrom(name), arena.allocateFrom(value), 0);
        } catch (Throwable e) {
            // Only a saving is lost: GTK probes OpenGL as it always did.
        }
    }
}
