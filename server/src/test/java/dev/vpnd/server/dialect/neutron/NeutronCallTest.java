package dev.vpnd.server.dialect.neutron;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vpnd.server.http.WireRequest;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** How a path and method become an action of {@link NeutronActions#TABLE}, before any token is looked at. */
class NeutronCallTest {

    private static NeutronCall call(String method, String path) {
        return NeutronCall.parse(new WireRequest(method, path, null, Map.of(), new byte[0], Instant.now(),
                "127.0.0.1"));
    }

    private static NeutronActions action(String method, String path) {
        return NeutronActions.TABLE.find(call(method, path).action()).orElse(null);
    }

    @Test
    void aCollectionIsNamedByItsPluralAndAMemberByItsSingular() {
        assertThat(call("GET", "/v2.0/vpn/ikepolicies").action()).isEqualTo("ikepolicies.GET");
        var member = call("PUT", "/v2.0/vpn/ikepolicies/abc");
        assertThat(member.action()).isEqualTo("ikepolicy.PUT");
        assertThat(member.kind()).isEqualTo(Kinds.IKE_POLICIES);
        assertThat(member.id()).isEqualTo("abc");
    }

    @Test
    void eachMethodOfACollectionAndAMemberIsItsAction() {
        assertThat(action("GET", "/v2.0/networks")).isEqualTo(NeutronActions.LIST);
        assertThat(action("POST", "/v2.0/networks")).isEqualTo(NeutronActions.CREATE);
        assertThat(action("GET", "/v2.0/networks/n1")).isEqualTo(NeutronActions.SHOW);
        assertThat(action("PUT", "/v2.0/networks/n1")).isEqualTo(NeutronActions.UPDATE);
        assertThat(action("DELETE", "/v2.0/networks/n1")).isEqualTo(NeutronActions.DELETE);
    }

    @Test
    void methodsACollectionOrMemberLacksAreNoAction() {
        assertThat(action("PUT", "/v2.0/networks")).isNull();
        assertThat(action("DELETE", "/v2.0/networks")).isNull();
        assertThat(action("POST", "/v2.0/networks/n1")).isNull();
        assertThat(action("PATCH", "/v2.0/networks/n1")).isNull();
    }

    @Test
    void portsAreListedShownAndUpdatedButNeverCreatedOrDeleted() {
        assertThat(action("GET", "/v2.0/ports")).isEqualTo(NeutronActions.LIST);
        assertThat(action("PUT", "/v2.0/ports/p1")).isEqualTo(NeutronActions.UPDATE);
        assertThat(action("POST", "/v2.0/ports")).isNull();
        assertThat(action("DELETE", "/v2.0/ports/p1")).isNull();
        assertThat(call("POST", "/v2.0/ports").routed()).isTrue();
    }

    @Test
    void routerInterfaceActionsArePutsOnARouter() {
        var call = call("PUT", "/v2.0/routers/r1/add_router_interface");
        assertThat(call.action()).isEqualTo("router.add_router_interface.PUT");
        assertThat(call.memberAction()).isEqualTo("add_router_interface");
        assertThat(call.id()).isEqualTo("r1");
        assertThat(action("PUT", "/v2.0/routers/r1/remove_router_interface")).isEqualTo(NeutronActions.MEMBER_ACTION);
        assertThat(action("GET", "/v2.0/routers/r1/add_router_interface")).isNull();
    }

    @Test
    void memberActionsOtherThanTheRoutersAreNoRoute() {
        assertThat(call("PUT", "/v2.0/routers/r1/invented").routed()).isFalse();
        assertThat(call("PUT", "/v2.0/networks/n1/add_router_interface").routed()).isFalse();
        assertThat(call("PUT", "/v2.0/routers/r1/add_router_interface/x").routed()).isFalse();
    }

    @Test
    void aJsonSuffixIsDropped() {
        assertThat(call("GET", "/v2.0/networks.json").action()).isEqualTo("networks.GET");
        assertThat(call("GET", "/v2.0/networks/n1.json").id()).isEqualTo("n1");
        assertThat(call("GET", "/v2.0.json").action()).isEqualTo(NeutronCall.ROOT);
    }

    @Test
    void pathsThatNameNoResourceParseToAnUnroutedCall() {
        for (String path : new String[] {"/v2.0/invented", "/v3", "/v2.0/networks/", "/v2.0/networks//x", "/.json",
                "/v2.0/vpn"}) {
            var call = call("GET", path);
            assertThat(call.routed()).as(path).isFalse();
            assertThat(call.action()).as(path).isEmpty();
            assertThat(call.anonymous()).as(path).isFalse();
        }
    }

    @Test
    void onlyTheVersionDocumentIsAnonymousAndItTakesAnyMethod() {
        assertThat(call("GET", "/").anonymous()).isTrue();
        assertThat(call("GET", "").anonymous()).isTrue();
        assertThat(action("POST", "/")).isEqualTo(NeutronActions.VERSIONS);
        assertThat(call("GET", "/v2.0").anonymous()).isFalse();
        assertThat(action("DELETE", "/v2.0/")).isEqualTo(NeutronActions.ROOT);
    }

    @Test
    void anExtensionIsAskedByItsAlias() {
        assertThat(action("GET", "/v2.0/extensions")).isEqualTo(NeutronActions.EXTENSIONS);
        assertThat(action("GET", "/v2.0/extensions/")).isEqualTo(NeutronActions.EXTENSIONS);
        var one = call("GET", "/v2.0/extensions/vpnaas.json");
        assertThat(NeutronActions.TABLE.find(one.action())).contains(NeutronActions.EXTENSION);
        assertThat(one.id()).isEqualTo("vpnaas");
        assertThat(action("POST", "/v2.0/extensions")).isNull();
    }

    @Test
    void everyNameInTheTableIsAResourceAndAMethodNeutronRoutes() {
        for (String name : NeutronActions.TABLE.names()) {
            assertThat(name).as(name).matches("versions|root|[a-z_]+(\\.[a-z_]+)?\\.(GET|POST|PUT|DELETE)");
        }
    }
}
