package dev.vpnd.server.dialect;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Keystone's hex spelling of a canonical id, and either spelling read back to the canonical one. */
class OpenStackIdsTest {
    private static final String DASHED = "580364b8-da93-48ec-92db-4277d404f815";
    private static final String HEX = "580364b8da9348ec92db4277d404f815";

    @Test
    void aCanonicalIdIsShownWithoutDashesAndReadBackFromEitherForm() {
        assertThat(OpenStackIds.shown(DASHED)).isEqualTo(HEX);
        assertThat(OpenStackIds.canonical(HEX)).isEqualTo(DASHED);
        assertThat(OpenStackIds.canonical(DASHED)).isEqualTo(DASHED);
    }

    @Test
    void anythingElseIsLeftAsItIs() {
        for (String other : new String[] {"admin", "", "580364B8DA9348EC92DB4277D404F815", HEX + "0",
                "580364b8-da93-48ec-92db-4277d404f81"}) {
            assertThat(OpenStackIds.shown(other)).as(other).isEqualTo(other);
            assertThat(OpenStackIds.canonical(other)).as(other).isEqualTo(other);
        }
        assertThat(OpenStackIds.shown(null)).isNull();
        assertThat(OpenStackIds.canonical(null)).isNull();
    }
}
