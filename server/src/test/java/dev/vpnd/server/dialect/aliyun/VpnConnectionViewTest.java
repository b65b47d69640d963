package dev.vpnd.server.dialect.aliyun;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vpnd.core.model.BgpConfig;
import org.junit.jupiter.api.Test;

class VpnConnectionViewTest {

    @Test
    void peerBgpIpIsTheOtherHostOfTheSlash30() {
        assertThat(VpnConnectionView.peerBgpIp(new BgpConfig(true, 1, "169.254.10.0/30", "169.254.10.1", "", "")))
                .isEqualTo("169.254.10.2");
        assertThat(VpnConnectionView.peerBgpIp(new BgpConfig(true, 1, "169.254.10.4/30", "169.254.10.6", "", "")))
                .isEqualTo("169.254.10.5");
    }

    @Test
    void noPeerWithoutATunnelBlockOrOnANetworkAddress() {
        assertThat(VpnConnectionView.peerBgpIp(new BgpConfig(false, 1, "", "", "", ""))).isEmpty();
        assertThat(VpnConnectionView.peerBgpIp(new BgpConfig(true, 1, "169.254.10.0/30", "169.254.10.0", "", "")))
                .isEmpty();
    }
}
