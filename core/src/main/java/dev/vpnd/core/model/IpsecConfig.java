package dev.vpnd.core.model;

import dev.vpnd.core.algo.DhGroup;
import dev.vpnd.core.algo.Encryption;
import dev.vpnd.core.algo.Integrity;

/**
 * Phase 2 (ESP) settings; {@link DhGroup#NONE} means no perfect forward secrecy, a zero
 * {@code lifetimeKilobytes} no limit by volume.
 */
public record IpsecConfig(Encryption encryption, Integrity integrity, DhGroup pfs, long lifetimeSeconds,
        long lifetimeKilobytes) {
}
