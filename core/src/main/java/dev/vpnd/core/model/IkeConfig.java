package dev.vpnd.core.model;

import dev.vpnd.core.algo.DhGroup;
import dev.vpnd.core.algo.Encryption;
import dev.vpnd.core.algo.IkeMode;
import dev.vpnd.core.algo.IkeVersion;
import dev.vpnd.core.algo.Integrity;

/**
 * Phase 1 settings. {@code localId}/{@code remoteId} are empty when the identities default to the
 * gateways' addresses.
 */
public record IkeConfig(
        IkeVersion version,
        IkeMode mode,
        Encryption encryption,
        Integrity integrity,
        DhGroup dhGroup,
        long lifetimeSeconds,
        String localId,
        String remoteId,
        Secret psk) {

    public IkeConfig withIdentities(String newLocalId, String newRemoteId) {
        return new IkeConfig(version, mode, encryption, integrity, dhGroup, lifetimeSeconds, newLocalId, newRemoteId,
                psk);
    }

    public IkeConfig withPsk(Secret newPsk) {
        return new IkeConfig(version, mode, encryption, integrity, dhGroup, lifetimeSeconds, localId, remoteId,
                newPsk);
    }
}
