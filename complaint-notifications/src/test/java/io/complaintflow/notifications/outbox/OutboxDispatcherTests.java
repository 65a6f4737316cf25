package io.complaintflow.notifications.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.complaintflow.notifications.DeliveryChannel;
import io.complaintflow.process.calendar.EngineClock;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

/**
 * The dispatcher against a real database: claiming, lanes, retries with back-off, dead letters, held channels,
 * expired claims and several dispatchers at once. Channels are recorders; time is the engine clock, moved by the test.
 */
class OutboxDispatcherTests {

  static final Instant T0 = Instant.parse("2026-11-24T02:00:00Z"); // 10:00 in Shanghai
  static final EngineClock CLOCK = new EngineClock(ZoneId.of("Asia/Shanghai"));

  OutboxDatabase db;
  SimpleMeterRegistry meters;

  @BeforeEach
  void setUp() {
    db = new OutboxDatabase();
    meters = new SimpleMeterRegistry();
    now(T0);
  }

  @AfterEach
  void tearDown() {
    ClockUtil.reset();
    db.close();
  }

  @Test
  void deliversADueMessageOnceAndRecordsIt() {
    RecordingChannel email = new RecordingChannel(DeliveryChannel.EMAIL, true);
    OutboxDispatcher dispatcher = dispatcher("node-a", email);
    db.enqueue("k1", null, "liuyang", DeliveryChannel.EMAIL, T0);
    db.enqueue("later", null, "liuyang", DeliveryChannel.EMAIL, T0.plusSeconds(60));

    dispatcher.pollOnce();
    dispatcher.pollOnce();

    assertThat(email.delivered).containsExactly("k1");
    OutboxMessage sent = db.row("k1");
    assertThat(sent.status()).isEqualTo(OutboxStatus.SENT);
    assertThat(sent.attempts()).isOne();
    assertThat(sent.sentAt()).isEqualTo(T0);
    assertThat(sent.claimedBy()).isEqualTo("node-a");
    assertThat(db.row("later").status()).isEqualTo(OutboxStatus.PENDING);
    assertThat(meters.get(OutboxMetrics.SENT).tag("channel", "email").counter().count()).isEqualTo(1.0);
    assertThat(meters.get(OutboxMetrics.DEPTH).tag("status", "SENT").gauge().value()).isEqualTo(1.0);
    assertThat(meters.get(OutboxMetrics.DEPTH).tag("status", "PENDING").gauge().value()).isEqualTo(1.0);
  }

  @Test
  void enqueueingTheSameKeyTwiceIsANoOp() {
    db.enqueue("same", null, "liuyang", DeliveryChannel.EMAIL, T0);

    boolean again = db.store.enqueue(new NewOutboxMessage("same", null, null, null, "TASK_ASSIGNED",
        DeliveryChannel.SMS, RecipientKind.STAFF, "chenjing", "13900139000", "en", true, "other", "other", "other",
        null, T0, T0, null));

    assertThat(again).isFalse();
    assertThat(db.jdbc.sql("select count(*) from notification_outbox").query(Long.class).single()).isOne();
    assertThat(db.row("same").recipientId()).isEqualTo("liuyang");
  }

  @Test
  void sendsTheMessagesOfALaneOneAtATimeInOrderEvenWhenTheFirstNeedsRetries() {
    long complaint = db.complaint("CF-20261124-000001");
    RecordingChannel email = new RecordingChannel(DeliveryChannel.EMAIL, true);
    email.failure = m -> m.key().equals("c1-first") && m.attempts() < 3
        ? DeliveryException.retryable("mail server unavailable", null) : null;
    OutboxDispatcher dispatcher = dispatcher("node-a", email);
    db.enqueue("c1-first", complaint, "customer", DeliveryChannel.EMAIL, T0);
    db.enqueue("c1-second", complaint, "customer", DeliveryChannel.EMAIL, T0);
    db.enqueue("c1-third", complaint, "customer", DeliveryChannel.EMAIL, T0);
    db.enqueue("c1-to-supervisor", complaint, "liuyang", DeliveryChannel.EMAIL, T0);

    dispatcher.pollOnce();
    // the first failed: it waits 30 s, and so does the rest of its lane; another recipient's lane is not held back
    assertThat(email.delivered).containsExactly("c1-to-supervisor");
    assertThat(db.row("c1-first").nextAttemptAt()).isEqualTo(T0.plusSeconds(30));
    dispatcher.pollOnce();
    assertThat(email.delivered).containsExactly("c1-to-supervisor");

    now(T0.plusSeconds(30));
    dispatcher.pollOnce();
    assertThat(db.row("c1-first").nextAttemptAt()).isEqualTo(T0.plusSeconds(30 + 60));
    now(T0.plusSeconds(90));
    for (int i = 0; i < 5; i++) {
      dispatcher.pollOnce();
    }

    assertThat(email.delivered).containsExactly("c1-to-supervisor", "c1-first", "c1-second", "c1-third");
    assertThat(email.attemptsByKey.get("c1-first")).hasValue(3);
    assertThat(email.attemptsByKey.get("c1-second")).hasValue(1);
    assertThat(meters.get(OutboxMetrics.FAILED).tag("channel", "email").counter().count()).isEqualTo(2.0);
  }

  @Test
  void givesUpAfterTheLastAttemptAndLetsTheLaneMoveOn() {
    long complaint = db.complaint("CF-20261124-000002");
    RecordingChannel sms = new RecordingChannel(DeliveryChannel.SMS, true);
    sms.failure = m -> m.key().equals("doomed") ? DeliveryException.forHttpStatus(503, "busy") : null;
    OutboxDispatcher dispatcher = dispatcher("node-a", sms);
    db.enqueue("doomed", complaint, "customer", DeliveryChannel.SMS, T0);
    db.enqueue("next", complaint, "customer", DeliveryChannel.SMS, T0);

    Instant t = T0;
    for (Duration wait : List.of(Duration.ofSeconds(30), Duration.ofSeconds(60), Duration.ZERO)) {
      dispatcher.pollOnce();
      t = t.plus(wait);
      now(t);
    }

    OutboxMessage dead = db.row("doomed");
    assertThat(dead.status()).isEqualTo(OutboxStatus.DEAD);
    assertThat(dead.attempts()).isEqualTo(3);
    assertThat(dead.lastError()).isEqualTo("HTTP 503: busy");
    dispatcher.pollOnce();
    assertThat(sms.delivered).containsExactly("next");
    assertThat(meters.get(OutboxMetrics.DEAD).tag("channel", "sms").counter().count()).isEqualTo(1.0);
  }

  @Test
  void aPermanentFailureIsADeadLetterAtOnceAndAnOperatorCanRetryIt() {
    RecordingChannel sms = new RecordingChannel(DeliveryChannel.SMS, true);
    sms.failure = m -> sms.attemptsByKey.get(m.key()).get() == 1 ? DeliveryException.forHttpStatus(400, "invalid number")
        : null;
    OutboxDispatcher dispatcher = dispatcher("node-a", sms);
    NotificationOutbox operators = new NotificationOutbox(db.store, dispatcher, CLOCK);
    long id = db.enqueue("bad-number", null, "liuyang", DeliveryChannel.SMS, T0);

    dispatcher.pollOnce();
    assertThat(db.row("bad-number").status()).isEqualTo(OutboxStatus.DEAD);
    assertThat(operators.find(OutboxStatus.DEAD, null, 0, 10).content()).extracting(OutboxMessage::key)
        .containsExactly("bad-number");

    now(T0.plusSeconds(600));
    OutboxMessage retried = operators.retry(id).orElseThrow();
    assertThat(retried.status()).isEqualTo(OutboxStatus.PENDING);
    assertThat(retried.attempts()).isZero();
    assertThat(retried.nextAttemptAt()).isEqualTo(T0.plusSeconds(600));
    dispatcher.pollOnce();

    assertThat(sms.delivered).containsExactly("bad-number");
    assertThatThrownBy(() -> operators.retry(id)).isInstanceOf(NotificationOutbox.NotRetryableException.class)
        .hasMessageContaining("SENT");
    assertThat(operators.retry(9999)).isEmpty();
  }

  @Test
  void holdsMessagesOfAnUnconfiguredChannelSayingSoOnceAndSendsThemWhenItIsConfigured() {
    ListAppender<ILoggingEvent> log = capture();
    OutboxDispatcher unconfigured = dispatcher("node-a", new RecordingChannel(DeliveryChannel.EMAIL, false),
        new RecordingChannel(DeliveryChannel.WEBHOOK, true, Set.of("ops")));
    db.enqueue("mail-1", null, "liuyang", DeliveryChannel.EMAIL, T0);
    db.enqueue("mail-2", null, "chenjing", DeliveryChannel.EMAIL, T0);

    for (int i = 0; i < 5; i++) {
      unconfigured.pollOnce();
    }
    db.enqueue("mail-3", null, "yangmin", DeliveryChannel.EMAIL, T0);
    unconfigured.pollOnce();

    assertThat(List.of(db.row("mail-1"), db.row("mail-2"), db.row("mail-3"))).allSatisfy(m -> {
      assertThat(m.status()).isEqualTo(OutboxStatus.HELD);
      assertThat(m.attempts()).isZero();
      assertThat(m.lastError()).isEqualTo("EMAIL is not configured in this test");
    });
    assertThat(log.list).filteredOn(e -> e.getFormattedMessage().startsWith("Holding"))
        .extracting(ILoggingEvent::getFormattedMessage)
        .containsExactly("Holding 2 EMAIL notification(s): EMAIL is not configured in this test. They go out once it "
            + "is configured; later ones are held without further notice");

    // the node restarts with a mail server
    RecordingChannel email = new RecordingChannel(DeliveryChannel.EMAIL, true);
    OutboxDispatcher configured = dispatcher("node-a", email);
    configured.pollOnce();

    assertThat(email.delivered).containsExactly("mail-1", "mail-2", "mail-3");
  }

  @Test
  void holdsWebhookMessagesForAnEndpointThatIsNotConfigured() {
    RecordingChannel webhook = new RecordingChannel(DeliveryChannel.WEBHOOK, true, Set.of("ops"));
    OutboxDispatcher dispatcher = dispatcher("node-a", webhook);
    db.enqueue("to-ops", null, "ops", DeliveryChannel.WEBHOOK, T0);
    db.store.enqueue(new NewOutboxMessage("to-unknown", null, null, null, "SLA_BREACHED", DeliveryChannel.WEBHOOK,
        RecipientKind.WEBHOOK, "elsewhere", "elsewhere", "zh-CN", true, "s", "t", "s", null, T0, T0, null));

    dispatcher.pollOnce();

    assertThat(webhook.delivered).containsExactly("to-ops");
    assertThat(db.row("to-unknown").status()).isEqualTo(OutboxStatus.HELD);
  }

  @Test
  void anotherNodeTakesOverAMessageWhoseClaimExpired() {
    RecordingChannel email = new RecordingChannel(DeliveryChannel.EMAIL, true);
    OutboxDispatcher survivor = dispatcher("node-b", email);
    long id = db.enqueue("orphan", null, "liuyang", DeliveryChannel.EMAIL, T0);
    // node A claims the message and dies before recording anything
    assertThat(db.store.claim(id, T0, "token-a", "node-a", T0.plus(Duration.ofMinutes(2)))).isPresent();

    survivor.pollOnce();
    assertThat(email.delivered).isEmpty();
    assertThat(db.row("orphan").status()).isEqualTo(OutboxStatus.SENDING);

    now(T0.plus(Duration.ofMinutes(2)).plusSeconds(1));
    survivor.pollOnce();

    assertThat(email.delivered).containsExactly("orphan");
    OutboxMessage sent = db.row("orphan");
    assertThat(sent.status()).isEqualTo(OutboxStatus.SENT);
    assertThat(sent.claimedBy()).isEqualTo("node-b");
    assertThat(sent.attempts()).isEqualTo(2);
    // node A comes back to life: its outcome no longer counts
    assertThat(db.store.markRetry(id, "token-a", T0, "late")).isFalse();
    assertThat(db.row("orphan").status()).isEqualTo(OutboxStatus.SENT);
  }

  @Test
  void ofManyNodesClaimingTheSameMessageAtOnceExactlyOneGetsIt() throws Exception {
    int nodes = 8;
    ExecutorService pool = Executors.newFixedThreadPool(nodes);
    try {
      for (int round = 0; round < 20; round++) {
        long id = db.enqueue("contested-" + round, null, "liuyang", DeliveryChannel.EMAIL, T0);
        CyclicBarrier start = new CyclicBarrier(nodes);
        List<Future<Optional<OutboxMessage>>> claims = new ArrayList<>();
        for (int n = 0; n < nodes; n++) {
          String node = "node-" + n;
          Callable<Optional<OutboxMessage>> claim = () -> {
            start.await();
            return db.store.claim(id, T0, node + "-token", node, T0.plusSeconds(120));
          };
          claims.add(pool.submit(claim));
        }
        int won = 0;
        for (Future<Optional<OutboxMessage>> c : claims) {
          won += c.get().isPresent() ? 1 : 0;
        }
        assertThat(won).as("claims won in round %d", round).isOne();
        assertThat(db.row("contested-" + round).attempts()).isOne();
      }
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void twoRunningDispatchersDeliverEveryMessageExactlyOnceAndInLaneOrder() {
    RecordingChannel shared = new RecordingChannel(DeliveryChannel.WEBHOOK, true, Set.of("ops"));
    shared.latencyMillis = 2;
    List<Long> complaints = new ArrayList<>();
    for (int c = 0; c < 10; c++) {
      complaints.add(db.complaint("CF-20261124-1000" + c));
    }
    for (int i = 0; i < 20; i++) {
      for (long complaint : complaints) {
        db.enqueue(complaint + "-" + i, complaint, "ops", DeliveryChannel.WEBHOOK, T0);
      }
    }
    OutboxDispatcher a = dispatcher("node-a", shared, fastSettings("node-a"));
    OutboxDispatcher b = dispatcher("node-b", shared, fastSettings("node-b"));
    a.start();
    b.start();
    try {
      await().atMost(Duration.ofSeconds(30)).until(() -> shared.delivered.size() >= 200
          && db.store.countByStatus().get(OutboxStatus.SENT) == 200);
    } finally {
      a.stop();
      b.stop();
    }

    assertThat(shared.delivered).hasSize(200).doesNotHaveDuplicates();
    assertThat(shared.attemptsByKey.values()).allSatisfy(n -> assertThat(n).hasValue(1));
    for (long complaint : complaints) {
      List<String> lane = shared.delivered.stream().filter(k -> k.startsWith(complaint + "-")).toList();
      assertThat(lane).containsExactlyElementsOf(java.util.stream.IntStream.range(0, 20)
          .mapToObj(i -> complaint + "-" + i).toList());
    }
    Set<String> nodes = new HashSet<>(db.jdbc.sql("select claimed_by from notification_outbox").query(String.class)
        .list());
    assertThat(nodes).containsExactlyInAnyOrder("node-a", "node-b");
  }

  @Test
  void anSmsDueDuringQuietHoursIsPutBackUntilTheyEndWithoutCountingAnAttempt() {
    now(Instant.parse("2026-11-24T12:55:00Z")); // 20:55 in Shanghai
    RecordingChannel sms = new RecordingChannel(DeliveryChannel.SMS, true);
    sms.failure = m -> sms.attemptsByKey.get(m.key()).get() == 1 ? DeliveryException.forHttpStatus(502, "") : null;
    DeliveryWindow quietHours = new io.complaintflow.notifications.sms.QuietHours(
        new io.complaintflow.notifications.sms.QuietHoursSettings(true, "21:00", "08:00"), CLOCK);
    OutboxDispatcher dispatcher = new OutboxDispatcher(db.store, List.of(sms), settings("node-a"), quietHours, CLOCK,
        new OutboxMetrics(meters));
    db.enqueue("evening-sms", null, "liuyang", DeliveryChannel.SMS, CLOCK.instant());

    dispatcher.pollOnce(); // fails; the retry 30 s later falls into the quiet hours
    now(Instant.parse("2026-11-24T13:00:30Z"));
    dispatcher.pollOnce();

    OutboxMessage waiting = db.row("evening-sms");
    assertThat(waiting.status()).isEqualTo(OutboxStatus.PENDING);
    assertThat(waiting.attempts()).isOne();
    assertThat(waiting.nextAttemptAt()).isEqualTo(Instant.parse("2026-11-25T00:00:00Z"));
    assertThat(sms.attemptsByKey.get("evening-sms")).hasValue(1);

    now(Instant.parse("2026-11-25T00:00:00Z"));
    dispatcher.pollOnce();
    assertThat(sms.delivered).containsExactly("evening-sms");
    assertThat(db.row("evening-sms").attempts()).isEqualTo(2);
  }

  @Test
  void aSlowReceiverHoldsUpItsOwnLaneButNotTheOthers() throws Exception {
    long slowComplaint = db.complaint("CF-20261124-000003");
    long otherComplaint = db.complaint("CF-20261124-000004");
    java.util.concurrent.CountDownLatch receiverAnswers = new java.util.concurrent.CountDownLatch(1);
    RecordingChannel webhook = new RecordingChannel(DeliveryChannel.WEBHOOK, true, Set.of("ops"));
    webhook.failure = m -> {
      if (m.key().equals("slow-1")) {
        try {
          receiverAnswers.await();
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      }
      return null;
    };
    db.enqueue("slow-1", slowComplaint, "ops", DeliveryChannel.WEBHOOK, T0);
    db.enqueue("slow-2", slowComplaint, "ops", DeliveryChannel.WEBHOOK, T0);
    for (int i = 1; i <= 5; i++) {
      db.enqueue("other-" + i, otherComplaint, "ops", DeliveryChannel.WEBHOOK, T0);
    }
    OutboxDispatcher dispatcher = dispatcher("node-a", webhook, fastSettings("node-a"));
    dispatcher.start();
    try {
      await().atMost(Duration.ofSeconds(10)).until(() -> webhook.delivered.size() == 5);
      assertThat(webhook.delivered).containsExactly("other-1", "other-2", "other-3", "other-4", "other-5");
      assertThat(db.row("slow-1").status()).isEqualTo(OutboxStatus.SENDING);
      assertThat(db.row("slow-2").status()).isEqualTo(OutboxStatus.PENDING);

      receiverAnswers.countDown();
      await().atMost(Duration.ofSeconds(10)).until(() -> webhook.delivered.size() == 7);
      assertThat(webhook.delivered.subList(5, 7)).containsExactly("slow-1", "slow-2");
    } finally {
      dispatcher.stop();
    }
  }

  @Test
  void backOffDoublesFromTheInitialWaitUpToTheMaximum() {
    DispatchSettings s = new DispatchSettings(true, Duration.ofSeconds(1), 20, 4, Duration.ofMinutes(2), 8,
        Duration.ofSeconds(30), Duration.ofHours(1), Duration.ofSeconds(5), null);

    assertThat(List.of(1, 2, 3, 4, 5, 6, 7, 8, 20).stream().map(s::backoff).toList()).containsExactly(
        Duration.ofSeconds(30), Duration.ofMinutes(1), Duration.ofMinutes(2), Duration.ofMinutes(4),
        Duration.ofMinutes(8), Duration.ofMinutes(16), Duration.ofMinutes(32), Duration.ofHours(1),
        Duration.ofHours(1));
  }

  private OutboxDispatcher dispatcher(String node, ChannelSender... channels) {
    return new OutboxDispatcher(db.store, List.of(channels), settings(node), DeliveryWindow.ALWAYS, CLOCK,
        new OutboxMetrics(meters));
  }

  private OutboxDispatcher dispatcher(String node, ChannelSender channel, DispatchSettings settings) {
    return new OutboxDispatcher(db.store, List.of(channel), settings, DeliveryWindow.ALWAYS, CLOCK,
        new OutboxMetrics(new SimpleMeterRegistry()));
  }

  static DispatchSettings settings(String node) {
    return new DispatchSettings(true, Duration.ofSeconds(1), 20, 2, Duration.ofMinutes(2), 3, Duration.ofSeconds(30),
        Duration.ofHours(1), Duration.ofSeconds(1), node);
  }

  static DispatchSettings fastSettings(String node) {
    return new DispatchSettings(true, Duration.ofMillis(5), 4, 2, Duration.ofMinutes(2), 3, Duration.ofSeconds(30),
        Duration.ofHours(1), Duration.ofSeconds(1), node);
  }

  static void now(Instant t) {
    ClockUtil.setCurrentTime(Date.from(t));
  }

  private static ListAppender<ILoggingEvent> capture() {
    Logger logger = (Logger) LoggerFactory.getLogger(OutboxDispatcher.class);
    ListAppender<ILoggingEvent> appender = new ListAppender<>();
    appender.start();
    logger.addAppender(appender);
    return appender;
  }
}
