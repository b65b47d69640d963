package dev.vpnd.server.cli;

import dev.vpnd.store.SecretCipher;
import dev.vpnd.store.SecretKeyException;
import dev.vpnd.store.SecretKeys;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * The key ring that seals secrets in the database (docs/security.md, "Secrets at rest"): {@code
 * rotate} puts a new sealing key first, {@code reencrypt} moves every secret to it (and seals those
 * still in plain text from before sealing began); once every secret is sealed, the database refuses
 * plain text for good.
 */
@Command(name = "secrets", mixinStandardHelpOptions = true,
        description = "Manage the key ring that seals access key secrets and pre-shared keys in the database.",
        subcommands = {SecretsCommand.Rotate.class, SecretsCommand.Reencrypt.class})
public final class SecretsCommand {

    @Command(name = "rotate", mixinStandardHelpOptions = true,
            description = "Put a new sealing key first in the key ring, keeping the older keys to open what they "
                    + "sealed. Then restart every node with the new ring and run 'secrets reencrypt'.")
    static final class Rotate implements Callable<Integer> {
        @Mixin
        DataOption data;

        @Override
        public Integer call() {
            try {
                var ring = data.secretKeys();
                // The ring must fit the database before a key is added to it.
                data.openStorage(ring).close();
                var keys = new ArrayList<byte[]>();
                keys.add(SecretCipher.newKey());
                keys.addAll(ring.keys());
                String newId = SecretCipher.keyId(keys.getFirst());
                if (ring.file() == null) {
                    System.out.println(SecretKeys.ENVIRONMENT + "=" + SecretKeys.environmentValue(keys));
                    System.err.println("vpnd: new sealing key " + newId + "; give every node the value above, "
                            + "restart them, then run 'vpnd secrets reencrypt'");
                    return 0;
                }
                SecretKeys.replace(ring.file(), keys);
                System.out.println("new sealing key " + newId + " in " + ring.file() + " (older keys kept); copy it "
                        + "to every node, restart them, then run 'vpnd secrets reencrypt'");
                return 0;
            } catch (SecretKeyException e) {
                System.err.println("vpnd: " + e.getMessage());
                return 1;
            }
        }
    }

    @Command(name = "reencrypt", mixinStandardHelpOptions = true,
            description = "Seal every secret under the ring's first key: secrets of older keys and those stored in "
                    + "plain text before sealing began. Safe while nodes run.")
    static final class Reencrypt implements Callable<Integer> {
        @Mixin
        DataOption data;

        @Option(names = "--drop-older-keys",
                description = "Then remove every key but the first from the key file (or print the shorter "
                        + "VPND_SECRET_KEY).")
        boolean dropOlderKeys;

        @Override
        public Integer call() {
            try {
                var ring = data.secretKeys();
                long left;
                try (var storage = data.openStorage(ring)) {
                    storage.reseal().forEach((column, count) -> System.out.println(column + ": " + count
                            + " sealed anew"));
                    left = storage.refusePlainTextIfAllSealed() ? 0
                            : storage.staleSecrets().values().stream().mapToLong(Long::longValue).sum();
                }
                String current = SecretCipher.keyId(ring.keys().getFirst());
                if (left > 0) {
                    // Written meanwhile by a node still sealing with an older key.
                    System.err.println("vpnd: " + left + " secrets are still not sealed with key " + current
                            + "; restart every node with the new ring and run this again");
                    return 1;
                }
                System.out.println("every secret is sealed with key " + current
                        + "; secrets stored in plain text are refused from now on");
                if (dropOlderKeys && ring.keys().size() > 1) {
                    var kept = List.of(ring.keys().getFirst());
                    if (ring.file() == null) {
                        System.out.println(SecretKeys.ENVIRONMENT + "=" + SecretKeys.environmentValue(kept));
                    } else {
                        SecretKeys.replace(ring.file(), kept);
                        System.out.println("older keys removed from " + ring.file());
                    }
                }
                return 0;
            } catch (SecretKeyException e) {
                System.err.println("vpnd: " + e.getMessage());
                return 1;
            }
        }
    }
}
