package dev.vpnd.server.dialect.keystone;

import dev.vpnd.core.problem.Problem;
import dev.vpnd.server.dialect.ProblemTable;
import dev.vpnd.server.dialect.WireFault;
import java.util.Locale;

/**
 * The one place a core {@link Problem} becomes a Keystone error, as Keystone answers the same facts:
 * 404 for what is not there, 409 for a conflict with what is, 400 for what the request got wrong.
 * The switch is exhaustive by design.
 */
final class KeystoneErrors implements ProblemTable {
    static final KeystoneErrors TABLE = new KeystoneErrors();

    private KeystoneErrors() {
    }

    @Override
    public WireFault fault(Problem problem) {
        return switch (problem) {
            case Problem.NotFound nf -> KeystoneError.NOT_FOUND.fault("Could not find " + noun(nf.type()) + ".");
            case Problem.InUse iu -> conflict(noun(iu.type()));
            case Problem.AlreadyExists ae -> conflict(noun(ae.type()));
            case Problem.WrongState ws -> conflict(noun(ws.type()));
            case Problem.ConcurrentChange cc -> conflict(noun(cc.type()));
            case Problem.InvalidValue iv -> KeystoneError.BAD_REQUEST.fault("Invalid input for field '"
                    + iv.field().canonicalName() + "': " + iv.reason() + ".");
            case Problem.MissingValue mv -> KeystoneError.BAD_REQUEST.fault("'" + mv.field().canonicalName()
                    + "' is a required property.");
            case Problem.LimitExceeded le -> KeystoneError.BAD_REQUEST.fault("At most " + le.limit() + " "
                    + le.what() + ".");
            case Problem.QuotaExceeded qe -> KeystoneError.BAD_REQUEST.fault("The quota of " + qe.kind().describe()
                    + " is " + qe.limit() + ".");
        };
    }

    private static WireFault conflict(String noun) {
        return KeystoneError.CONFLICT.fault(KeystoneError.CONFLICT.template().formatted(noun));
    }

    private static String noun(dev.vpnd.core.problem.ResourceType type) {
        return type.name().toLowerCase(Locale.ROOT).replace('_', ' ');
    }
}
