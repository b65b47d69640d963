package dev.vpnd.core.service;

import dev.vpnd.core.model.IkeConfig;
import dev.vpnd.core.model.Tag;
import dev.vpnd.core.problem.Field;
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
     * Checks {@code value} of the resource's own {@code field}; {@code null} (not given) passes.
     *
     * @throws ProblemException {@link Problem.InvalidValue} naming {@code field}; the value itself
     *     stays out of the problem, which may be a key's
     */
    public static void check(Field field, String value) {
        check(field, 0, value);
    }

    /** As {@link #check(Field, String)}, for a field of tunnel {@code tunnel} (0: of the resource itself). */
    public static void check(Field field, int tunnel, String value) {
        if (value == null) {
            return;
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c < 0x20 || c == 0x7F) {
                throw new ProblemException(new Problem.InvalidValue(field, tunnel, "",
                        "holds the control character U+%04X at index %d".formatted((int) c, i)));
            }
        }
    }

    static void checkTags(List<Tag> tags) {
        for (Tag tag : tags) {
            check(Field.TAG_KEY, tag.key());
            check(Field.TAG_VALUE, tag.value());
        }
    }

    /** The identities and pre-shared key of {@code ike}, of the connection (tunnel 0) or of one tunnel. */
    static void checkIke(int tunnel, IkeConfig ike) {
        if (ike == null) {
            return;
        }
        check(Field.IKE_LOCAL_ID, tunnel, ike.localId());
        check(Field.IKE_REMOTE_ID, tunnel, ike.remoteId());
        if (ike.psk() != null) {
            check(Field.IKE_PSK, tunnel, ike.psk().value());
        }
    }
}
