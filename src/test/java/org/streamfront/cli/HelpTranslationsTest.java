package org.streamfront.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.streamfront.Languages;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;

/** Every command's help in every language: no description left in English (picocli's own headings may stay). */
class HelpTranslationsTest {

    @ParameterizedTest
    @ValueSource(strings = {"es", "pt-BR", "tr", "de"})
    void everyHelpTextIsTranslated(String tag) {
        assertThat(Languages.ALL).anyMatch(l -> l.tag().equals(tag));
        CommandLine english = new CommandLine(new StreamFrontCommand());
        CommandLine translated = new CommandLine(new StreamFrontCommand());
        translated.setResourceBundle(ResourceBundle.getBundle("org.streamfront.cli.help", Locale.forLanguageTag(tag)));
        List<String> untranslated = new ArrayList<>();
        compare(english.getCommandSpec(), translated, untranslated);
        assertThat(untranslated).as(tag + ": help still in English").isEmpty();
    }

    @org.junit.jupiter.api.Test
    void everyLanguageHasTheSameHelpKeys() {
        var german = ResourceBundle.getBundle("org.streamfront.cli.help", Locale.GERMAN).keySet();
        for (String tag : List.of("es", "pt-BR", "tr")) {
            assertThat(ResourceBundle.getBundle("org.streamfront.cli.help", Locale.forLanguageTag(tag)).keySet())
                    .as(tag).containsExactlyInAnyOrderElementsOf(german);
        }
    }

    /** Each English description (from the annotations) must be absent from the same command's translated help. */
    private static void compare(CommandSpec english, CommandLine translated, List<String> untranslated) {
        StringWriter help = new StringWriter();
        translated.usage(new PrintWriter(help), CommandLine.Help.Ansi.OFF);
        String text = help.toString().replaceAll("\\s+", " ");
        List<String> descriptions = new ArrayList<>(List.of(english.usageMessage().description()));
        english.options().forEach(o -> descriptions.add(String.join(" ", o.description())));
        english.positionalParameters().forEach(p -> descriptions.add(String.join(" ", p.description())));
        for (String d : descriptions) {
            String line = d.replace("%n", "").replaceAll("\\s+", " ").strip();
            // Short texts can be the same in both languages (a code, a URL); the sentences may not.
            if (line.length() > 24 && text.contains(line.substring(0, 24))) {
                untranslated.add(english.qualifiedName(" ") + ": " + line);
            }
        }
        english.subcommands().forEach((name, sub) -> compare(sub.getCommandSpec(), translated.getSubcommands().get(name), untranslated));
    }
}
