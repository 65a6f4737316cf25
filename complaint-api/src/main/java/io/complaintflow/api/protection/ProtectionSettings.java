package io.complaintflow.api.protection;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Limits that protect the public endpoints ({@code complaintflow.protection.*}).
 *
 * @param maxBody the largest request body accepted under {@code /api/**}; a larger one is refused with 413 before it
 *     is read into any object
 * @param rateLimit per-client request budgets of the customers' endpoints
 */
@ConfigurationProperties("complaintflow.protection")
public record ProtectionSettings(@DefaultValue("64KB") DataSize maxBody, @DefaultValue RateLimit rateLimit) {

  /**
   * @param enabled off: no budget is enforced
   * @param clientAddressHeader a header such as {@code X-Forwarded-For} that the reverse proxy sets; read only on
   *     requests whose peer is one of the {@code trustedProxies}, else the peer address is the client
   * @param trustedProxies addresses or CIDR ranges of the reverse proxies ({@code 10.0.0.0/8}, {@code ::1})
   * @param maxClients clients remembered per node; when more, those whose budget is full again are forgotten
   * @param limits budget per group of endpoints: {@code intake}, {@code status}, {@code customer-action},
   *     {@code survey}
   */
  public record RateLimit(@DefaultValue("true") boolean enabled, String clientAddressHeader,
      @DefaultValue List<String> trustedProxies, @DefaultValue("100000") int maxClients,
      @DefaultValue Map<String, Budget> limits) {
  }

  /** {@code requests} per {@code per}, refilled gradually; a burst of up to {@code requests} is allowed. */
  public record Budget(long requests, Duration per) {
  }
}
