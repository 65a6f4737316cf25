package io.complaintflow.notifications.outbox;

import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import io.complaintflow.notifications.DeliveryChannel;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * Micrometer meters: {@code complaintflow.notifications.outbox} (gauge, messages per {@code status}, the whole
 * database as last seen by this node's dispatcher), {@code complaintflow.notifications.sent},
 * {@code complaintflow.notifications.failed} (failed attempts) and {@code complaintflow.notifications.dead} (dead
 * letters), counters per {@code channel}, counted by this node.
 */
class OutboxMetrics {

  static final String DEPTH = "complaintflow.notifications.outbox";
  static final String SENT = "complaintflow.notifications.sent";
  static final String FAILED = "complaintflow.notifications.failed";
  static final String DEAD = "complaintflow.notifications.dead";

  private final Map<OutboxStatus, AtomicLong> depth = new EnumMap<>(OutboxStatus.class);
  private final Map<DeliveryChannel, Counter> sent = new EnumMap<>(DeliveryChannel.class);
  private final Map<DeliveryChannel, Counter> failed = new EnumMap<>(DeliveryChannel.class);
  private final Map<DeliveryChannel, Counter> dead = new EnumMap<>(DeliveryChannel.class);

  OutboxMetrics(MeterRegistry registry) {
    for (OutboxStatus s : OutboxStatus.values()) {
      AtomicLong value = new AtomicLong();
      depth.put(s, value);
      Gauge.builder(DEPTH, value, AtomicLong::get).tag("status", s.name())
          .description("Notification outbox messages by status").register(registry);
    }
    for (DeliveryChannel c : DeliveryChannel.values()) {
      String channel = c.name().toLowerCase(java.util.Locale.ROOT);
      sent.put(c, Counter.builder(SENT).tag("channel", channel).description("Notifications delivered")
          .register(registry));
      failed.put(c, Counter.builder(FAILED).tag("channel", channel).description("Failed delivery attempts")
          .register(registry));
      dead.put(c, Counter.builder(DEAD).tag("channel", channel).description("Notifications given up (dead letters)")
          .register(registry));
    }
  }

  void depth(Map<OutboxStatus, Long> counts) {
    counts.forEach((status, n) -> depth.get(status).set(n));
  }

  void sent(DeliveryChannel channel) {
    sent.get(channel).increment();
  }

  void failed(DeliveryChannel channel) {
    failed.get(channel).increment();
  }

  void dead(DeliveryChannel channel) {
    dead.get(channel).increment();
  }
}
