package kb.content;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import kb.diagnostic.SourceLocation;

/**
 * One language of the help center, from {@code languages:} in kb.yaml. The first is the default,
 * served at the site root; each other one is served under {@code /<code>/} from {@code content/<code>/}.
 *
 * @param code a BCP 47 tag as written ({@code es}, {@code pt-BR}): the folder name and {@code <html lang>}
 * @param name the help center's name in this language
 * @param description the help center's description in this language
 * @param synonyms this language's search synonyms
 * @param support how readers of this language reach a person: its own {@code support:} over the site's
 * @param at where the language was named in kb.yaml
 */
public record Language(String code, String name, String description, Map<String, List<String>> synonyms,
        Support support, SourceLocation at) {
    /** Languages written right to left: their pages get {@code dir="rtl"}. */
    private static final List<String> RIGHT_TO_LEFT = List.of("ar", "he", "fa", "ur", "yi", "ps", "sd", "ug", "dv");

    public Language {
        synonyms = Map.copyOf(synonyms);
    }

    /** The primary subtag, lower-cased: {@code pt} for {@code pt-BR}; what analysis and text direction key off. */
    public String primary() {
        return primary(code);
    }

    /** {@code rtl} or {@code ltr}, for {@code <html dir>}. */
    public String direction() {
        return direction(code);
    }

    /** The language's own name for itself ("Español"), or the code when Java knows no name for it. */
    public String nativeName() {
        Locale locale = Locale.forLanguageTag(code);
        String own = locale.getDisplayLanguage(locale);
        if (own.isEmpty() || own.equalsIgnoreCase(primary())) {
            return code;
        }
        return own.substring(0, 1).toUpperCase(locale) + own.substring(1);
    }

    static String primary(String code) {
        int dash = code.indexOf('-');
        return (dash < 0 ? code : code.substring(0, dash)).toLowerCase(Locale.ROOT);
    }

    /** {@code rtl} or {@code ltr} for a language code. */
    public static String direction(String code) {
        return RIGHT_TO_LEFT.contains(primary(code)) ? "rtl" : "ltr";
    }
}
