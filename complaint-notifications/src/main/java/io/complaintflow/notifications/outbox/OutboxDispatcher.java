package io.complaintflow.notifications.outbox;

import java.net.InetAddress;
import java.time.Clock;
import java.time.Instant;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

import io.complaintflow.notifications.DeliveryChannel;

/**
 * Delivers the outbox. Every node runs one; they share the work through the database:
 * <ol>
 * <li>hold the messages of channels not configured here, release held ones that are;</li>
 * <li>pick due messages that head their lane (no earlier message to the same recipient about the same complaint is
 * still on its way) and claim each with an atomic conditional update, for {@code claim-timeout};</li>
 * <li>deliver the claimed messages, in parallel, outside any transaction, passing the idempotency key on;</li>
 * <li>record the outcome, if the claim is still ours: sent; failed with a next attempt after exponential back-off;
 * or dead after the last attempt or a permanent failure.</li>
 * </ol>
 * A node that dies leaves its claims; they expire and another node takes the messages over. Delivery is therefore
 * at-least-once towards the receivers: a message whose delivery succeeded just before its node died is sent again,
 * with the same idempotency key, so that the receiver can drop it.
 */
@Component
class OutboxDispatcher implements SmartLifecycle {

  private static final Logger log = LoggerFactory.getLogger(OutboxDispatcher.class);

  private final OutboxStore store;
  private final Map<DeliveryChannel, ChannelSender> senders = new EnumMap<>(DeliveryChannel.class);
  private final DispatchSettings settings;
  private final DeliveryWindow window;
  private final Clock clock;
  private final OutboxMetrics metrics;
  private final String nodeId;
  private final Readiness readiness;
  private final Set<DeliveryChannel> heldLogged = EnumSet.noneOf(DeliveryChannel.class);
  private final Semaphore wakeUp = new Semaphore(0);

  /** Free delivery threads: the dispatcher claims no more messages than it can start delivering at once. */
  private final Semaphore freeThreads;

  private volatile boolean running;
  private Thread poller;
  private ExecutorService deliveries;

  OutboxDispatcher(OutboxStore store, List<ChannelSender> senders, DispatchSettings settings, DeliveryWindow window,
      Clock clock, OutboxMetrics metrics) {
    this.store = store;
    senders.forEach(s -> this.senders.put(s.channel(), s));
    this.settings = settings;
    this.window = window;
    this.clock = clock;
    this.metrics = metrics;
    this.nodeId = settings.nodeId() != null && !settings.nodeId().isBlank() ? settings.nodeId() : defaultNodeId();
    this.readiness = readiness(this.senders);
    this.freeThreads = new Semaphore(settings.deliveryThreads());
    store.onEnqueued(this::wakeUp);
  }

  private static Readiness readiness(Map<DeliveryChannel, ChannelSender> senders) {
    Set<DeliveryChannel> ready = EnumSet.noneOf(DeliveryChannel.class);
    Map<DeliveryChannel, Set<String>> addresses = new HashMap<>();
    senders.forEach((channel, sender) -> {
      if (sender.configured()) {
        ready.add(channel);
        if (sender.configuredAddresses() != null) {
          addresses.put(channel, Set.copyOf(sender.configuredAddresses()));
        }
      }
    });
    return new Readiness(ready, addresses);
  }

  String nodeId() {
    return nodeId;
  }

  /** Polls at once instead of waiting for the poll interval (after this node enqueued or retried something). */
  void wakeUp() {
    if (wakeUp.availablePermits() == 0) {
      wakeUp.release();
    }
  }

  @Override
  public synchronized void start() {
    if (running) {
      return;
    }
    running = true;
    for (DeliveryChannel c : DeliveryChannel.values()) {
      ChannelSender sender = senders.get(c);
      if (sender == null || !sender.configured()) {
        log.info("Notification channel {} is not configured ({}): its messages are held until it is", c,
            holdReason(c));
      }
    }
    if (!settings.enabled()) {
      log.info("Notification dispatcher disabled on this node (complaintflow.notifications.dispatch.enabled=false)");
      return;
    }
    AtomicInteger n = new AtomicInteger();
    deliveries = Executors.newFixedThreadPool(settings.deliveryThreads(), r -> {
      Thread t = new Thread(r, "notification-delivery-" + n.incrementAndGet());
      t.setDaemon(true);
      return t;
    });
    poller = new Thread(this::pollUntilStopped, "notification-dispatcher");
    poller.setDaemon(true);
    poller.start();
    log.info("Notification dispatcher started on node {}", nodeId);
  }

  @Override
  public synchronized void stop() {
    if (!running) {
      return;
    }
    running = false;
    if (poller == null) {
      return;
    }
    wakeUp.release();
    try {
      poller.join(settings.pollInterval().toMillis() + 5000);
      deliveries.shutdown();
      if (!deliveries.awaitTermination(settings.shutdownGrace().toMillis(), TimeUnit.MILLISECONDS)) {
        log.warn("Deliveries still running after {}; interrupted. Their claims expire after {} and another node "
            + "takes the messages over", settings.shutdownGrace(), settings.claimTimeout());
        deliveries.shutdownNow();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      deliveries.shutdownNow();
    }
    poller = null;
    log.info("Notification dispatcher stopped on node {}", nodeId);
  }

  @Override
  public boolean isRunning() {
    return running;
  }

  /** After the engine (and its datasource users) started; stopped before them. */
  @Override
  public int getPhase() {
    return Integer.MAX_VALUE - 1000;
  }

  private void pollUntilStopped() {
    while (running) {
      int found = 0;
      try {
        found = pollOnce();
      } catch (RuntimeException e) {
        log.warn("Notification dispatch failed; trying again in {}", settings.pollInterval(), e);
      }
      if (running && found < settings.batchSize()) {
        try {
          wakeUp.tryAcquire(settings.pollInterval().toMillis(), TimeUnit.MILLISECONDS);
          wakeUp.drainPermits();
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          return;
        }
      }
    }
  }

  /**
   * One round: hold/release, claim as many due messages as there are free delivery threads (at most a batch), and
   * start delivering them. Returns how many were due. A slow receiver occupies one delivery thread, not the node.
   * Without started delivery threads (tests), delivers in the calling thread.
   */
  int pollOnce() {
    Instant now = clock.instant();
    holdAndRelease(now);
    int limit = deliveries == null ? settings.batchSize() : Math.min(settings.batchSize(), freeThreads.availablePermits());
    int due = 0;
    if (limit > 0) {
      List<Long> candidates = store.candidates(now, readiness, limit);
      due = candidates.size();
      String token = UUID.randomUUID().toString();
      Instant until = now.plus(settings.claimTimeout());
      for (Long id : candidates) {
        Optional<OutboxMessage> claimed = store.claim(id, now, token, nodeId, until);
        if (claimed.isPresent()) {
          start(claimed.get(), token);
        }
      }
    }
    metrics.depth(store.countByStatus());
    return due;
  }

  private void start(OutboxMessage m, String token) {
    if (deliveries == null) {
      deliver(m, token);
      return;
    }
    freeThreads.acquireUninterruptibly();
    try {
      deliveries.execute(() -> {
        try {
          deliver(m, token);
        } catch (RuntimeException e) {
          log.error("Delivery of notification {} crashed; its claim expires", m.key(), e);
        } finally {
          freeThreads.release();
          wakeUp();
        }
      });
    } catch (java.util.concurrent.RejectedExecutionException e) {
      // stopping: the claim stays and expires
      freeThreads.release();
    }
  }

  void deliver(OutboxMessage m, String token) {
    Instant notBefore = window.notBefore(m.channel(), m.recipientKind(), m.urgent(), clock.instant());
    if (notBefore.isAfter(clock.instant())) {
      store.defer(m.id(), token, notBefore);
      log.debug("Notification {} waits for {} (quiet hours)", m.key(), notBefore);
      return;
    }
    ChannelSender sender = senders.get(m.channel());
    try {
      sender.deliver(m);
      metrics.sent(m.channel());
      if (!store.markSent(m.id(), token, clock.instant())) {
        log.warn("Notification {} was delivered after its claim expired; another node may deliver it again "
            + "(the receiver sees the same idempotency key)", m.key());
      }
    } catch (DeliveryException e) {
      failed(m, token, e.getMessage(), e.retryable());
    } catch (RuntimeException e) {
      failed(m, token, e.toString(), true);
    }
  }

  private void failed(OutboxMessage m, String token, String error, boolean retryable) {
    if (Thread.currentThread().isInterrupted()) {
      log.info("Delivery of notification {} interrupted by shutdown; its claim expires and another node takes it over",
          m.key());
      return;
    }
    metrics.failed(m.channel());
    if (!retryable || m.attempts() >= settings.maxAttempts()) {
      if (store.markDead(m.id(), token, error)) {
        metrics.dead(m.channel());
        log.warn("Notification {} ({} to {} {}) failed for good after {} attempt(s): {}", m.key(), m.channel(),
            m.recipientKind(), m.recipientId(), m.attempts(), error);
      }
      return;
    }
    Instant next = clock.instant().plus(settings.backoff(m.attempts()));
    store.markRetry(m.id(), token, next, error);
    log.info("Notification {} attempt {} of {} failed ({}); next attempt at {}", m.key(), m.attempts(),
        settings.maxAttempts(), error, next);
  }

  private void holdAndRelease(Instant now) {
    for (DeliveryChannel c : DeliveryChannel.values()) {
      ChannelSender sender = senders.get(c);
      int held;
      if (sender == null || !sender.configured()) {
        held = store.hold(c, null, holdReason(c));
      } else if (sender.configuredAddresses() != null) {
        held = store.hold(c, sender.configuredAddresses(), holdReason(c));
      } else {
        continue;
      }
      if (held > 0 && heldLogged.add(c)) {
        log.warn("Holding {} {} notification(s): {}. They go out once it is configured; later ones are held "
            + "without further notice", held, c, holdReason(c));
      }
    }
    int released = readiness.channels().isEmpty() ? 0 : store.release(readiness, now);
    if (released > 0) {
      log.info("Released {} held notification(s): their channel is configured now", released);
    }
  }

  private String holdReason(DeliveryChannel c) {
    ChannelSender sender = senders.get(c);
    return sender == null ? "no sender for channel " + c : sender.notConfiguredReason();
  }

  private static String defaultNodeId() {
    String host;
    try {
      host = InetAddress.getLocalHost().getHostName();
    } catch (java.io.IOException e) {
      host = "unknown-host";
    }
    return host + ":" + ProcessHandle.current().pid() + ":" + UUID.randomUUID().toString().substring(0, 8);
  }
}
