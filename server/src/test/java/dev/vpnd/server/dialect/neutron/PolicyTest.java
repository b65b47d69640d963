package dev.vpnd.server.dialect.neutron;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.vpnd.server.dialect.WireFault;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Who may write what: the owner or an admin, admin-only network attributes, and oslo.policy's 403. */
class PolicyTest {
    private static final Caller OWNER = new Caller("p1", false);
    private static final Caller OTHER = new Caller("p2", false);
    private static final Caller ADMIN = new Caller("admin-project", true);

    private static ObjectNode network() {
        ObjectNode doc = NeutronJson.NODES.objectNode();
        for (Attribute attribute : Kinds.NETWORKS.attributes()) {
            if (attribute.defaultValue() != null) {
                doc.set(attribute.name(), attribute.defaultValue());
            }
        }
        return doc;
    }

    private static void assertRefused(Policy policy, Caller caller, String owner, String rule) {
        assertThatThrownBy(() -> policy.enforce(caller, owner)).isInstanceOfSatisfying(WireFault.class, fault -> {
            assertThat(fault.status()).isEqualTo(403);
            assertThat(fault.code()).isEqualTo("PolicyNotAuthorized");
            assertThat(fault.getMessage()).isEqualTo(rule + " is disallowed by policy");
        });
    }

    @Test
    void theOwnerMayWriteItsOwnResource() {
        assertThatCode(() -> Policy.delete(Kinds.IKE_POLICIES).enforce(OWNER, "p1")).doesNotThrowAnyException();
    }

    @Test
    void anotherProjectMayNotWriteItEvenWhenItSeesIt() {
        assertRefused(Policy.delete(Kinds.NETWORKS), OTHER, "p1", "rule:delete_network");
        assertRefused(Policy.memberAction("add_router_interface"), OTHER, "p1", "rule:add_router_interface");
    }

    @Test
    void anAdminMayWriteAnyProjectsResource() {
        assertThatCode(() -> Policy.update(Kinds.NETWORKS, NeutronJson.NODES.objectNode().put("shared", true))
                .enforce(ADMIN, "p1")).doesNotThrowAnyException();
    }

    @Test
    void aCreateCountsAnAdminOnlyAttributeOnlyWhenItDiffersFromItsDefault() {
        assertThat(Policy.create(Kinds.NETWORKS, network()).attributes()).isEmpty();
        var shared = network().put("shared", true).put("router:external", true);
        assertThat(Policy.create(Kinds.NETWORKS, shared).attributes()).containsExactly("shared", "router:external");
    }

    @Test
    void anUpdateCountsAnAdminOnlyAttributeWhateverItsValue() {
        var changes = NeutronJson.NODES.objectNode().put("name", "n").put("shared", false);
        assertThat(Policy.update(Kinds.NETWORKS, changes).attributes()).containsExactly("shared");
        assertRefused(Policy.update(Kinds.NETWORKS, changes), OWNER, "p1", "(rule:update_network and "
                + "rule:update_network:shared)");
    }

    @Test
    void kindsWithoutAdminOnlyAttributesCountNone() {
        var changes = NeutronJson.NODES.objectNode().put("shared", true);
        assertThat(Policy.update(Kinds.ROUTERS, changes).attributes()).isEmpty();
    }

    @Test
    void theRuleNestsAsOsloPolicyPrintsAnAndCheck() {
        assertThat(new Policy("create_network", List.of("shared", "is_default")).rule())
                .isEqualTo("((rule:create_network and rule:create_network:shared) and rule:create_network:is_default)");
    }
}
