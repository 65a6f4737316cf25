package io.complaintflow.api.protection;

import java.util.List;

import org.springframework.security.web.util.matcher.IpAddressMatcher;

import jakarta.servlet.http.HttpServletRequest;

/**
 * The address a request comes from. Behind a reverse proxy every request comes from the proxy, so the client is read
 * from the header the proxy sets ({@code X-Forwarded-For: client, proxy1, proxy2}) — but only when the peer is a
 * configured trusted proxy, and only the rightmost address that is not itself a trusted proxy: anything left of it
 * was written by the client and proves nothing.
 */
final class ClientAddress {

  private final String header;
  private final List<IpAddressMatcher> trusted;

  ClientAddress(String header, List<String> trustedProxies) {
    this.header = header == null || header.isBlank() ? null : header.strip();
    this.trusted = trustedProxies.stream().map(IpAddressMatcher::new).toList();
  }

  String of(HttpServletRequest request) {
    String peer = request.getRemoteAddr();
    if (header == null || !isTrusted(peer)) {
      return peer;
    }
    String forwarded = request.getHeader(header);
    if (forwarded == null || forwarded.isBlank()) {
      return peer;
    }
    String[] hops = forwarded.split(",");
    for (int i = hops.length - 1; i >= 0; i--) {
      String hop = hops[i].strip();
      if (hop.isEmpty() || !looksLikeAddress(hop)) {
        return peer;
      }
      if (!isTrusted(hop)) {
        return hop;
      }
    }
    return peer;
  }

  private boolean isTrusted(String address) {
    try {
      return trusted.stream().anyMatch(m -> m.matches(address));
    } catch (IllegalArgumentException notAnAddress) {
      return false;
    }
  }

  /** Digits, hex, dots and colons only: no host name is ever looked up. */
  private static boolean looksLikeAddress(String s) {
    return s.length() <= 45 && s.chars().allMatch(c -> Character.digit(c, 16) >= 0 || c == '.' || c == ':');
  }
}
