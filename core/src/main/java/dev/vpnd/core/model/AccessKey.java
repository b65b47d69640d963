package dev.vpnd.core.model;

/**
 * A signing credential. A read-only key stands for a sub-user that may only call Describe and List
 * actions. A key that is not {@code enabled} signs nothing: every dialect answers its requests as
 * it answers an unknown key.
 */
public record AccessKey(String id, Secret secret, String accountId, boolean readOnly, boolean enabled) {

    /** An enabled key. */
    public AccessKey(String id, Secret secret, String accountId, boolean readOnly) {
        this(id, secret, accountId, readOnly, true);
    }

    public AccessKey withEnabled(boolean newEnabled) {
        return new AccessKey(id, secret, accountId, readOnly, newEnabled);
    }
}
