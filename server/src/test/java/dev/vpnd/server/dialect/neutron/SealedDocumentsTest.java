package dev.vpnd.server.dialect.neutron;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vpnd.core.model.OpenStackResource;
import org.junit.jupiter.api.Test;

/** The store seals the documents of the kinds that OpenStackResource names; the site connections' psk is one. */
class SealedDocumentsTest {
    @Test
    void siteConnectionDocumentsAreSealed() {
        assertThat(Kinds.SITE_CONNECTIONS.attributes()).extracting(Attribute::name).contains("psk");
        assertThat(new OpenStackResource(Kinds.SITE_CONNECTIONS.path(), "id", "project", "{}", false).holdsSecret())
                .isTrue();
        assertThat(new OpenStackResource(Kinds.IKE_POLICIES.path(), "id", "project", "{}", false).holdsSecret())
                .isFalse();
    }
}
