package dev.vpnd.store;

import dev.vpnd.core.algo.DhGroup;
import dev.vpnd.core.algo.Encryption;
import dev.vpnd.core.algo.IkeMode;
import dev.vpnd.core.algo.IkeVersion;
import dev.vpnd.core.algo.Integrity;
import dev.vpnd.core.model.BgpConfig;
import dev.vpnd.core.model.IkeConfig;
import dev.vpnd.core.model.IpsecConfig;
import java.sql.ResultSet;
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
            "ipsec_encryption", "ipsec_integrity", "ipsec_pfs", "ipsec_lifetime",
            "bgp_enabled", "bgp_local_asn", "bgp_tunnel_cidr", "bgp_local_ip", "bgp_auth_key");

    private NegotiationColumns() {
    }

    /** Values for {@link #COLUMNS}, in order. */
    static List<Object> values(IkeConfig ike, IpsecConfig ipsec, BgpConfig bgp) {
        var out = new ArrayList<Object>(COLUMNS.size());
        out.addAll(ike == null ? nulls(9) : Arrays.asList(ike.version(), ike.mode(), ike.encryption(),
                ike.integrity(), ike.dhGroup(), ike.lifetimeSeconds(), ike.localId(), ike.remoteId(), ike.psk()));
        out.addAll(ipsec == null ? nulls(4)
                : Arrays.asList(ipsec.encryption(), ipsec.integrity(), ipsec.pfs(), ipsec.lifetimeSeconds()));
        out.addAll(bgp == null ? nulls(5) : Arrays.asList(bgp.enabled(), bgp.localAsn(), bgp.tunnelCidr(),
                bgp.localBgpIp(), bgp.authKey()));
        return out;
    }

    static IkeConfig ike(ResultSet rs) throws SQLException {
        if (Rows.isNull(rs, "ike_lifetime")) {
            return null;
        }
        return new IkeConfig(Rows.enumOf(IkeVersion.class, rs, "ike_version"),
                Rows.enumOf(IkeMode.class, rs, "ike_mode"), Rows.enumOf(Encryption.class, rs, "ike_encryption"),
                Rows.enumOf(Integrity.class, rs, "ike_integrity"), Rows.enumOf(DhGroup.class, rs, "ike_dh_group"),
                rs.getLong("ike_lifetime"), rs.getString("ike_local_id"), rs.getString("ike_remote_id"),
                Rows.secret(rs, "ike_psk"));
    }

    static IpsecConfig ipsec(ResultSet rs) throws SQLException {
        if (Rows.isNull(rs, "ipsec_lifetime")) {
            return null;
        }
        return new IpsecConfig(Rows.enumOf(Encryption.class, rs, "ipsec_encryption"),
                Rows.enumOf(Integrity.class, rs, "ipsec_integrity"), Rows.enumOf(DhGroup.class, rs, "ipsec_pfs"),
                rs.getLong("ipsec_lifetime"));
    }

    static BgpConfig bgp(ResultSet rs) throws SQLException {
        if (Rows.isNull(rs, "bgp_enabled")) {
            return null;
        }
        return new BgpConfig(Rows.bool(rs, "bgp_enabled"), rs.getLong("bgp_local_asn"),
                rs.getString("bgp_tunnel_cidr"), rs.getString("bgp_local_ip"), rs.getString("bgp_auth_key"));
    }

    static List<Object> nulls(int n) {
        return Arrays.asList(new Object[n]);
    }
}
