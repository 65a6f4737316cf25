package io.complaintflow.notifications.webhook;

import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import io.complaintflow.notifications.template.Languages;

/**
 * Webhook endpoints ({@code complaintflow.notifications.webhook.*}), e.g. chat bots. Each message is a JSON POST signed
 * with HMAC-SHA256 over {@code timestamp + "." + body} with the endpoint's secret.
 *
 * @param endpoints the named endpoints; a message to a name not listed here is held
 * @param staffEndpoint endpoint for staff who chose WEBHOOK without naming one (user info {@code webhook-endpoint})
 */
@ConfigurationProperties("complaintflow.notifications.webhook")
public record WebhookSettings(
    @DefaultValue({}) List<Endpoint> endpoints,
    @DefaultValue("staff-chat") String staffEndpoint,
    @DefaultValue("5s") Duration connectTimeout,
    @DefaultValue("10s") Duration readTimeout) {

  /**
   * @param name how senders address it ({@code Recipient.webhook(name)})
   * @param url where to POST
   * @param secret shared secret for the signature (required)
   * @param language language of the texts it receives
   */
  public record Endpoint(String name, String url, String secret, @DefaultValue("zh-CN") String language) {

    public Endpoint {
      if (name == null || name.isBlank() || url == null || url.isBlank() || secret == null || secret.isBlank()) {
        throw new IllegalArgumentException("complaintflow.notifications.webhook.endpoints: every endpoint needs a name, "
            + "a url and a secret (got name=" + name + ")");
      }
      language = Languages.normalize(language);
    }
  }

  public WebhookSettings {
    endpoints = endpoints == null ? List.of() : List.copyOf(endpoints);
  }

  public String languageOf(String endpointName) {
    return endpoints.stream().filter(e -> e.name().equals(endpointName)).map(Endpoint::language).findFirst()
        .orElse(Languages.CHINESE);
  }
}
