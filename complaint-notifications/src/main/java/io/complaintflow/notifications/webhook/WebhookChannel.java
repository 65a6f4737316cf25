package io.complaintflow.notifications.webhook;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Component;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.complaintflow.notifications.DeliveryChannel;
import io.complaintflow.notifications.outbox.ChannelSender;
import io.complaintflow.notifications.outbox.DeliveryException;
import io.complaintflow.notifications.outbox.HttpDelivery;
import io.complaintflow.notifications.outbox.OutboxMessage;

/**
 * Posts messages as signed JSON to named endpoints (chat bots, integrations):
 *
 * <pre>
 * POST &lt;url&gt;
 * Content-Type: application/json
 * Idempotency-Key: &lt;the message's key&gt;
 * X-ComplaintFlow-Timestamp: 1795500000
 * X-ComplaintFlow-Signature: sha256=&lt;hex&gt;
 *
 * {"key":…, "template":"SLA_BREACHED", "urgent":true, "language":"zh-CN", "ticket":…, "complaintId":…,
 *  "recipient":{"kind":"STAFF","id":"liuyang"}, "title":…, "text":…, "summary":…, "createdAt":"…Z"}
 * </pre>
 */
@Component
@EnableConfigurationProperties(WebhookSettings.class)
class WebhookChannel implements ChannelSender {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final Map<String, WebhookSettings.Endpoint> endpoints;
  private final WebhookSettings settings;
  private final Supplier<HttpClient> http;
  private final Clock clock;

  WebhookChannel(WebhookSettings settings, Clock clock) {
    this.settings = settings;
    this.endpoints = settings.endpoints().stream()
        .collect(Collectors.toMap(WebhookSettings.Endpoint::name, e -> e, (a, b) -> {
          throw new IllegalArgumentException("complaintflow.notifications.webhook.endpoints: two endpoints named "
              + a.name());
        }, LinkedHashMap::new));
    this.http = HttpDelivery.client(settings.connectTimeout());
    this.clock = clock;
  }

  @Override
  public DeliveryChannel channel() {
    return DeliveryChannel.WEBHOOK;
  }

  @Override
  public boolean configured() {
    return !endpoints.isEmpty();
  }

  @Override
  public Set<String> configuredAddresses() {
    return endpoints.keySet();
  }

  @Override
  public String notConfiguredReason() {
    return "no such endpoint in complaintflow.notifications.webhook.endpoints";
  }

  @Override
  public void deliver(OutboxMessage m) throws DeliveryException {
    WebhookSettings.Endpoint endpoint = endpoints.get(m.address());
    if (endpoint == null) {
      throw DeliveryException.retryable("webhook endpoint " + m.address() + " is not configured", null);
    }
    String body = body(m);
    String timestamp = String.valueOf(clock.instant().getEpochSecond());
    HttpRequest request = HttpRequest.newBuilder(URI.create(endpoint.url()))
        .timeout(settings.readTimeout())
        .header("Content-Type", "application/json; charset=utf-8")
        .header("Idempotency-Key", m.key())
        .header(WebhookSignature.TIMESTAMP_HEADER, timestamp)
        .header(WebhookSignature.SIGNATURE_HEADER, WebhookSignature.sign(endpoint.secret(), timestamp, body))
        .header("User-Agent", "ComplaintFlow-Webhook/1")
        .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
        .build();
    HttpDelivery.send(http, request);
  }

  static String body(OutboxMessage m) {
    Map<String, Object> payload = new LinkedHashMap<>();
    payload.put("key", m.key());
    payload.put("template", m.template());
    payload.put("urgent", m.urgent());
    payload.put("language", m.language());
    payload.put("ticket", m.ticket());
    payload.put("complaintId", m.complaintId());
    payload.put("recipient", Map.of("kind", m.recipientKind().name(), "id", m.recipientId()));
    payload.put("title", m.subject());
    payload.put("text", m.text());
    payload.put("summary", m.shortText());
    payload.put("createdAt", m.createdAt().toString());
    try {
      return JSON.writeValueAsString(payload);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
