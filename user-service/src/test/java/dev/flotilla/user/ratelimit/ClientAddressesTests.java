package dev.flotilla.user.ratelimit;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ClientAddressesTests {

    @Test
    void ipv4AddressesCountAsTheyAre() {
        assertThat(ClientAddresses.limitKey("192.0.2.17")).isEqualTo("192.0.2.17");
        assertThat(ClientAddresses.limitKey("::ffff:192.0.2.17")).isEqualTo("192.0.2.17");
    }

    @Test
    void ipv6AddressesCountByTheirSlash64() {
        assertThat(ClientAddresses.limitKey("2001:db8:1:2::1")).isEqualTo("2001:db8:1:2::/64");
        assertThat(ClientAddresses.limitKey("2001:0db8:0001:0002:ffff:eeee:dddd:cccc")).isEqualTo("2001:db8:1:2::/64");
        assertThat(ClientAddresses.limitKey("0:0:0:0:0:0:0:1")).isEqualTo("0:0:0:0::/64");
        assertThat(ClientAddresses.limitKey("fe80::1%eth0")).isEqualTo("fe80:0:0:0::/64");
    }

    @Test
    void anythingElseIsKeptAsItIsAndNeverLookedUp() {
        assertThat(ClientAddresses.limitKey("unknown")).isEqualTo("unknown");
        assertThat(ClientAddresses.limitKey("example.com:8080")).isEqualTo("example.com:8080");
        assertThat(ClientAddresses.limitKey("1:2:3")).isEqualTo("1:2:3");
    }
}
