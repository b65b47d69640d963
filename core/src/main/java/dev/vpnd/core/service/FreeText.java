package dev.vpnd.core.service;

import dev.vpnd.core.model.IkeConfig;
import dev.vpnd.core.model.Tag;
import dev.vpnd.core.problem.Problem;
import dev.vpnd.core.problem.ProblemException;
import java.util.List;

/**
 * The rule every stored text a caller chooses (names, descriptions, tags, IKE identities, keys)
 * follows in every dialect: no control character, U+0000 to U+001F or U+007F. XML 1.0 cannot carry
 * most of them at all, so one stored in a name made every XML listing of its account fail; none
 * belongs in a name or key. Multi-line texts (a CA certificate) are not free text in this sense and
 * are not checked here.
 */
public final class FreeText {
    private FreeText() {
    }

    /**
     * @throws ProblemException {@link Problem.InvalidValue} naming {@code field}; the value itself
     *     stays out of the problem, which may be a key's
     */
    public static void check(String field, String value) {
        if (value == null) {
            return;
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c < 0x20 || c == 0x7F) {
                throw new ProblemException(new Problem.InvalidValue(field, "",
                        "holds the control character U+%04X at index %d".formatted((int) c, i)));
            }
        }
    }

    /** Keys as {@code Tag.Key}, values as {@code Tag.Value}. */
    static void checkTags(List<Tag> tags) {
        for (Tag tag : tags) {
            check("Tag.Key", tag.key());
            check("Tag.Value", tag.value());
        }
    }

    /** The identities and pre-shared key of {@code ike}, as {@code prefix.LocalId} and so on. */
    static void checkIke(String prefix, IkeConfig ike) {
        if (ike == null) {
            return;
        }
        check(prefix + ".LocalId", ike.localId());
        check(prefix + ".RemoteId", ike.remoteId());
        if (ike.psk() != null) {
            check(prefix + ".Psk", ike.psk().value());
        }
    }
}
