package dev.vpnd.core.model;

/**
 * A signing credential. A read-only key stands for a sub-user that may only call Describe and List
 * actions.
 */
public record AccessKey(String id, Secret secret, String accountId, boolean readOnly) {
}
