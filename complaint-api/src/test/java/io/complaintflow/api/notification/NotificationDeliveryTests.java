package io.complaintflow.api.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Date;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.support.TransactionTemplate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.complaintflow.api.Api.Answer;
import io.complaintflow.api.ApiIntegrationTest;
import io.complaintflow.api.Prometheus;
import io.complaintflow.api.Submissions;
import io.complaintflow.notifications.Notification;
import io.complaintflow.notifications.Notifications;
import io.complaintflow.notifications.Recipient;
import io.complaintflow.notifications.Template;
import io.complaintflow.notifications.outbox.LoopbackHttpServer;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;

/**
 * Notifications end to end: the application enqueues, its dispatcher delivers to GreenMail (SMTP) and to a loopback
 * HTTP server standing in for the SMS gateway and a chat-bot webhook; faults are made real (server errors, time-outs,
 * the mail server down) and time moves on the engine clock.
 */
class NotificationDeliveryTests extends ApiIntegrationTest {

  static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
  /** Tuesday 24 November 2026, 10:00 in Shanghai: working time, no quiet hours. */
  static final Instant MORNING = Instant.parse("2026-11-24T02:00:00Z");
  static final String WEBHOOK_SECRET = "ops-chat-secret-0123456789";
  static final ObjectMapper JSON = new ObjectMapper();

  static final Mailbox mailbox = new Mailbox().start();
  static final LoopbackHttpServer receiver = new LoopbackHttpServer();

  @Autowired
  Notifications notifications;
  @Autowired
  TransactionTemplate transactions;
  @Autowired
  RepositoryService repository;
  @Autowired
  MeterRegistry meters;

  @DynamicPropertySource
  static void channels(DynamicPropertyRegistry r) {
    r.add("camunda.bpm.process-engine-name", () -> "notifications");
    r.add("spring.mail.host", () -> "127.0.0.1");
    r.add("spring.mail.port", () -> mailbox.port);
    r.add("complaintflow.notifications.public-base-url", () -> "https://service.example.com");
    r.add("complaintflow.notifications.staff-base-url", () -> "https://staff.example.com");
    r.add("complaintflow.notifications.dispatch.poll-interval", () -> "100ms");
    r.add("complaintflow.notifications.dispatch.max-attempts", () -> "3");
    r.add("complaintflow.notifications.mail.connect-timeout", () -> "1s");
    r.add("complaintflow.notifications.sms.url", () -> receiver.url("/sms"));
    r.add("complaintflow.notifications.sms.auth-header-value", () -> "Bearer sms-token");
    r.add("complaintflow.notifications.sms.read-timeout", () -> "500ms");
    r.add("complaintflow.notifications.webhook.endpoints[0].name", () -> "ops-chat");
    r.add("complaintflow.notifications.webhook.endpoints[0].url", () -> receiver.url("/hooks/ops"));
    r.add("complaintflow.notifications.webhook.endpoints[0].secret", () -> WEBHOOK_SECRET);
  }

  @BeforeEach
  void morning() {
    now(MORNING);
    receiver.answers = r -> LoopbackHttpServer.Answer.ok();
  }

  @AfterEach
  void resetClockAndPreferences() {
    ClockUtil.reset();
    for (String key : List.of("notification-channel", "phone", "language")) {
      identity.deleteUserInfo("chenjing", key);
    }
  }

  @AfterAll
  static void stopServers() {
    mailbox.stop();
    receiver.close();
  }

  @Test
  void acknowledgesAChineseCustomerByMailWithTextAndHtmlAndAWorkingTrackingLink() throws Exception {
    Answer filed = file(Submissions.valid());
    String ticket = filed.json().path("ticket").asText();
    String token = filed.json().path("trackingToken").asText();
    String key = "ack-" + ticket;

    notifications.send(Notification.toCustomer(key, Template.ACKNOWLEDGEMENT, complaintId(ticket), Map.of()));

    MimeMessage mail = awaitMail(key);
    assertThat(mail.getSubject()).isEqualTo("您的投诉已受理(工单号 " + ticket + ")");
    assertThat(mail.getAllRecipients()).extracting(a -> ((InternetAddress) a).getAddress())
        .containsExactly("wang@example.com");
    assertThat(((InternetAddress) mail.getFrom()[0]).getPersonal()).isEqualTo("ComplaintFlow 客户服务中心");
    assertThat(mail.getMessageID()).matches("<[0-9a-f]{32}@complaintflow\\.local>");
    assertThat(mail.getHeader("Content-Language", null)).isEqualTo("zh-CN");
    Map<String, String> parts = Mailbox.parts(mail);
    assertThat(parts).containsOnlyKeys("text/plain", "text/html");
    String due = DateTimeFormatter.ofPattern("yyyy年M月d日 HH:mm").format(firstResponseDue(ticket).atZone(SHANGHAI));
    String link = "https://service.example.com/api/complaints/" + ticket + "?token=" + token;
    assertThat(parts.get("text/plain")).startsWith("尊敬的王建国:").contains("工单号:" + ticket)
        .contains("我们的客服人员将在 " + due + " 前与您联系").contains(link);
    assertThat(parts.get("text/html")).contains("<html lang=\"zh-CN\">").contains(ticket).contains("href=\"" + link + "\"");
    // the link in the mail works
    assertThat(api.get("/api/complaints/" + ticket + "?token=" + token).send().status()).isEqualTo(200);
    assertThat(jdbc.queryForObject("select status from notification_outbox where idempotency_key = ?", String.class,
        key)).isEqualTo("SENT");
  }

  @Test
  void writesToAnEnglishSpeakingCustomerInEnglish() throws Exception {
    String ticket = file(Submissions.valid().with("customer/language", "en")).json().path("ticket").asText();
    String key = "ack-en-" + ticket;

    notifications.send(Notification.toCustomer(key, Template.ACKNOWLEDGEMENT, complaintId(ticket), Map.of()));

    MimeMessage mail = awaitMail(key);
    assertThat(mail.getSubject()).isEqualTo("We have received your complaint (" + ticket + ")");
    assertThat(mail.getHeader("Content-Language", null)).isEqualTo("en");
    String due = DateTimeFormatter.ofPattern("d MMM yyyy, HH:mm", Locale.ENGLISH)
        .format(firstResponseDue(ticket).atZone(SHANGHAI));
    assertThat(Mailbox.parts(mail).get("text/plain")).startsWith("Dear 王建国,").contains("by " + due);
  }

  @Test
  void textsACustomerWhoPrefersSmsThroughTheGatewayWithItsAuthAndTheKey() throws Exception {
    String ticket = file(Submissions.valid().with("customer/preferredChannel", "SMS")).json().path("ticket").asText();
    String key = "ack-sms-" + ticket;

    notifications.send(Notification.toCustomer(key, Template.ACKNOWLEDGEMENT, complaintId(ticket), Map.of()));

    LoopbackHttpServer.Received sms = awaitRequests(key, 1).get(0);
    assertThat(sms.path()).isEqualTo("/sms");
    assertThat(sms.header("Authorization")).isEqualTo("Bearer sms-token");
    JsonNode body = JSON.readTree(sms.body());
    assertThat(body.path("to").asText()).isEqualTo("13800138000");
    assertThat(body.path("key").asText()).isEqualTo(key);
    assertThat(body.path("text").asText()).startsWith("【投诉受理】王建国您好").contains(ticket);
    assertThat(mailbox.withKey(key)).isEmpty();
  }

  @Test
  void tellsEachSupervisorInTheirOwnChannelAndLanguage() throws Exception {
    identity.setUserInfo("chenjing", "notification-channel", "SMS");
    identity.setUserInfo("chenjing", "phone", "13900139000");
    identity.setUserInfo("chenjing", "language", "en");
    String ticket = file(Submissions.valid()).json().path("ticket").asText();
    String key = "breach-" + ticket;

    notifications.send(new Notification(key, Template.SLA_BREACHED, complaintId(ticket),
        Recipient.staffGroup("supervisors"), Map.of("taskName", "调查投诉原因", "level", "supervisors",
            "dueAt", Date.from(MORNING.minusSeconds(3600))), true));

    MimeMessage toLiuyang = awaitMail(key + ":liuyang");
    assertThat(toLiuyang.getAllRecipients()[0].toString()).isEqualTo("liuyang@complaintflow.test");
    assertThat(toLiuyang.getSubject()).isEqualTo("SLA 超时:工单 " + ticket + " “调查投诉原因”已超过时限");
    assertThat(Mailbox.parts(toLiuyang).get("text/plain")).contains("时限:2026年11月24日 09:00")
        .contains("https://staff.example.com/camunda/app/tasklist/default/");
    JsonNode toChenjing = JSON.readTree(awaitRequests(key + ":chenjing", 1).get(0).body());
    assertThat(toChenjing.path("to").asText()).isEqualTo("13900139000");
    assertThat(toChenjing.path("text").asText()).startsWith("SLA breached: ticket " + ticket)
        .contains("(24 Nov 2026, 09:00)").contains("escalated to you (supervisors)");
    assertThat(jdbc.queryForList("select recipient_id from notification_outbox where idempotency_key like ? "
        + "order by recipient_id", String.class, key + ":%")).containsExactly("chenjing", "liuyang");
  }

  @Test
  void staffMailShowsWhatACustomerWroteAsTextWhileTheApiReturnsItVerbatim() throws Exception {
    // Given a complaint whose customer name, product name and description are markup
    String hostile = "<script>alert(1)</script><img src=x onerror=alert(2)>";
    String escaped = "&lt;script&gt;alert(1)&lt;/script&gt;&lt;img src=x onerror=alert(2)&gt;";
    Answer filed = file(Submissions.valid().with("customer/name", hostile).with("product/name", hostile)
        .with("description", hostile));
    assertThat(filed.status()).isEqualTo(201);
    String ticket = filed.json().path("ticket").asText();
    String key = "hostile-" + ticket;

    // When supervisors are told about it by mail
    notifications.send(new Notification(key, Template.SLA_BREACHED, complaintId(ticket),
        Recipient.staffGroup("supervisors"), Map.of("taskName", "调查投诉原因", "level", "supervisors",
            "dueAt", Date.from(MORNING.minusSeconds(3600)), "detail", hostile), true));

    // Then the HTML part shows the text, escaped, and holds no markup of the customer's
    String html = Mailbox.parts(awaitMail(key + ":liuyang")).get("text/html");
    assertThat(html).contains("<td style=\"padding:4px 0;\">" + escaped + "</td>").contains(escaped);
    assertThat(html).doesNotContain("<script", "<img", "onerror=alert(2)>");
    // stored as given, and returned as data by the JSON API, to the customer and to staff
    assertThat(jdbc.queryForMap("select customer_name, product_name, description from complaint where ticket = ?",
        ticket)).containsValues(hostile, hostile, hostile);
    Answer status = api.get("/api/complaints/" + ticket).header("X-Tracking-Token",
        filed.json().path("trackingToken").asText()).send();
    assertThat(status.header("Content-Type")).startsWith("application/json");
    assertThat(status.json().path("product").asText()).isEqualTo(hostile);
    JsonNode detail = api.get("/api/staff/complaints/" + ticket).as("zhangwei", "demo").send().json();
    assertThat(detail.path("summary").path("customerName").asText()).isEqualTo(hostile);
    assertThat(detail.path("description").asText()).isEqualTo(hostile);
  }

  @Test
  void anUrgentEscalationIsTextedAtNightWhileTheCustomersTextWaitsForTheMorning() {
    now(Instant.parse("2026-11-24T14:30:00Z")); // 22:30 in Shanghai
    identity.setUserInfo("chenjing", "notification-channel", "SMS");
    identity.setUserInfo("chenjing", "phone", "13900139000");
    String ticket = file(Submissions.valid().with("customer/preferredChannel", "SMS")).json().path("ticket").asText();
    long complaint = complaintId(ticket);

    notifications.send(Notification.toCustomer("night-ack-" + ticket, Template.ACKNOWLEDGEMENT, complaint, Map.of()));
    notifications.send(new Notification("night-breach-" + ticket, Template.SLA_BREACHED, complaint,
        Recipient.staffUser("chenjing"), Map.of("taskName", "登记投诉并核实事实"), true));

    awaitRequests("night-breach-" + ticket, 1);
    assertThat(nextAttempt("night-ack-" + ticket)).isEqualTo(Instant.parse("2026-11-25T00:00:00Z"));
    assertThat(receiver.countByIdempotencyKey()).doesNotContainKey("night-ack-" + ticket);

    now(Instant.parse("2026-11-25T00:00:00Z")); // 08:00
    assertThat(awaitRequests("night-ack-" + ticket, 1)).hasSize(1);
  }

  @Test
  void postsSignedJsonToAChatBot() throws Exception {
    String key = "broadcast-" + System.nanoTime();

    notifications.send(new Notification(key, Template.BATCH_BROADCAST, null, Recipient.webhook("ops-chat"),
        Map.of("productName", "智能电饭煲 RC-2026", "count", 12, "detail", "该批次内胆统一免费更换,请登记后告知客户。"), false));

    LoopbackHttpServer.Received hook = awaitRequests(key, 1).get(0);
    assertThat(hook.path()).isEqualTo("/hooks/ops");
    String timestamp = hook.header("X-ComplaintFlow-Timestamp");
    assertThat(timestamp).isEqualTo(String.valueOf(MORNING.getEpochSecond()));
    assertThat(hook.header("X-ComplaintFlow-Signature")).isEqualTo("sha256=" + hmac(timestamp + "." + hook.body()));
    JsonNode body = JSON.readTree(hook.body());
    assertThat(body.path("template").asText()).isEqualTo("BATCH_BROADCAST");
    assertThat(body.path("title").asText()).isEqualTo("批量投诉通报:智能电饭煲 RC-2026");
    assertThat(body.path("summary").asText()).contains("(已 12 起)").contains("该批次内胆统一免费更换");
  }

  @Test
  void aGatewayThatFailsTwiceIsRetriedWithBackOffAndDeliversOnce() {
    String ticket = file(Submissions.valid().with("customer/preferredChannel", "SMS")).json().path("ticket").asText();
    String key = "flaky-" + ticket;
    AtomicInteger calls = new AtomicInteger();
    receiver.answers = r -> key.equals(r.header("Idempotency-Key")) && calls.incrementAndGet() <= 2
        ? LoopbackHttpServer.Answer.status(500) : LoopbackHttpServer.Answer.ok();
    double failedBefore = counter("complaintflow.notifications.failed", "sms");

    notifications.send(Notification.toCustomer(key, Template.ACKNOWLEDGEMENT, complaintId(ticket), Map.of()));
    awaitRequests(key, 1);
    await().until(() -> MORNING.plusSeconds(30).equals(nextAttempt(key)));
    now(MORNING.plusSeconds(30));
    await().until(() -> MORNING.plusSeconds(90).equals(nextAttempt(key)));
    now(MORNING.plusSeconds(90));

    await().until(() -> "SENT".equals(status(key)));
    assertThat(receiver.countByIdempotencyKey()).containsEntry(key, 3L);
    assertThat(attempts(key)).isEqualTo(3);
    assertThat(counter("complaintflow.notifications.failed", "sms") - failedBefore).isEqualTo(2.0);
    // as Prometheus sees it
    assertThat(Prometheus.scrape(api).value("complaintflow_notifications_failed_total", "channel", "sms"))
        .isEqualTo(counter("complaintflow.notifications.failed", "sms"));
  }

  @Test
  void aGatewayThatDoesNotAnswerInTimeIsAskedAgainWithTheSameKey() {
    String ticket = file(Submissions.valid().with("customer/preferredChannel", "SMS")).json().path("ticket").asText();
    String key = "slow-" + ticket;
    AtomicInteger calls = new AtomicInteger();
    receiver.answers = r -> key.equals(r.header("Idempotency-Key")) && calls.incrementAndGet() == 1
        ? LoopbackHttpServer.Answer.slow(1500) : LoopbackHttpServer.Answer.ok();

    notifications.send(Notification.toCustomer(key, Template.ACKNOWLEDGEMENT, complaintId(ticket), Map.of()));
    await().until(() -> MORNING.plusSeconds(30).equals(nextAttempt(key)));
    assertThat(lastError(key)).startsWith("no answer within PT0.5S");
    now(MORNING.plusSeconds(30));

    await().until(() -> "SENT".equals(status(key)));
    // the gateway saw the message twice, under one key: it keeps one (at-least-once delivery, idempotent receiver)
    assertThat(receiver.countByIdempotencyKey()).containsEntry(key, 2L);
  }

  @Test
  void exhaustedRetriesLeaveADeadLetterThatOperatorsSeeAndRetry() {
    String ticket = file(Submissions.valid().with("customer/preferredChannel", "SMS")).json().path("ticket").asText();
    String key = "dead-" + ticket;
    boolean[] gatewayFixed = {false};
    receiver.answers = r -> key.equals(r.header("Idempotency-Key")) && !gatewayFixed[0]
        ? LoopbackHttpServer.Answer.status(503) : LoopbackHttpServer.Answer.ok();

    notifications.send(Notification.toCustomer(key, Template.ACKNOWLEDGEMENT, complaintId(ticket), Map.of()));
    await().until(() -> MORNING.plusSeconds(30).equals(nextAttempt(key)));
    now(MORNING.plusSeconds(30));
    await().until(() -> MORNING.plusSeconds(90).equals(nextAttempt(key)));
    now(MORNING.plusSeconds(90));
    await().until(() -> "DEAD".equals(status(key)));

    // operators find it
    Answer dead = api.get("/api/staff/notifications?status=DEAD&complaint=" + ticket).as("liuyang", "demo").send();
    assertThat(dead.status()).isEqualTo(200);
    assertThat(dead.json().path("page").path("totalElements").asLong()).isOne();
    JsonNode letter = dead.json().path("content").get(0);
    assertThat(letter.path("key").asText()).isEqualTo(key);
    assertThat(letter.path("channel").asText()).isEqualTo("SMS");
    assertThat(letter.path("attempts").asInt()).isEqualTo(3);
    assertThat(letter.path("lastError").asText()).startsWith("HTTP 503");
    long id = letter.path("id").asLong();
    assertThat(api.get("/api/staff/notifications?status=DEAD").as("admin", "demo").send().status()).isEqualTo(200);
    Answer agent = api.get("/api/staff/notifications").as("zhangwei", "demo").send();
    assertThat(agent.status()).isEqualTo(403);
    assertThat(agent.json().path("type").asText()).endsWith("/forbidden");
    assertThat(api.post("/api/staff/notifications/" + id + "/retry", "").as("huangqiang", "demo").send().status())
        .isEqualTo(403);

    // the gateway is fixed; a manager retries the message
    gatewayFixed[0] = true;
    Answer retried = api.post("/api/staff/notifications/" + id + "/retry", "").as("yangmin", "demo").send();
    assertThat(retried.status()).isEqualTo(200);
    assertThat(retried.json().path("status").asText()).isIn("PENDING", "SENDING", "SENT");
    await().until(() -> "SENT".equals(status(key)));
    assertThat(receiver.countByIdempotencyKey()).containsEntry(key, 4L);

    Answer again = api.post("/api/staff/notifications/" + id + "/retry", "").as("yangmin", "demo").english().send();
    assertThat(again.status()).isEqualTo(409);
    assertThat(again.header("Content-Type")).startsWith("application/problem+json");
    assertThat(again.json().path("type").asText()).endsWith("/notification-not-retryable");
    assertThat(again.json().path("detail").asText()).contains("is SENT");
    Answer missing = api.post("/api/staff/notifications/987654321/retry", "").as("yangmin", "demo").send();
    assertThat(missing.status()).isEqualTo(404);
    assertThat(missing.json().path("type").asText()).endsWith("/notification-not-found");
    Answer badStatus = api.get("/api/staff/notifications?status=LOST").as("yangmin", "demo").send();
    assertThat(badStatus.status()).isEqualTo(400);
    assertThat(badStatus.errorFields()).containsExactly("status");
    Answer unknownTicket = api.get("/api/staff/notifications?complaint=CF-19990101-000001").as("yangmin", "demo").send();
    assertThat(unknownTicket.status()).isEqualTo(404);
    assertThat(unknownTicket.errorFields()).containsExactly("complaint");
  }

  @Test
  void whileTheMailServerIsDownMailIsQueuedAndOnceItIsBackEachGoesOutOnceInOrderPerComplaint() {
    String first = file(Submissions.valid()).json().path("ticket").asText();
    String second = file(Submissions.valid().with("customer/email", "li@example.com")).json().path("ticket").asText();
    awaitProcessMessagesSent(first);
    awaitProcessMessagesSent(second);
    List<Template> story = List.of(Template.ACKNOWLEDGEMENT, Template.REPLY_PROMISED, Template.REMEDY_PROPOSED);
    double sentBefore = counter("complaintflow.notifications.sent", "email");
    mailbox.stop();

    for (Template t : story) {
      notifications.send(Notification.toCustomer(first + "-" + t, t, complaintId(first), Map.of()));
    }
    for (Template t : story.subList(0, 2)) {
      notifications.send(Notification.toCustomer(second + "-" + t, t, complaintId(second), Map.of()));
    }
    await().until(() -> lastError(first + "-ACKNOWLEDGEMENT") != null && lastError(second + "-ACKNOWLEDGEMENT") != null);
    assertThat(lastError(first + "-ACKNOWLEDGEMENT")).startsWith("mail server unavailable");
    assertThat(attempts(first + "-REPLY_PROMISED")).as("waits behind the first of its complaint").isZero();
    assertThat(gauge("PENDING")).isGreaterThanOrEqualTo(5.0);

    mailbox.start();
    now(MORNING.plusSeconds(30));
    await().until(() -> mailbox.keys().stream().filter(k -> k != null && (k.startsWith(first) || k.startsWith(second)))
        .count() >= 5 && "SENT".equals(status(first + "-REMEDY_PROPOSED")) && "SENT".equals(status(second + "-REPLY_PROMISED")));

    List<String> keys = mailbox.keys().stream().filter(k -> k != null && (k.startsWith(first) || k.startsWith(second)))
        .toList();
    assertThat(keys).doesNotHaveDuplicates().hasSize(5);
    assertThat(keys.stream().filter(k -> k.startsWith(first))).containsExactly(first + "-ACKNOWLEDGEMENT",
        first + "-REPLY_PROMISED", first + "-REMEDY_PROPOSED");
    assertThat(keys.stream().filter(k -> k.startsWith(second))).containsExactly(second + "-ACKNOWLEDGEMENT",
        second + "-REPLY_PROMISED");
    assertThat(counter("complaintflow.notifications.sent", "email") - sentBefore).isEqualTo(5.0);
  }

  @Test
  void sendingTheSameKeyTwiceSendsOnceAndARolledBackStepSendsNothing() {
    String ticket = file(Submissions.valid()).json().path("ticket").asText();
    long complaint = complaintId(ticket);

    notifications.send(Notification.toCustomer("twice-" + ticket, Template.ACKNOWLEDGEMENT, complaint, Map.of()));
    notifications.send(Notification.toCustomer("twice-" + ticket, Template.ACKNOWLEDGEMENT, complaint, Map.of()));
    assertThatThrownBy(() -> transactions.executeWithoutResult(tx -> {
      notifications.send(Notification.toCustomer("rolled-back-" + ticket, Template.ACKNOWLEDGEMENT, complaint, Map.of()));
      throw new IllegalStateException("the step fails after sending");
    })).hasMessage("the step fails after sending");

    // a BPMN step that notifies, followed in the same transaction by one that fails
    BpmnModelInstance model = Bpmn.createExecutableProcess("NotificationRollbackProcess").camundaHistoryTimeToLive(1)
        .startEvent("StartEvent_Started")
        .serviceTask("Task_AcknowledgeComplaint").camundaDelegateExpression("${notifyCustomerDelegate}")
        .camundaInputParameter("template", "ACKNOWLEDGEMENT")
        .serviceTask("Task_RecordOutcome").camundaExpression("${execution.setVariable('outcome', outcome)}")
        .endEvent("EndEvent_Done").done();
    repository.createDeployment().addModelInstance("notification-rollback.bpmn", model).deploy();
    assertThatThrownBy(() -> runtime.startProcessInstanceByKey("NotificationRollbackProcess",
        Map.of("complaintId", complaint))).hasMessageContaining("outcome");
    assertThat(rowsOf(complaint)).containsExactly("twice-" + ticket);

    String pi = runtime.startProcessInstanceByKey("NotificationRollbackProcess",
        Map.of("complaintId", complaint, "outcome", "ok")).getId();
    await().until(() -> mailbox.withKey(rowsOf(complaint).get(1)).size() == 1);
    assertThat(rowsOf(complaint)).hasSize(2).last().asString().startsWith(pi + ":");
    assertThat(mailbox.withKey("twice-" + ticket)).hasSize(1);
    assertThat(mailbox.withKey("rolled-back-" + ticket)).isEmpty();
  }

  /** The outbox rows of a complaint other than those its handling process wrote on its own (the acknowledgement). */
  private List<String> rowsOf(long complaint) {
    return jdbc.queryForList("select o.idempotency_key from notification_outbox o join complaint c on "
        + "c.id = o.complaint_id where c.id = ? and o.idempotency_key not like c.process_instance_id || ':%' "
        + "order by o.id", String.class, complaint);
  }

  /** Waits until the messages the complaint's processes sent on their own (the acknowledgement) are delivered. */
  private void awaitProcessMessagesSent(String ticket) {
    await().until(() -> jdbc.queryForObject("select count(*) from notification_outbox where ticket = ? and "
        + "status <> 'SENT'", Integer.class, ticket) == 0);
  }

  private MimeMessage awaitMail(String key) {
    await().atMost(Duration.ofSeconds(20)).until(() -> !mailbox.withKey(key).isEmpty());
    List<MimeMessage> mails = mailbox.withKey(key);
    assertThat(mails).hasSize(1);
    return mails.get(0);
  }

  private List<LoopbackHttpServer.Received> awaitRequests(String key, int n) {
    await().atMost(Duration.ofSeconds(20)).until(() -> receiver.countByIdempotencyKey().getOrDefault(key, 0L) >= n);
    return receiver.received.stream().filter(r -> key.equals(r.header("Idempotency-Key"))).toList();
  }

  private long complaintId(String ticket) {
    return jdbc.queryForObject("select id from complaint where ticket = ?", Long.class, ticket);
  }

  private Instant firstResponseDue(String ticket) {
    return jdbc.queryForObject("select first_response_due_at from complaint where ticket = ?",
        java.time.OffsetDateTime.class, ticket).toInstant();
  }

  private String status(String key) {
    return column("status", key, String.class);
  }

  private String lastError(String key) {
    return column("last_error", key, String.class);
  }

  private int attempts(String key) {
    return column("attempts", key, Integer.class);
  }

  private Instant nextAttempt(String key) {
    java.time.OffsetDateTime t = column("next_attempt_at", key, java.time.OffsetDateTime.class);
    return t == null ? null : t.toInstant();
  }

  private <T> T column(String column, String key, Class<T> type) {
    List<T> values = jdbc.queryForList("select " + column + " from notification_outbox where idempotency_key = ?", type,
        key);
    return values.isEmpty() ? null : values.get(0);
  }

  private double counter(String name, String channel) {
    return meters.get(name).tag("channel", channel).counter().count();
  }

  private double gauge(String status) {
    await().until(() -> meters.get("complaintflow.notifications.outbox").tag("status", status).gauge().value() > 0);
    return meters.get("complaintflow.notifications.outbox").tag("status", status).gauge().value();
  }

  private static void now(Instant t) {
    ClockUtil.setCurrentTime(Date.from(t));
  }

  private static String hmac(String payload) throws Exception {
    Mac mac = Mac.getInstance("HmacSHA256");
    mac.init(new SecretKeySpec(WEBHOOK_SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
    return HexFormat.of().formatHex(mac.doFinal(payload.getBytes(StandardCharsets.UTF_8)));
  }
}
