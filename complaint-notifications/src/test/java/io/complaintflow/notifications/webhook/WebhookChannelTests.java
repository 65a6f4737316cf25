package io.complaintflow.notifications.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Date;
import java.util.HexFormat;
import java.util.List;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.complaintflow.notifications.DeliveryChannel;
import io.complaintflow.notifications.outbox.DeliveryException;
import io.complaintflow.notifications.outbox.LoopbackHttpServer;
import io.complaintflow.notifications.outbox.LoopbackHttpServer.Answer;
import io.complaintflow.notifications.outbox.TestMessages;
import io.complaintflow.process.calendar.EngineClock;

/** The webhook channel against a real HTTP server on loopback that checks the signature as a receiver would. */
class WebhookChannelTests {

  static final ObjectMapper JSON = new ObjectMapper();
  static final String SECRET = "chat-bot-shared-secret";
  final LoopbackHttpServer receiver = new LoopbackHttpServer();

  @AfterEach
  void stop() {
    receiver.close();
    ClockUtil.reset();
  }

  @Test
  void postsSignedJsonThatTheReceiverCanVerifyWithTheSharedSecret() throws Exception {
    Instant now = Instant.parse("2026-11-24T14:05:00Z");
    ClockUtil.setCurrentTime(Date.from(now));
    WebhookChannel channel = channel(Duration.ofSeconds(5));

    channel.deliver(TestMessages.staffMessage("proc-1:act-2:liuyang", DeliveryChannel.WEBHOOK, "ops-chat", true));

    LoopbackHttpServer.Received r = receiver.received.get(0);
    String timestamp = r.header(WebhookSignature.TIMESTAMP_HEADER);
    assertThat(timestamp).isEqualTo(String.valueOf(now.getEpochSecond()));
    assertThat(r.header(WebhookSignature.SIGNATURE_HEADER)).isEqualTo("sha256=" + hmac(SECRET, timestamp + "." + r.body()));
    assertThat(r.header(WebhookSignature.SIGNATURE_HEADER)).isNotEqualTo("sha256=" + hmac("wrong", timestamp + "." + r.body()));
    assertThat(r.header("Idempotency-Key")).isEqualTo("proc-1:act-2:liuyang");
    assertThat(r.header("Content-Type")).startsWith("application/json");
    JsonNode body = JSON.readTree(r.body());
    assertThat(body.path("key").asText()).isEqualTo("proc-1:act-2:liuyang");
    assertThat(body.path("template").asText()).isEqualTo("SLA_BREACHED");
    assertThat(body.path("urgent").asBoolean()).isTrue();
    assertThat(body.path("ticket").asText()).isEqualTo("CF-20261124-000042");
    assertThat(body.path("recipient").path("id").asText()).isEqualTo("liuyang");
    assertThat(body.path("title").asText()).isEqualTo("SLA 超时:工单 CF-20261124-000042");
    assertThat(body.path("text").asText()).isEqualTo("全文\n第二行");
    assertThat(body.path("summary").asText()).isEqualTo("【SLA 超时】摘要");
  }

  @Test
  void aServerErrorOrTimeOutIsWorthRetryingAForbiddenAnswerIsNot() {
    WebhookChannel channel = channel(Duration.ofMillis(300));
    var m = TestMessages.staffMessage("k", DeliveryChannel.WEBHOOK, "ops-chat", false);

    receiver.answers = r -> Answer.status(503);
    assertThatThrownBy(() -> channel.deliver(m)).isInstanceOfSatisfying(DeliveryException.class,
        e -> assertThat(e.retryable()).isTrue());
    receiver.answers = r -> Answer.slow(1500);
    assertThatThrownBy(() -> channel.deliver(m)).isInstanceOfSatisfying(DeliveryException.class,
        e -> assertThat(e.retryable()).isTrue());
    receiver.answers = r -> Answer.status(403);
    assertThatThrownBy(() -> channel.deliver(m)).isInstanceOfSatisfying(DeliveryException.class,
        e -> assertThat(e.retryable()).isFalse());
  }

  @Test
  void onlyNamedEndpointsAreConfiguredAndEachNeedsASecret() {
    WebhookChannel channel = channel(Duration.ofSeconds(1));
    WebhookChannel none = new WebhookChannel(new WebhookSettings(List.of(), "staff-chat", Duration.ofSeconds(1),
        Duration.ofSeconds(1)), new EngineClock(ZoneId.of("Asia/Shanghai")));

    assertThat(channel.configured()).isTrue();
    assertThat(channel.configuredAddresses()).containsExactly("ops-chat");
    assertThat(none.configured()).isFalse();
    assertThatThrownBy(() -> new WebhookSettings.Endpoint("ops", "http://127.0.0.1/x", "", "zh-CN"))
        .hasMessageContaining("every endpoint needs a name, a url and a secret");
  }

  private WebhookChannel channel(Duration readTimeout) {
    return new WebhookChannel(new WebhookSettings(List.of(new WebhookSettings.Endpoint("ops-chat",
        receiver.url("/hooks/complaints"), SECRET, "zh-CN")), "staff-chat", Duration.ofSeconds(2), readTimeout),
        new EngineClock(ZoneId.of("Asia/Shanghai")));
  }

  /** What a receiver computes: HMAC-SHA256 over timestamp + "." + raw body, hex. */
  static String hmac(String secret, String payload) throws Exception {
    Mac mac = Mac.getInstance("HmacSHA256");
    mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
    return HexFormat.of().formatHex(mac.doFinal(payload.getBytes(StandardCharsets.UTF_8)));
  }
}
