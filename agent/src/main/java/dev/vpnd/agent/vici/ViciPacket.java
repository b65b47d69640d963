package dev.vpnd.agent.vici;

import java.util.Objects;

/**
 * One VICI packet: its type, the command or event name when the type is named (null otherwise),
 * and its message.
 */
public record ViciPacket(ViciPacketType type, String name, ViciMessage message) {
    public ViciPacket {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(message, "message");
        if (type.named()) {
            ViciEntry.checkName(name);
        } else if (name != null) {
            throw new IllegalArgumentException(type + " carries no name");
        }
    }

    public static ViciPacket request(String command, ViciMessage message) {
        return new ViciPacket(ViciPacketType.CMD_REQUEST, command, message);
    }

    public static ViciPacket of(ViciPacketType type) {
        return new ViciPacket(type, null, ViciMessage.EMPTY);
    }

    public static ViciPacket named(ViciPacketType type, String name) {
        return new ViciPacket(type, name, ViciMessage.EMPTY);
    }
}
