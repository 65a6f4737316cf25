package io.complaintflow.notifications.sms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.complaintflow.notifications.DeliveryChannel;
import io.complaintflow.notifications.outbox.DeliveryException;
import io.complaintflow.notifications.outbox.LoopbackHttpServer;
import io.complaintflow.notifications.outbox.LoopbackHttpServer.Answer;
import io.complaintflow.notifications.outbox.OutboxMessage;
import io.complaintflow.notifications.outbox.TestMessages;

/** The SMS channel against a real HTTP server on loopback standing in for the gateway. */
class SmsGatewayChannelTests {

  static final ObjectMapper JSON = new ObjectMapper();
  final LoopbackHttpServer gateway = new LoopbackHttpServer();

  @AfterEach
  void stop() {
    gateway.close();
  }

  @Test
  void postsTheConfiguredBodyWithJsonEscapedValuesAuthAndIdempotencyKey() throws Exception {
    SmsGatewayChannel channel = channel("{\"mobile\":\"${to}\",\"content\":\"${text}\",\"requestId\":\"${key}\","
        + "\"ref\":\"${ticket}\",\"lang\":\"${language}\",\"tpl\":\"${template}\"}", Duration.ofSeconds(5));
    String tricky = "【投诉受理】王建国您好,\"引号\" 与 \\反斜杠\\\n换行\t制表 </script>";

    channel.deliver(TestMessages.message("k-1", DeliveryChannel.SMS, "13800138000", null, null, tricky, null));

    assertThat(gateway.received).hasSize(1);
    LoopbackHttpServer.Received r = gateway.received.get(0);
    assertThat(r.method()).isEqualTo("POST");
    assertThat(r.path()).isEqualTo("/sms/send");
    assertThat(r.header("Authorization")).isEqualTo("Bearer sms-secret");
    assertThat(r.header("Idempotency-Key")).isEqualTo("k-1");
    assertThat(r.header("Content-Type")).isEqualTo("application/json; charset=utf-8");
    JsonNode body = JSON.readTree(r.body());
    assertThat(body.path("mobile").asText()).isEqualTo("13800138000");
    assertThat(body.path("content").asText()).isEqualTo(tricky);
    assertThat(body.path("requestId").asText()).isEqualTo("k-1");
    assertThat(body.path("ref").asText()).isEqualTo("CF-20261124-000042");
    assertThat(body.path("lang").asText()).isEqualTo("zh-CN");
    assertThat(body.path("tpl").asText()).isEqualTo("ACKNOWLEDGEMENT");
  }

  @Test
  void theDefaultBodyCarriesRecipientTextAndKey() throws Exception {
    SmsGatewayChannel channel = channel(null, Duration.ofSeconds(5));

    channel.deliver(TestMessages.message("k-2", DeliveryChannel.SMS, "13800138000", null, null, "短信", null));

    JsonNode body = JSON.readTree(gateway.received.get(0).body());
    assertThat(body.path("to").asText()).isEqualTo("13800138000");
    assertThat(body.path("text").asText()).isEqualTo("短信");
    assertThat(body.path("key").asText()).isEqualTo("k-2");
  }

  @Test
  void serverErrorsTooManyRequestsTimeOutsAndRefusedConnectionsAreWorthRetryingClientErrorsAreNot() {
    SmsGatewayChannel channel = channel(null, Duration.ofMillis(300));
    OutboxMessage m = TestMessages.message("k-3", DeliveryChannel.SMS, "13800138000", null, null, "短信", null);

    gateway.answers = r -> Answer.status(500);
    assertThatThrownBy(() -> channel.deliver(m)).isInstanceOfSatisfying(DeliveryException.class,
        e -> assertThat(e.retryable()).isTrue()).hasMessageStartingWith("HTTP 500");
    gateway.answers = r -> Answer.status(429);
    assertThatThrownBy(() -> channel.deliver(m)).isInstanceOfSatisfying(DeliveryException.class,
        e -> assertThat(e.retryable()).isTrue());
    gateway.answers = r -> Answer.slow(1500);
    assertThatThrownBy(() -> channel.deliver(m)).isInstanceOfSatisfying(DeliveryException.class,
        e -> assertThat(e.retryable()).isTrue()).hasMessageContaining("no answer within PT0.3S");
    gateway.answers = r -> Answer.status(400);
    assertThatThrownBy(() -> channel.deliver(m)).isInstanceOfSatisfying(DeliveryException.class,
        e -> assertThat(e.retryable()).isFalse()).hasMessageStartingWith("HTTP 400");

    String url = gateway.url("/sms/send");
    gateway.close();
    SmsGatewayChannel nobodyListening = new SmsGatewayChannel(new SmsSettings(url, "Authorization", "", null,
        "application/json", Duration.ofMillis(500), Duration.ofMillis(500)));
    assertThatThrownBy(() -> nobodyListening.deliver(m)).isInstanceOfSatisfying(DeliveryException.class,
        e -> assertThat(e.retryable()).isTrue());
  }

  @Test
  void withoutAGatewayUrlTheChannelIsNotConfigured() {
    SmsGatewayChannel channel = new SmsGatewayChannel(new SmsSettings("", "Authorization", "", null, "application/json",
        Duration.ofSeconds(1), Duration.ofSeconds(1)));

    assertThat(channel.configured()).isFalse();
    assertThat(channel.notConfiguredReason()).isEqualTo("complaintflow.notifications.sms.url is not set");
  }

  @Test
  void refusesABodyTemplateWithAnUnknownPlaceholder() {
    assertThatThrownBy(() -> channel("{\"to\":\"${phone}\"}", Duration.ofSeconds(1)))
        .hasMessageContaining("unknown placeholder ${phone}");
  }

  private SmsGatewayChannel channel(String body, Duration readTimeout) {
    return new SmsGatewayChannel(new SmsSettings(gateway.url("/sms/send"), "Authorization", "Bearer sms-secret", body,
        "application/json; charset=utf-8", Duration.ofSeconds(2), readTimeout));
  }
}
