package dev.vpnd.server.dialect.keystone;

/**
 * The {@code token} method: a valid token exchanged for a new one of the same user, scoped to the
 * project named (the same one when none is), expiring when the original does.
 */
record TokenAuth(String token, String projectId, String projectName) implements AuthRequest {
    @Override
    public String toString() {
        return "TokenAuth[token=****, projectId=" + projectId + ", projectName=" + projectName + "]";
    }
}
