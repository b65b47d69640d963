package dev.vpnd.server.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vpnd.core.port.Storage;
import dev.vpnd.core.problem.ProblemException;
import dev.vpnd.core.service.AccountService;
import dev.vpnd.core.service.ServiceSettings;
import dev.vpnd.store.SecretKeyException;
import java.util.function.Function;

/** Runs an administrative command against the database directly; a running server sees the result at once. */
final class Admin {
    static final ObjectMapper JSON = new ObjectMapper();

    private Admin() {
    }

    static int run(DataOption data, Function<AccountService, Integer> work) {
        return runOn(data, storage -> work.apply(new AccountService(storage, ServiceSettings.defaults())));
    }

    /** Runs {@code work} on the storage itself, for commands that need more than the account service. */
    static int runOn(DataOption data, Function<Storage, Integer> work) {
        try (var storage = data.openStorage()) {
            return work.apply(storage);
        } catch (ProblemException e) {
            System.err.println("vpnd: " + describe(e));
            return 1;
        } catch (SecretKeyException e) {
            System.err.println("vpnd: " + e.getMessage());
            return 1;
        }
    }

    private static String describe(ProblemException e) {
        return switch (e.problem()) {
            case dev.vpnd.core.problem.Problem.AlreadyExists a -> "an account named '" + a.value() + "' exists already";
            case dev.vpnd.core.problem.Problem.NotFound n -> "no account named '" + n.id() + "'";
            case dev.vpnd.core.problem.Problem.InvalidValue v -> "invalid " + v.field().canonicalName() + " '"
                    + v.value() + "': " + v.reason();
            default -> e.problem().toString();
        };
    }
}
