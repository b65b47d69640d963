package dev.vpnd.core.model;

/**
 * A signing credential. Its {@link AccessPolicy} says which actions it may call, and optionally on
 * which gateways and in which regions; a read-only key is one whose policy is
 * {@link AccessPolicy#READ_ONLY}. A key that is not {@code enabled} signs nothing: every dialect
 * answers its requests as it answers an unknown key. A key that {@code hidesSecrets} gets
 * connections' pre-shared keys blanked in the answers it reads, so that an auditor can read
 * configurations without learning them.
 */
public record AccessKey(String id, Secret secret, String accountId, AccessPolicy policy, boolean hidesSecrets,
        boolean enabled) {

    /** An enabled key that sees pre-shared keys, read-only or allowed every action. */
    public AccessKey(String id, Secret secret, String accountId, boolean readOnly) {
        this(id, secret, accountId, readOnly ? AccessPolicy.READ_ONLY : AccessPolicy.ALLOW_ALL, false, true);
    }

    public AccessKey withPolicy(AccessPolicy newPolicy) {
        return new AccessKey(id, secret, accountId, newPolicy, hidesSecrets, enabled);
    }

    public AccessKey withEnabled(boolean newEnabled) {
        return new AccessKey(id, secret, accountId, policy, hidesSecrets, newEnabled);
    }

    /** Whether the key holds the {@code --read-only} shorthand's policy. */
    public boolean readOnly() {
        return policy.readOnly();
    }
}
