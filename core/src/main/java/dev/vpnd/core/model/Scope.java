package dev.vpnd.core.model;

import java.util.Objects;

/** The account and region every resource belongs to; no request sees resources outside its scope. */
public record Scope(String accountId, String region) {
    public Scope {
        Objects.requireNonNull(accountId, "accountId");
        Objects.requireNonNull(region, "region");
    }
}
