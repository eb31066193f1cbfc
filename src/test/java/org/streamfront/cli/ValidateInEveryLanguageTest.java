package org.streamfront.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.ResourceBundle;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** A bad plan's lines in the user's language: from the computer's locale, or from the language chosen in Settings. */
class ValidateInEveryLanguageTest {
    private static final String BAD = "{\"origin\": {\"domain\": \"10.1.2.3\", \"application\": \"/LiveApp\", \"httpPort\": 22}}";

    @TempDir
    Path home;

    @ParameterizedTest
    @ValueSource(strings = {"es-ES", "pt-BR", "tr-TR", "de-DE"})
    void aBadPlansLinesAreInTheComputersLanguage(String tag) throws Exception {
        Locale locale = Locale.forLanguageTag(tag);
        Path plan = Files.writeString(home.resolve("bad.json"), BAD);
        CommandProcess run = CommandProcess.runIn(locale, home, Map.of(), "validate", plan.toString());
        assertThat(run.exit()).as(run.err()).isEqualTo(2);
        assertSaidIn(locale, run.out());
    }

    @Test
    void theLanguageChosenInSettingsWinsOverTheComputers() throws Exception {
        Files.writeString(home.resolve("settings.json"), "{\"language\": \"de\"}");
        Path plan = Files.writeString(home.resolve("bad.json"), BAD);
        CommandProcess run = CommandProcess.run(home, Map.of(), "validate", plan.toString());
        assertSaidIn(Locale.GERMAN, run.out());
    }

    @Test
    void theHelpIsInTheChosenLanguageToo() throws Exception {
        Files.writeString(home.resolve("settings.json"), "{\"language\": \"de\"}");
        CommandProcess run = CommandProcess.run(home, Map.of(), "validate", "--help");
        assertThat(run.exit()).isZero();
        assertThat(run.out().replaceAll("\\s+", " ")).contains(ResourceBundle.getBundle("org.streamfront.cli.help", Locale.GERMAN)
                .getString("streamfront.validate.usage.description"));
    }

    private static void assertSaidIn(Locale locale, String out) {
        ResourceBundle said = ResourceBundle.getBundle("org.streamfront.messages", locale);
        ResourceBundle english = ResourceBundle.getBundle("org.streamfront.messages", Locale.ROOT);
        List<String> expected = List.of("origin.domain: " + said.getString("rule.domain.ip"),
                "origin.application: " + said.getString("rule.application.slash"),
                "origin.httpPort: " + said.getString("rule.port.range"));
        assertThat(out.lines().toList()).containsExactlyInAnyOrderElementsOf(expected);
        assertThat(out).as("nothing left in English").doesNotContain(english.getString("rule.domain.ip"))
                .doesNotContain(english.getString("rule.application.slash")).doesNotContain(english.getString("rule.port.range"));
    }
}
