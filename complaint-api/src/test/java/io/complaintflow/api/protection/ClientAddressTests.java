package io.complaintflow.api.protection;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;

import io.complaintflow.api.protection.RateLimitFilter.Group;

class ClientAddressTests {

  private final ClientAddress behindProxy = new ClientAddress("X-Forwarded-For", List.of("10.0.0.0/8", "::1"));

  @Test
  void isThePeerWithoutAHeaderConfigured() {
    ClientAddress direct = new ClientAddress(null, List.of("10.0.0.0/8"));
    assertThat(direct.of(request("10.0.0.5", "203.0.113.7"))).isEqualTo("10.0.0.5");
  }

  @Test
  void ignoresTheHeaderFromAnUntrustedPeer() {
    assertThat(behindProxy.of(request("192.0.2.1", "203.0.113.7"))).isEqualTo("192.0.2.1");
  }

  @Test
  void readsTheClientFromATrustedProxy() {
    assertThat(behindProxy.of(request("10.0.0.5", "203.0.113.7"))).isEqualTo("203.0.113.7");
    assertThat(behindProxy.of(request("0:0:0:0:0:0:0:1", "2001:db8::7"))).isEqualTo("2001:db8::7");
  }

  @Test
  void takesTheRightmostAddressThatIsNotATrustedProxy() {
    // the client wrote "1.2.3.4" itself; the outer proxy 10.0.0.9 added 203.0.113.7; the inner one is the peer
    assertThat(behindProxy.of(request("10.0.0.5", "1.2.3.4, 203.0.113.7, 10.0.0.9"))).isEqualTo("203.0.113.7");
  }

  @Test
  void fallsBackToThePeerOnGarbageOrOnlyProxies() {
    assertThat(behindProxy.of(request("10.0.0.5", "evil.example.com"))).isEqualTo("10.0.0.5");
    assertThat(behindProxy.of(request("10.0.0.5", "203.0.113.7, ,10.0.0.9"))).isEqualTo("10.0.0.5");
    assertThat(behindProxy.of(request("10.0.0.5", "10.0.0.7, 10.0.0.9"))).isEqualTo("10.0.0.5");
    assertThat(behindProxy.of(request("10.0.0.5", ""))).isEqualTo("10.0.0.5");
    assertThat(behindProxy.of(request("10.0.0.5", null))).isEqualTo("10.0.0.5");
  }

  @Test
  void groupsTheCustomersEndpoints() {
    assertThat(RateLimitFilter.groupOf("POST", "/api/complaints")).isEqualTo(Group.INTAKE);
    assertThat(RateLimitFilter.groupOf("GET", "/api/complaints/CF-20261120-0001")).isEqualTo(Group.STATUS);
    assertThat(RateLimitFilter.groupOf("POST", "/api/complaints/CF-1/reopen")).isEqualTo(Group.CUSTOMER_ACTION);
    assertThat(RateLimitFilter.groupOf("POST", "/api/complaints/CF-1/resolution-confirmation"))
        .isEqualTo(Group.CUSTOMER_ACTION);
    assertThat(RateLimitFilter.groupOf("POST", "/api/complaints/CF-1/information")).isEqualTo(Group.CUSTOMER_ACTION);
    assertThat(RateLimitFilter.groupOf("GET", "/api/revisits/abc")).isEqualTo(Group.SURVEY);
    assertThat(RateLimitFilter.groupOf("POST", "/api/revisits/abc")).isEqualTo(Group.SURVEY);
  }

  @Test
  void leavesEverythingElseWithoutBudget() {
    assertThat(RateLimitFilter.groupOf("GET", "/api/complaints")).isNull();
    assertThat(RateLimitFilter.groupOf("GET", "/api/products")).isNull();
    assertThat(RateLimitFilter.groupOf("GET", "/api/staff/complaints/CF-1")).isNull();
    assertThat(RateLimitFilter.groupOf("POST", "/api/staff/complaints")).isNull();
    assertThat(RateLimitFilter.groupOf("GET", "/actuator/health")).isNull();
    assertThat(RateLimitFilter.groupOf("GET", "/")).isNull();
  }

  private static MockHttpServletRequest request(String peer, String forwardedFor) {
    MockHttpServletRequest r = new MockHttpServletRequest("GET", "/api/complaints/CF-1");
    r.setRemoteAddr(peer);
    if (forwardedFor != null) {
      r.addHeader("X-Forwarded-For", forwardedFor);
    }
    return r;
  }
}
