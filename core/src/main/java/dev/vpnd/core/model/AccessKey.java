package dev.vpnd.core.model;

/**
 * A signing credential. A read-only key stands for a sub-user that may only call Describe and List
 * actions. A key that is not {@code enabled} signs nothing: every dialect answers its requests as
 * it answers an unknown key. A key that {@code hidesSecrets} gets connections' pre-shared keys
 * blanked in the answers it reads, so that an auditor can read configurations without learning
 * them.
 */
public record AccessKey(String id, Secret secret, String accountId, boolean readOnly, boolean hidesSecrets,
        boolean enabled) {

    /** An enabled key that sees pre-shared keys. */
    public AccessKey(String id, Secret secret, String accountId, boolean readOnly) {
        this(id, secret, accountId, readOnly, false, true);
    }

    public AccessKey withEnabled(boolean newEnabled) {
        return new AccessKey(id, secret, accountId, readOnly, hidesSecrets, newEnabled);
    }
}
