package dev.vpnd.core.service;

import dev.vpnd.core.model.Account;
import dev.vpnd.core.model.QuotaKind;
import dev.vpnd.core.port.Storage;
import dev.vpnd.core.port.Stores;
import dev.vpnd.core.problem.Field;
import dev.vpnd.core.problem.Problem;
import dev.vpnd.core.problem.ProblemException;
import dev.vpnd.core.problem.ResourceType;
import java.util.Arrays;
import java.util.List;

/** The operator's view of quotas: an account's limit of each kind, set or left at the default. */
public final class QuotaService {
    private final Storage storage;

    public QuotaService(Storage storage) {
        this.storage = storage;
    }

    /** One kind's limit for an account; {@code set} is false where the default applies. */
    public record Limit(QuotaKind kind, long limit, boolean set) {
    }

    /** Sets the account's limit; creates over it are refused from the next transaction on, existing resources stay. */
    public Limit set(String accountName, QuotaKind kind, long limit) {
        if (limit < 0 || limit > QuotaKind.MAX_LIMIT) {
            throw new ProblemException(new Problem.InvalidValue(Field.QUOTA_LIMIT, String.valueOf(limit),
                    "from 0 to " + QuotaKind.MAX_LIMIT));
        }
        return storage.write(s -> {
            s.quotas().put(account(s, accountName).id(), kind, limit);
            return new Limit(kind, limit, true);
        });
    }

    /** Every kind's limit for the account, in {@link QuotaKind} order. */
    public List<Limit> list(String accountName) {
        return storage.read(s -> {
            var set = s.quotas().findAll(account(s, accountName).id());
            return Arrays.stream(QuotaKind.values()).map(kind -> set.containsKey(kind)
                    ? new Limit(kind, set.get(kind), true) : new Limit(kind, kind.defaultLimit(), false)).toList();
        });
    }

    private static Account account(Stores s, String name) {
        return s.accounts().findByName(name)
                .orElseThrow(() -> new ProblemException(new Problem.NotFound(ResourceType.ACCOUNT, name)));
    }
}
