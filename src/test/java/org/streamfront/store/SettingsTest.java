package org.streamfront.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the Settings window and the language choice keep, and what a damaged settings.json leaves. */
class SettingsTest {
    @TempDir
    Path dir;

    @Test
    void withoutAFileEverySettingHasItsDefault() {
        Settings settings = new Settings(dir.resolve(Settings.FILE));
        assertThat(settings.updateCheck()).isTrue();
        assertThat(settings.colours()).isEqualTo("system");
        assertThat(settings.textSize()).isEqualTo(100);
        assertThat(settings.language()).isEmpty();
    }

    @Test
    void whatIsChosenIsReadBackByTheNextStart() throws Exception {
        Path file = dir.resolve(Settings.FILE);
        Settings settings = new Settings(file);
        settings.looks("dark", 150);
        settings.language("pt-BR");
        settings.updateCheck(false);

        Settings next = new Settings(file);
        assertThat(next.colours()).isEqualTo("dark");
        assertThat(next.textSize()).isEqualTo(150);
        assertThat(next.language()).isEqualTo("pt-BR");
        assertThat(next.updateCheck()).isFalse();
    }

    @Test
    void valuesOfTheWrongKindOrSizeFallBackToTheDefaults() throws Exception {
        Path file = dir.resolve(Settings.FILE);
        Files.writeString(file, "{\"colours\": 3, \"textSize\": 900, \"language\": null, \"updateCheck\": \"no\"}");
        Settings settings = new Settings(file);
        assertThat(settings.colours()).isEqualTo("system");
        assertThat(settings.textSize()).isEqualTo(100);
        assertThat(settings.language()).isEmpty();
        assertThat(settings.updateCheck()).isTrue();
    }

    @Test
    void aFileThatIsNotASettingsObjectCountsAsNoneAndIsReplacedOnTheNextChange() throws Exception {
        Path file = dir.resolve(Settings.FILE);
        for (String damaged : new String[] {"[1, 2]", "null", "{\"colours\": \"dark\""}) {
            Files.writeString(file, damaged);
            Settings settings = new Settings(file);
            assertThat(settings.colours()).isEqualTo("system");
            settings.language("de");
            assertThat(new Settings(file).language()).isEqualTo("de");
        }
    }
}
