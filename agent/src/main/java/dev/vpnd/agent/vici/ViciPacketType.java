package dev.vpnd.agent.vici;

/**
 * The first byte of every VICI packet. Named types carry an 8-bit length and a name (the command
 * or event) next; every type then carries a message, empty for the ones that need none.
 */
public enum ViciPacketType {
    /** client to daemon: run a command. */
    CMD_REQUEST(0, true),
    /** daemon to client: the command's result. */
    CMD_RESPONSE(1, false),
    /** daemon to client: there is no such command. */
    CMD_UNKNOWN(2, false),
    /** client to daemon: send me these events (streamed commands deliver their data so). */
    EVENT_REGISTER(3, true),
    /** client to daemon: stop sending these events. */
    EVENT_UNREGISTER(4, true),
    /** daemon to client: (un)registered. */
    EVENT_CONFIRM(5, false),
    /** daemon to client: there is no such event. */
    EVENT_UNKNOWN(6, false),
    /** daemon to client: an event. */
    EVENT(7, true);

    private final int code;
    private final boolean named;

    ViciPacketType(int code, boolean named) {
        this.code = code;
        this.named = named;
    }

    public int code() {
        return code;
    }

    public boolean named() {
        return named;
    }

    /** The type with this code, or null. */
    static ViciPacketType ofCode(int code) {
        for (ViciPacketType type : values()) {
            if (type.code == code) {
                return type;
            }
        }
        return null;
    }
}
