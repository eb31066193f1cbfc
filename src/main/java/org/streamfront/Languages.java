package org.streamfront;

import java.util.List;
import java.util.Locale;

/** The languages StreamFront speaks, and the one it speaks in this run. */
public final class Languages {
    /** Each with its own name for itself, as a language menu shows it. */
    public record Language(String tag, String name) {
        public Locale locale() {
            return Locale.forLanguageTag(tag);
        }
    }

    public static final List<Language> ALL = List.of(
            new Language("en", "English"),
            new Language("es", "Español"),
            new Language("pt-BR", "Português (Brasil)"),
            new Language("tr", "Türkçe"),
            new Language("de", "Deutsch"));

    private Languages() {
    }

    /**
     * Speaks {@code tag} from now on (the user's choice, read before any message is), or keeps the
     * computer's language when the tag is empty or not one of ours. Numbers and dates follow too.
     */
    public static void choose(String tag) {
        ALL.stream().filter(l -> l.tag().equals(tag)).findFirst().ifPresent(l -> Locale.setDefault(l.locale()));
    }
}
