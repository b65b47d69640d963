package dev.vpnd.store;

import dev.vpnd.core.algo.DhGroup;
import dev.vpnd.core.algo.Encryption;
import dev.vpnd.core.algo.IkeMode;
import dev.vpnd.core.algo.IkeVersion;
import dev.vpnd.core.algo.Integrity;
import dev.vpnd.core.model.BgpConfig;
import dev.vpnd.core.model.IkeConfig;
import dev.vpnd.core.model.IpsecConfig;
import dev.vpnd.core.model.Secret;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The flat IKE, IPsec and BGP columns that vpn_connections and vpn_tunnels share. A setting that is
 * absent (null) is stored as all-NULL columns and recognized by its NULL lifetime or enabled flag.
 */
final class NegotiationColumns {
    static final List<String> COLUMNS = List.of(
            "ike_version", "ike_mode", "ike_encryption", "ike_integrity", "ike_dh_group", "ike_lifetime",
            "ike_local_id", "ike_remote_id", "ike_psk",
            "ipsec_encryption", "ipsec_integrity", "ipsec_pfs", "ipsec_lifetime", "ipsec_lifetime_kilobytes",
            "bgp_enabled", "bgp_local_asn", "bgp_tunnel_cidr", "bgp_local_ip", "bgp_remote_ip", "bgp_auth_key");

    private NegotiationColumns() {
    }

    /** Values for {@link #COLUMNS}, in order; the pre-shared key sealed for {@code pskSlot}. */
    static List<Object> values(SecretSlot pskSlot, IkeConfig ike, IpsecConfig ipsec, BgpConfig bgp) {
        var out = new ArrayList<Object>(COLUMNS.size());
        out.addAll(ike == null ? nulls(9) : Arrays.asList(ike.version(), ike.mode(), ike.encryption(),
                ike.integrity(), ike.dhGroup(), ike.lifetimeSeconds(), ike.localId(), ike.remoteId(),
                pskSlot.with(ike.psk())));
        out.addAll(ipsec == null ? nulls(5) : Arrays.asList(ipsec.encryption(), ipsec.integrity(), ipsec.pfs(),
                ipsec.lifetimeSeconds(), ipsec.lifetimeKilobytes()));
        out.addAll(bgp == null ? nulls(6) : Arrays.asList(bgp.enabled(), bgp.localAsn(), bgp.tunnelCidr(),
                bgp.localBgpIp(), bgp.remoteBgpIp(), bgp.authKey()));
        return out;
    }

    /**
     * Reads the nine ike_* columns, in {@link #COLUMNS} order; the pre-shared key is the one sealed
     * for {@code pskSlot}.
     */
    static IkeConfig ike(Row row, SecretSlot pskSlot) throws SQLException {
        var version = row.enumOf(IkeVersion.class);
        var mode = row.enumOf(IkeMode.class);
        var encryption = row.enumOf(Encryption.class);
        var integrity = row.enumOf(Integrity.class);
        var dhGroup = row.enumOf(DhGroup.class);
        Long lifetime = row.nullableInt64();
        String localId = row.text();
        String remoteId = row.text();
        Secret psk = row.secret(pskSlot);
        return lifetime == null ? null
                : new IkeConfig(version, mode, encryption, integrity, dhGroup, lifetime, localId, remoteId, psk);
    }

    /** Reads the five ipsec_* columns, in {@link #COLUMNS} order. */
    static IpsecConfig ipsec(Row row) throws SQLException {
        var encryption = row.enumOf(Encryption.class);
        var integrity = row.enumOf(Integrity.class);
        var pfs = row.enumOf(DhGroup.class);
        Long lifetime = row.nullableInt64();
        long lifetimeKilobytes = row.int64();
        return lifetime == null ? null : new IpsecConfig(encryption, integrity, pfs, lifetime, lifetimeKilobytes);
    }

    /** Reads the six bgp_* columns, in {@link #COLUMNS} order. */
    static BgpConfig bgp(Row row) throws SQLException {
        Boolean enabled = row.nullableBool();
        long localAsn = row.int64();
        String tunnelCidr = row.text();
        String localIp = row.text();
        String remoteIp = row.text();
        String authKey = row.text();
        return enabled == null ? null : new BgpConfig(enabled, localAsn, tunnelCidr, localIp, remoteIp, authKey);
    }

    static List<Object> nulls(int n) {
        return Arrays.asList(new Object[n]);
    }
}
