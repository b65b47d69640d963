package dev.vpnd.store;

import java.sql.SQLException;

/** A database failure, unchecked so it can leave a transaction's work; the transaction is rolled back. */
public final class StorageException extends RuntimeException {
    private final boolean uniqueViolation;

    public StorageException(String message, SQLException cause, boolean uniqueViolation) {
        super(message + ": " + cause.getMessage(), cause);
        this.uniqueViolation = uniqueViolation;
    }

    /** True when a UNIQUE or PRIMARY KEY constraint rejected the statement (for example a repeated client token). */
    public boolean uniqueViolation() {
        return uniqueViolation;
    }
}
