package dev.vpnd.core.model;

import java.util.Arrays;
import java.util.Optional;

/**
 * The kinds of resource an account may hold only so many of. Each is counted within its own scope
 * ({@link Per}: one region, one VPN gateway, the OpenStack project) and limited per account: an
 * operator sets the limit ({@code vpnd quota set}), and where none is set the kind's default
 * applies. The defaults are the clouds' documented quotas where they document one, else a finite
 * choice; docs/security.md ("Quotas") gives each figure and its source.
 */
public enum QuotaKind {
    VPC("vpc", "VPCs", Per.REGION, 10),
    VPN_GATEWAY("vpn-gateway", "VPN gateways", Per.REGION, 30),
    CUSTOMER_GATEWAY("customer-gateway", "customer gateways", Per.REGION, 100),
    VPN_CONNECTION("vpn-connection", "VPN connections", Per.VPN_GATEWAY, 10),
    NETWORK("network", "networks", Per.PROJECT, 100),
    SUBNET("subnet", "subnets", Per.PROJECT, 100),
    ROUTER("router", "routers", Per.PROJECT, 10),
    IKE_POLICY("ike-policy", "IKE policies", Per.PROJECT, 100),
    IPSEC_POLICY("ipsec-policy", "IPsec policies", Per.PROJECT, 100),
    VPN_SERVICE("vpn-service", "VPN services", Per.PROJECT, 10),
    ENDPOINT_GROUP("endpoint-group", "endpoint groups", Per.PROJECT, 200),
    IPSEC_SITE_CONNECTION("ipsec-site-connection", "IPsec site connections", Per.PROJECT, 100);

    /** The largest limit an operator may set: far above any documented quota, far below what a count overflows. */
    public static final long MAX_LIMIT = 1_000_000;

    /** What a limit counts within. */
    public enum Per {
        REGION("region"), VPN_GATEWAY("VPN gateway"), PROJECT("project");

        private final String label;

        Per(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    private final String cliName;
    private final String plural;
    private final Per per;
    private final long defaultLimit;

    QuotaKind(String cliName, String plural, Per per, long defaultLimit) {
        this.cliName = cliName;
        this.plural = plural;
        this.per = per;
        this.defaultLimit = defaultLimit;
    }

    /** The name {@code vpnd quota} takes and prints, e.g. {@code vpn-connection}. */
    public String cliName() {
        return cliName;
    }

    /** E.g. {@code VPN connections}. */
    public String plural() {
        return plural;
    }

    public Per per() {
        return per;
    }

    public long defaultLimit() {
        return defaultLimit;
    }

    /** E.g. {@code VPN connections per VPN gateway}. */
    public String describe() {
        return plural + " per " + per.label();
    }

    public static Optional<QuotaKind> byCliName(String name) {
        return Arrays.stream(values()).filter(k -> k.cliName.equals(name)).findFirst();
    }
}
