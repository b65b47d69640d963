package dev.vpnd.core.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.vpnd.core.algo.DhGroup;
import dev.vpnd.core.algo.Encryption;
import dev.vpnd.core.algo.IkeMode;
import dev.vpnd.core.algo.IkeVersion;
import dev.vpnd.core.algo.Integrity;
import dev.vpnd.core.memory.MemoryStorage;
import dev.vpnd.core.model.Account;
import dev.vpnd.core.model.BgpConfig;
import dev.vpnd.core.model.ChargeType;
import dev.vpnd.core.model.DpdAction;
import dev.vpnd.core.model.HealthCheck;
import dev.vpnd.core.model.IkeConfig;
import dev.vpnd.core.model.Initiation;
import dev.vpnd.core.model.IpsecConfig;
import dev.vpnd.core.model.NegotiationStatus;
import dev.vpnd.core.model.NetworkType;
import dev.vpnd.core.model.RouteType;
import dev.vpnd.core.model.Scope;
import dev.vpnd.core.model.SecurityPolicy;
import dev.vpnd.core.model.Tag;
import dev.vpnd.core.model.Tunnel;
import dev.vpnd.core.model.TunnelRole;
import dev.vpnd.core.model.VpnType;
import dev.vpnd.core.problem.Problem;
import dev.vpnd.core.problem.ProblemException;
import dev.vpnd.core.problem.ResourceType;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;

/**
 * Core's services over a fresh {@link MemoryStorage}, with a clock the test moves and one account
 * of its own ({@link #scope}, {@link #other} in another region), and drafts that pass every rule.
 */
final class CoreFixture {
    static final Duration DELAY = Duration.ofSeconds(5);
    static final String ACCOUNT_NAME = "acme";

    final Clock clock = new Clock(Instant.parse("2026-01-01T00:00:00Z"));
    final MemoryStorage storage = new MemoryStorage();
    final Services services = Services.over(storage, new ServiceSettings(clock, DELAY), "region-a");
    final Account account = new Account("account-1", ACCOUNT_NAME, clock.instant());
    final Scope scope = new Scope(account.id(), "region-a");
    final Scope other = new Scope(account.id(), "region-b");

    CoreFixture() {
        storage.write(s -> {
            s.accounts().insert(account);
            return null;
        });
    }

    /** A clock that stands still until the test moves it. */
    static final class Clock implements InstantSource {
        private Instant now;

        Clock(Instant start) {
            now = start;
        }

        @Override
        public Instant instant() {
            return now;
        }

        void advance(Duration by) {
            now = now.plus(by);
        }
    }

    /**
     * Moves the clock past the provisioning delay, so that what was created or modified so far is
     * active: a client waits for that before it changes or deletes a resource ({@link Busy}).
     */
    void settle() {
        clock.advance(DELAY);
    }

    /** The tags stored for the resource, read from the tag store itself. */
    List<Tag> storedTags(ResourceType type, String id) {
        return storage.read(s -> s.tags().tagsOf(type, id));
    }

    /** The problem {@code call} is refused with. */
    static Problem problem(ThrowingCallable call) {
        var e = catchThrowableOfType(ProblemException.class, call);
        assertThat(e).as("refused with a problem").isNotNull();
        return e.problem();
    }

    static VpcDraft vpc() {
        return new VpcDraft("vpc", "a vpc", "10.0.0.0/16", false, List.of("10.0.0.2"), "corp.example", List.of());
    }

    static GatewayDraft gateway(String vpcId) {
        return new GatewayDraft(vpcId, "vsw-1", "gw", "a gateway", 10, NetworkType.PUBLIC, VpnType.INTERNATIONAL,
                true, false, 5, ChargeType.POSTPAID, "zone-a", 0, List.of());
    }

    static CustomerGatewayDraft customerGateway(String ipAddress) {
        return new CustomerGatewayDraft("peer", "on premises", ipAddress, 65001, "", List.of());
    }

    /** Phase 1 settings without a pre-shared key, which asks the service for one. */
    static IkeConfig ike() {
        return new IkeConfig(IkeVersion.V2, IkeMode.MAIN, Encryption.AES_256, Integrity.SHA256, DhGroup.MODP_2048,
                86400, "", "", null);
    }

    static IpsecConfig ipsec() {
        return new IpsecConfig(Encryption.AES_256, Integrity.SHA256, DhGroup.MODP_2048, 3600, 0);
    }

    static BgpConfig noBgp() {
        return new BgpConfig(false, 0, "", "", "", "");
    }

    static HealthCheck noHealthCheck() {
        return new HealthCheck(false, "", "", 2000, 1000, 3, "");
    }

    /** A single-tunnel connection between the two gateways. */
    static ConnectionDraft connection(String gatewayId, String customerGatewayId) {
        return new ConnectionDraft(gatewayId, customerGatewayId, "conn",
                List.of(new SecurityPolicy(List.of("10.0.0.0/24"), List.of("192.168.0.0/24"))), Initiation.IMMEDIATE,
                true, 30, DpdAction.CLEAR, true, true, RouteType.POLICY, ike(), ipsec(), noBgp(), noHealthCheck(), "",
                false, List.of(), List.of());
    }

    /** A dual-tunnel connection: no customer gateway of its own, one per tunnel. */
    static ConnectionDraft dualTunnel(String gatewayId, Tunnel... tunnels) {
        return new ConnectionDraft(gatewayId, "", "dual",
                List.of(new SecurityPolicy(List.of("10.0.0.0/24"), List.of("192.168.0.0/24"))), Initiation.IMMEDIATE,
                true, 30, DpdAction.CLEAR, true, true, RouteType.POLICY, ike(), ipsec(), noBgp(), noHealthCheck(), "",
                false, List.of(tunnels), List.of());
    }

    /** A tunnel with no id yet and no pre-shared key. */
    static Tunnel tunnel(int index, TunnelRole role, String customerGatewayId) {
        return new Tunnel("", index, role, customerGatewayId, true, true, "", ike(), ipsec(), noBgp(), "", "",
                NegotiationStatus.IKE_SA_NOT_ESTABLISHED);
    }

    static List<Tag> tags(int count) {
        return java.util.stream.IntStream.range(0, count).mapToObj(i -> new Tag("k" + i, "v" + i)).toList();
    }
}
