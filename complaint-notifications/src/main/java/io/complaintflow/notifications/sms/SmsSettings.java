package io.complaintflow.notifications.sms;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The SMS gateway ({@code complaintflow.notifications.sms.*}): an HTTP endpoint that takes a JSON POST. Every
 * provider wants its own body, so the body is a template: {@code ${to}}, {@code ${text}}, {@code ${key}},
 * {@code ${ticket}}, {@code ${language}} and {@code ${template}} are replaced by the JSON-escaped values (write them
 * inside quotes). The message's key also goes in the {@code Idempotency-Key} header.
 *
 * @param url the gateway; empty: no SMS gateway, SMS messages are held until one is configured
 * @param authHeaderName e.g. {@code Authorization} or {@code X-Api-Key}
 * @param authHeaderValue e.g. {@code Bearer …}; empty: no auth header
 * @param bodyTemplate the JSON body; default {@value #DEFAULT_BODY}
 */
@ConfigurationProperties("complaintflow.notifications.sms")
public record SmsSettings(
    @DefaultValue("") String url,
    @DefaultValue("Authorization") String authHeaderName,
    @DefaultValue("") String authHeaderValue,
    String bodyTemplate,
    @DefaultValue("application/json; charset=utf-8") String contentType,
    @DefaultValue("5s") Duration connectTimeout,
    @DefaultValue("10s") Duration readTimeout) {

  public static final String DEFAULT_BODY = "{\"to\":\"${to}\",\"text\":\"${text}\",\"key\":\"${key}\"}";

  public SmsSettings {
    bodyTemplate = bodyTemplate == null || bodyTemplate.isBlank() ? DEFAULT_BODY : bodyTemplate;
  }

  public boolean configured() {
    return url != null && !url.isBlank();
  }
}
