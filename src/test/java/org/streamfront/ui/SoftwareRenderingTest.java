package org.streamfront.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SoftwareRenderingTest {
    @TempDir
    Path dev;

    @Test
    void aComputerWithoutGraphicsDeviceNodesHasNoGpu() throws Exception {
        Files.createFile(dev.resolve("null"));
        Files.createFile(dev.resolve("tty0"));
        assertThat(SoftwareRendering.hasGpu(dev)).isFalse();
        Files.createDirectory(dev.resolve("dri"));
        assertThat(SoftwareRendering.hasGpu(dev)).as("an empty dri directory").isFalse();
    }

    @Test
    void aRenderNodeAnNvidiaDeviceOrWslsGpuIsAGpu() throws Exception {
        Files.createDirectories(dev.resolve("dri"));
        Files.createFile(dev.resolve("dri/renderD128"));
        assertThat(SoftwareRendering.hasGpu(dev)).isTrue();
        Files.delete(dev.resolve("dri/renderD128"));
        Files.createFile(dev.resolve("nvidia0"));
        assertThat(SoftwareRendering.hasGpu(dev)).isTrue();
        Files.delete(dev.resolve("nvidia0"));
        Files.createFile(dev.resolve("dxg"));
        assertThat(SoftwareRendering.hasGpu(dev)).isTrue();
    }

    @Test
    void theSoftwarePipelineKeepsNoRegionCacheUnlessTheUserAskedForOne() {
        Properties software = new Properties();
        software.setProperty("prism.order", "sw");
        SoftwareRendering.noRegionCacheInSoftware(software);
        assertThat(software.getProperty("prism.disableRegionCaching")).isEqualTo("true");

        Properties chosen = new Properties();
        chosen.setProperty("prism.order", "sw");
        chosen.setProperty("prism.disableRegionCaching", "false");
        SoftwareRendering.noRegionCacheInSoftware(chosen);
        assertThat(chosen.getProperty("prism.disableRegionCaching")).as("the user's choice").isEqualTo("false");

        Properties gpu = new Properties();
        gpu.setProperty("prism.order", "es2");
        SoftwareRendering.noRegionCacheInSoftware(gpu);
        assertThat(gpu.getProperty("prism.disableRegionCaching")).as("a GPU caches regions in its own memory").isNull();
    }

    @Test
    void theLinuxLauncherLooksForTheSameDevicesAsTheApp() throws Exception {
        // packaging/linux/streamfront makes the same choice in the shell, where setting GDK_GL costs nothing.
        String launcher = Files.readString(Path.of("packaging/linux/streamfront"));
        for (String node : SoftwareRendering.GPU_NODES) {
            assertThat(launcher).as("the launcher checks /dev/" + node).contains("/dev/" + node);
        }
        assertThat(launcher).contains("-Dprism.order=sw").contains("GDK_GL");
    }
}
