package dev.vpnd.core.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class AccessPolicyTest {

    private static AccessPolicy allow(String patterns) {
        return new AccessPolicy(AccessPolicy.parseActions(patterns), Set.of(), Set.of());
    }

    @Test
    void aWildcardStandsForAnyRunOfCharactersAndCaseDoesNotCount() {
        var policy = allow("Describe*,CreateVpnConnection, *Tag*");
        assertThat(policy.allowsAction("DescribeVpnConnections")).isTrue();
        assertThat(policy.allowsAction("describevpngateways")).isTrue();
        assertThat(policy.allowsAction("CreateVpnConnection")).isTrue();
        assertThat(policy.allowsAction("ListTagResources")).isTrue();
        assertThat(policy.allowsAction("UnTagResources")).isTrue();
        assertThat(policy.allowsAction("CreateVpnConnectionX")).isFalse();
        assertThat(policy.allowsAction("DeleteVpnConnection")).isFalse();
        assertThat(policy.allowsAction("Describ")).isFalse();
        assertThat(allow("*").allowsAction("anything")).isTrue();
        assertThat(allow("a*b*c").allowsAction("abxbyc")).isTrue();
        assertThat(allow("a*b*c").allowsAction("abxbycd")).isFalse();
    }

    @Test
    void theReadOnlyShorthandAllowsDescribeAndListOnly() {
        assertThat(AccessPolicy.READ_ONLY.allowsAction("DescribeVpnConnections")).isTrue();
        assertThat(AccessPolicy.READ_ONLY.allowsAction("ListTagResources")).isTrue();
        assertThat(AccessPolicy.READ_ONLY.allowsAction("TagResources")).isFalse();
        assertThat(AccessPolicy.READ_ONLY.readOnly()).isTrue();
        assertThat(allow("List*,Describe*").readOnly()).isFalse();
        assertThat(AccessPolicy.READER.allowsAction("get_ipsec_site_connection")).isTrue();
        assertThat(AccessPolicy.READER.allowsAction("create_ipsec_site_connection")).isFalse();
    }

    @Test
    void regionsLimitOnlyWhenGiven() {
        assertThat(AccessPolicy.ALLOW_ALL.allowsRegion("default")).isTrue();
        var policy = new AccessPolicy(List.of("*"), Set.of(), Set.of("default"));
        assertThat(policy.allowsRegion("default")).isTrue();
        assertThat(policy.allowsRegion("shanghai")).isFalse();
        assertThat(policy.limitsResources()).isFalse();
    }

    @Test
    void itemsThatAreNotPatternsAreRefusedByName() {
        assertThatThrownBy(() -> allow("Describe*,,Create*")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("empty action pattern");
        assertThatThrownBy(() -> allow("Describe?")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'Describe?' is not an action pattern");
        assertThatThrownBy(() -> allow("Create Vpn")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'Create Vpn'");
        assertThatThrownBy(() -> new AccessPolicy(List.of(), Set.of(), Set.of()))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theDescriptionNamesEveryPart() {
        assertThat(new AccessPolicy(List.of("Describe*", "CreateVpnConnection"), Set.of("g2", "g1"),
                Set.of("default")).describe()).isEqualTo("allow Describe*,CreateVpnConnection on g1,g2 in default");
        assertThat(AccessPolicy.ALLOW_ALL.describe()).isEqualTo("allow *");
    }
}
