package io.complaintflow.notifications.outbox;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How the outbox dispatcher works ({@code complaintflow.notifications.dispatch.*}).
 *
 * @param enabled whether this node delivers messages at all (every node may; they share the work)
 * @param pollInterval how often an idle dispatcher looks for due messages (it also wakes up when this node enqueues)
 * @param batchSize messages claimed per poll
 * @param deliveryThreads messages delivered in parallel (never two of the same lane)
 * @param claimTimeout how long a claim lasts; a message whose node died is taken over after that. Must exceed the
 *     longest delivery (the channels' time-outs)
 * @param maxAttempts attempts before a message becomes a dead letter
 * @param initialBackoff wait after the first failed attempt; doubles with each further one
 * @param maxBackoff the longest wait between attempts
 * @param shutdownGrace how long a stopping node lets deliveries in flight finish; those still running after that keep
 *     their claim, which expires
 * @param nodeId names this node in {@code claimed_by}; default: host name and process id
 */
@ConfigurationProperties("complaintflow.notifications.dispatch")
record DispatchSettings(
    @DefaultValue("true") boolean enabled,
    @DefaultValue("1s") Duration pollInterval,
    @DefaultValue("20") int batchSize,
    @DefaultValue("4") int deliveryThreads,
    @DefaultValue("2m") Duration claimTimeout,
    @DefaultValue("8") int maxAttempts,
    @DefaultValue("30s") Duration initialBackoff,
    @DefaultValue("1h") Duration maxBackoff,
    @DefaultValue("5s") Duration shutdownGrace,
    String nodeId) {

  DispatchSettings {
    if (batchSize < 1 || deliveryThreads < 1 || maxAttempts < 1) {
      throw new IllegalArgumentException("complaintflow.notifications.dispatch: batch-size, delivery-threads and "
          + "max-attempts must be at least 1");
    }
    if (pollInterval.isNegative() || pollInterval.isZero() || claimTimeout.isNegative() || claimTimeout.isZero()
        || initialBackoff.isNegative() || maxBackoff.compareTo(initialBackoff) < 0) {
      throw new IllegalArgumentException("complaintflow.notifications.dispatch: poll-interval and claim-timeout must be "
          + "positive, and max-backoff at least initial-backoff");
    }
  }

  /** The wait after the {@code attempt}-th failed attempt (1-based): initial × 2^(attempt−1), at most max. */
  Duration backoff(int attempt) {
    Duration wait = initialBackoff;
    for (int i = 1; i < attempt && wait.compareTo(maxBackoff) < 0; i++) {
      wait = wait.multipliedBy(2);
    }
    return wait.compareTo(maxBackoff) > 0 ? maxBackoff : wait;
  }
}
