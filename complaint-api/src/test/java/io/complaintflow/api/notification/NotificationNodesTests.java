package io.complaintflow.api.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;

import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.servlet.context.ServletWebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

import io.complaintflow.ComplaintFlowApplication;
import io.complaintflow.api.Api;
import io.complaintflow.api.Submissions;
import io.complaintflow.notifications.Notification;
import io.complaintflow.notifications.Notifications;
import io.complaintflow.notifications.Recipient;
import io.complaintflow.notifications.Template;
import io.complaintflow.notifications.outbox.LoopbackHttpServer;

/**
 * Application nodes on one H2 file database, as in production on one PostgreSQL: a node stopped in the middle of a
 * delivery loses nothing, its successor delivers every message (the receiver counts per idempotency key), mail held
 * while no mail server was configured goes out once one is, and two nodes running at once never send a message twice.
 */
class NotificationNodesTests {

  @TempDir
  Path data;

  LoopbackHttpServer receiver;
  Mailbox mailbox;

  @BeforeEach
  void servers() {
    receiver = new LoopbackHttpServer();
    mailbox = new Mailbox().start();
  }

  @AfterEach
  void stop() {
    ClockUtil.reset();
    receiver.close();
    mailbox.stop();
  }

  @Test
  void aNodeStoppedMidDeliveryLosesNothingAndItsSuccessorDeliversHeldMailOnceAMailServerIsConfigured() {
    AtomicBoolean hang = new AtomicBoolean(true);
    receiver.answers = r -> String.valueOf(r.header("Idempotency-Key")).endsWith("-hang") && hang.getAndSet(false)
        ? LoopbackHttpServer.Answer.slow(5000) : LoopbackHttpServer.Answer.ok();
    List<String> laneX = new ArrayList<>();
    List<String> laneY = new ArrayList<>();
    String ackKey;

    try (ConfigurableApplicationContext a = node("restart-a", false)) {
      Node node = new Node(a);
      String x = node.file();
      String y = node.file();
      ackKey = "ack-" + x;
      node.notifications.send(Notification.toCustomer(ackKey, Template.ACKNOWLEDGEMENT, node.complaintId(x), Map.of()));
      laneX.addAll(List.of(x + "-1", x + "-2-hang", x + "-3"));
      laneY.addAll(List.of(y + "-1", y + "-2"));
      laneX.forEach(k -> node.notifications.send(toOpsChat(k, node.complaintId(x))));
      laneY.forEach(k -> node.notifications.send(toOpsChat(k, node.complaintId(y))));

      // the node is stopped while the gateway holds the second message of x
      await().until(() -> received(laneX.get(1)) == 1 && received(laneY.get(1)) == 1);
      await().until(() -> "HELD".equals(node.status(ackKey)));
      assertThat(node.lastError(ackKey)).isEqualTo("spring.mail.host is not set");
    }

    try (ConfigurableApplicationContext b = node("restart-b", true)) {
      Node node = new Node(b);
      // its claim has not expired yet: the message and the rest of its lane wait
      assertThat(node.status(laneX.get(1))).isEqualTo("SENDING");
      assertThat(node.status(laneX.get(2))).isEqualTo("PENDING");
      await().until(() -> mailbox.withKey(ackKey).size() == 1);

      ClockUtil.setCurrentTime(Date.from(Instant.now().plus(Duration.ofMinutes(3))));
      await().until(() -> laneX.stream().allMatch(k -> "SENT".equals(node.status(k))));
      assertThat(node.claimedBy(laneX.get(1))).isEqualTo("restart-b");
      assertThat(node.status(ackKey)).isEqualTo("SENT");
    }

    // every message arrived; only the one in flight when its node stopped arrived twice, under the same key
    assertThat(receiver.countByIdempotencyKey()).containsExactlyInAnyOrderEntriesOf(Map.of(laneX.get(0), 1L,
        laneX.get(1), 2L, laneX.get(2), 1L, laneY.get(0), 1L, laneY.get(1), 1L));
    assertThat(firstArrivals()).containsSubsequence(laneX).containsSubsequence(laneY);
    assertThat(mailbox.withKey(ackKey)).hasSize(1);
  }

  @Test
  void twoNodesOnOneDatabaseSendEveryMessageOnceAndInOrderPerComplaint() {
    receiver.answers = r -> new LoopbackHttpServer.Answer(200, "{}", 15);
    try (ConfigurableApplicationContext a = node("node-a", false);
        ConfigurableApplicationContext b = node("node-b", false)) {
      Node nodeA = new Node(a);
      List<List<String>> lanes = new ArrayList<>();
      for (int c = 0; c < 6; c++) {
        String ticket = nodeA.file();
        List<String> lane = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
          lane.add(ticket + "-" + i);
        }
        lanes.add(lane);
      }
      // all enqueued in one transaction: both nodes find them at once
      a.getBean(TransactionTemplate.class).executeWithoutResult(tx -> lanes.forEach(lane -> lane.forEach(
          k -> nodeA.notifications.send(toOpsChat(k, nodeA.complaintId(k.substring(0, k.lastIndexOf('-'))))))));

      await().atMost(Duration.ofSeconds(30)).until(() -> lanes.stream().flatMap(List::stream)
          .allMatch(k -> "SENT".equals(nodeA.status(k))));

      assertThat(receiver.countByIdempotencyKey()).hasSize(48).allSatisfy((k, n) -> assertThat(n).as(k).isOne());
      lanes.forEach(lane -> assertThat(firstArrivals()).containsSubsequence(lane));
      assertThat(nodeA.jdbc.queryForList("select distinct claimed_by from notification_outbox where template = "
          + "'SLA_WARNING'", String.class)).containsExactlyInAnyOrder("node-a", "node-b");
    }
  }

  private static Notification toOpsChat(String key, long complaintId) {
    return new Notification(key, Template.SLA_WARNING, complaintId, Recipient.webhook("ops-chat"),
        Map.of("taskName", "调查投诉原因"), false);
  }

  private long received(String key) {
    return receiver.countByIdempotencyKey().getOrDefault(key, 0L);
  }

  private List<String> firstArrivals() {
    Set<String> keys = new LinkedHashSet<>();
    receiver.received.forEach(r -> keys.add(r.header("Idempotency-Key")));
    return new ArrayList<>(keys);
  }

  private ConfigurableApplicationContext node(String name, boolean mailServer) {
    List<String> args = new ArrayList<>(List.of(
        "--server.port=0",
        "--spring.datasource.url=jdbc:h2:file:" + data.resolve("complaintflow").toAbsolutePath()
            + ";DB_CLOSE_ON_EXIT=FALSE",
        "--camunda.bpm.process-engine-name=" + name.replace('-', '_'),
        "--camunda.bpm.generate-unique-process-application-name=true",
        "--logging.level.org.camunda=WARN", "--logging.level.org.springframework=WARN",
        "--complaintflow.notifications.dispatch.node-id=" + name,
        // without the Camunda webapps: they keep their application context in a static field, which these nodes,
        // stopped by the test, would clear under the other tests' running application (its Tasklist then fails)
        "--camunda.bpm.webapp.enabled=false",
        "--complaintflow.notifications.dispatch.poll-interval=100ms",
        "--complaintflow.notifications.dispatch.batch-size=4",
        "--complaintflow.notifications.dispatch.delivery-threads=2",
        "--complaintflow.notifications.dispatch.claim-timeout=1m",
        "--complaintflow.notifications.dispatch.shutdown-grace=300ms",
        "--complaintflow.notifications.webhook.endpoints[0].name=ops-chat",
        "--complaintflow.notifications.webhook.endpoints[0].url=" + receiver.url("/hooks/ops"),
        "--complaintflow.notifications.webhook.endpoints[0].secret=node-test-secret"));
    if (mailServer) {
      args.add("--spring.mail.host=127.0.0.1");
      args.add("--spring.mail.port=" + mailbox.port);
    }
    return new SpringApplicationBuilder(ComplaintFlowApplication.class).run(args.toArray(String[]::new));
  }

  /** One running node, from the outside (HTTP) and the inside (notifications, database). */
  static final class Node {
    final Api api;
    final Notifications notifications;
    final JdbcTemplate jdbc;

    Node(ConfigurableApplicationContext app) {
      this.api = new Api(((ServletWebServerApplicationContext) app).getWebServer().getPort());
      this.notifications = app.getBean(Notifications.class);
      this.jdbc = app.getBean(JdbcTemplate.class);
    }

    String file() {
      return api.post("/api/complaints", Submissions.valid().json()).send().json().path("ticket").asText();
    }

    long complaintId(String ticket) {
      return jdbc.queryForObject("select id from complaint where ticket = ?", Long.class, ticket);
    }

    String status(String key) {
      return value("status", key);
    }

    String lastError(String key) {
      return value("last_error", key);
    }

    String claimedBy(String key) {
      return value("claimed_by", key);
    }

    private String value(String column, String key) {
      List<String> v = jdbc.queryForList("select " + column + " from notification_outbox where idempotency_key = ?",
          String.class, key);
      return v.isEmpty() ? null : v.get(0);
    }
  }
}
