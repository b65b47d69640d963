package dev.vpnd.agent.vici;

/** The daemon answered CMD_UNKNOWN: it has no such command (an older charon, or a plugin not loaded). */
public final class ViciUnknownCommandException extends ViciException {
    private final String command;

    public ViciUnknownCommandException(String command) {
        super("the daemon knows no command '" + command + "'");
        this.command = command;
    }

    public String command() {
        return command;
    }
}
