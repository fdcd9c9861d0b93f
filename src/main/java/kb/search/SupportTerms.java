package kb.search;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Words customers of any help desk use for what the pages call otherwise: "unsubscribe" for
 * cancel, "reauth" for reconnect, "vat" for tax, "remove" for delete. A query word stands for
 * the other words of its group, at {@link #WEIGHT}, as it does for its irregular forms
 * ({@link Forms}): the same groups of stems, the same planning, the groups the index holds sent
 * to the browser in the manifest. Written from the vocabulary of support desks in general, not
 * from any help center's queries, so that it carries over to help centers kb has never seen;
 * kb.yaml can take a word out ({@link #of}).
 *
 * <p>A group is a set of words one can usually put for another in a support question, and
 * phrases of two words ("log_out") that stand for them; a phrase with a stop word ("log in",
 * "turn on") would stand for its other word alone, and is left out. Words
 * with a second common meaning that would pull in other pages are left out ("plan", "settings",
 * "issue", "sign"), and so are words whose stem is another word's ("instalment" is Porter's "instal",
 * as "install" is), question words and filler, which count for little anyway (a noun's group may
 * hold one: "reason" stands for "why", which titles pages; never the other way round).
 */
final class SupportTerms {
    /**
     * Another word for what was typed is worth less than the word itself: the page that uses the
     * customer's own word stays first. Tuned on bench/relevance's tuning halves: 0.75 and 1 rank
     * alike on the English halves and 1 is worse on the Spanish one; 0.5 loses two English
     * queries ("unsubscribe from ledgerly" stays under pages that merely name the product).
     */
    static final float WEIGHT = 0.75f;

    private static final List<String> ENGLISH = List.of(
            // accounts and access
            "login signin logon", "logout signout logoff log_out sign_out kick_out", "signup register enroll sign_up",
            "reauth reauthorize reauthorise reauthenticate reconnect relink",
            "disconnect unlink", "password passcode passphrase pwd pw", "2fa mfa tfa twofactor twostep two_factor two_step",
            "sso signon single_sign", "username user_name", "account acct",
            "permission privilege", "admin administrator", "suspend suspended ban banned restrict restricted",
            "hack hacked compromise compromised", "expire expired lapse lapsed",
            "stay stays remain remains",
            // changing things
            "delete remove erase", "cancel unsubscribe terminate opt_out", "change edit modify", "restore recover undelete",
            "enable activate", "disable deactivate turn_off switch_off", "fix solve resolve troubleshoot repair",
            "export download", "import upload", "migrate transfer", "duplicate twice double",
            "missing disappeared vanished",
            // billing
            "charge payment", "invoice bill", "refund reimburse reimbursement money_back", "vat tax gst",
            "subscription membership", "price pricing cost fee how_much", "discount coupon promo voucher",
            "overdue late", "autopay autocharge autobill",
            "deposit upfront", "receipt proof",
            // people and content
            "teammate colleague coworker", "customer client", "publish post", "photo image picture pic",
            "analytics stats statistics insights metrics", "limit quota cap", "error bug glitch",
            "notification alert", "message msg", "spam junk", "outage downtime", "setup set_up configure",
            // What a question asks for, as the pages name it: a "Cause" section or a "Why ..." page
            // for "reasons", a "Lifespan" for "how long". The question words themselves are filler
            // and stand for nothing (QueryPlan), so only the noun, or the two words in a row, do.
            "cause reason why", "lifespan duration how_long", "frequency how_often");

    /**
     * Spanish, the same way: every verb form the light stemmer keeps apart is written out
     * ("caduca", "caducó", "caducado").
     */
    private static final List<String> SPANISH = List.of(
            "caducar caduca caducó caducado caducada caducidad expirar expira expiró expirado expirada expiración "
                    + "vencer vence venció vencido vencida vencimiento",
            "eliminar elimina eliminado borrar borra borrado quitar quita quitado",
            "cancelar cancela cancelado anular anula anulado",
            "contraseña contrasena clave",
            "pago cobro cargo", "factura recibo",
            "desconectar desconecta desconectó desconectado desconectada desvincular desvinculado",
            "reconectar reconecta reconectado revincular reautenticar",
            "cliente usuario", "error fallo falla");

    private SupportTerms() {
    }

    /** The built-in groups of a language, as its chain stems them; none for most languages yet. */
    static Forms builtIn(Chain chain) {
        return switch (chain) {
            case EN -> Forms.of(ENGLISH, chain.wordStemmer());
            case ES -> Forms.of(SPANISH, chain.wordStemmer());
            default -> Forms.NONE;
        };
    }

    /**
     * The language's groups, less the words kb.yaml lists with no other way to type them
     * ({@code unsubscribe: []}): there the help center says the word means only itself. kb.yaml's
     * other groups add to these, at full weight, as the index holds them.
     */
    static Forms of(Chain chain, Map<String, List<String>> synonyms) {
        Set<String> taken = new HashSet<>();
        synonyms.forEach((word, others) -> {
            List<String> words = QueryPlan.surfaceWords(word, chain);
            if (others.isEmpty() && words.size() == 1) {
                taken.add(chain.stem(words.get(0)));
            }
        });
        return taken.isEmpty() ? chain.supportTerms() : chain.supportTerms().less(taken);
    }
}
