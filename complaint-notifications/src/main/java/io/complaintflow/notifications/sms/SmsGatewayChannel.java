package io.complaintflow.notifications.sms;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Supplier;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Component;

import io.complaintflow.notifications.DeliveryChannel;
import io.complaintflow.notifications.outbox.ChannelSender;
import io.complaintflow.notifications.outbox.DeliveryException;
import io.complaintflow.notifications.outbox.HttpDelivery;
import io.complaintflow.notifications.outbox.OutboxMessage;

/** Sends SMS through the configured HTTP gateway (see {@link SmsSettings}). */
@Component
@EnableConfigurationProperties(SmsSettings.class)
class SmsGatewayChannel implements ChannelSender {

  private final SmsSettings settings;
  private final SmsBody body;
  private final Supplier<HttpClient> http;

  SmsGatewayChannel(SmsSettings settings) {
    this.settings = settings;
    this.body = new SmsBody(settings.bodyTemplate());
    this.http = HttpDelivery.client(settings.connectTimeout());
  }

  @Override
  public DeliveryChannel channel() {
    return DeliveryChannel.SMS;
  }

  @Override
  public boolean configured() {
    return settings.configured();
  }

  @Override
  public String notConfiguredReason() {
    return "complaintflow.notifications.sms.url is not set";
  }

  @Override
  public void deliver(OutboxMessage m) throws DeliveryException {
    Map<String, String> values = new HashMap<>();
    values.put("to", m.address());
    values.put("text", m.shortText());
    values.put("key", m.key());
    values.put("ticket", m.ticket());
    values.put("language", m.language());
    values.put("template", m.template());
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(settings.url()))
        .timeout(settings.readTimeout())
        .header("Content-Type", settings.contentType())
        .header("Idempotency-Key", m.key())
        .POST(HttpRequest.BodyPublishers.ofString(body.fill(values), StandardCharsets.UTF_8));
    if (!settings.authHeaderValue().isBlank()) {
      request.header(settings.authHeaderName(), settings.authHeaderValue());
    }
    HttpDelivery.send(http, request.build());
  }
}
