package io.complaintflow.notifications.outbox;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

import io.complaintflow.notifications.DeliveryChannel;

/** A channel for dispatcher tests: records what it was given, fails as told. */
final class RecordingChannel implements ChannelSender {

  private final DeliveryChannel channel;
  private final boolean configured;
  private final Set<String> addresses;
  final List<String> delivered = Collections.synchronizedList(new ArrayList<>());
  final Map<String, AtomicInteger> attemptsByKey = new ConcurrentHashMap<>();
  volatile Function<OutboxMessage, DeliveryException> failure = m -> null;
  volatile long latencyMillis;

  RecordingChannel(DeliveryChannel channel, boolean configured) {
    this(channel, configured, null);
  }

  RecordingChannel(DeliveryChannel channel, boolean configured, Set<String> addresses) {
    this.channel = channel;
    this.configured = configured;
    this.addresses = addresses;
  }

  @Override
  public DeliveryChannel channel() {
    return channel;
  }

  @Override
  public boolean configured() {
    return configured;
  }

  @Override
  public Set<String> configuredAddresses() {
    return addresses;
  }

  @Override
  public String notConfiguredReason() {
    return channel + " is not configured in this test";
  }

  @Override
  public void deliver(OutboxMessage m) throws DeliveryException {
    attemptsByKey.computeIfAbsent(m.key(), k -> new AtomicInteger()).incrementAndGet();
    if (latencyMillis > 0) {
      try {
        Thread.sleep(latencyMillis);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw DeliveryException.retryable("interrupted", e);
      }
    }
    DeliveryException e = failure.apply(m);
    if (e != null) {
      throw e;
    }
    delivered.add(m.key());
  }
}
