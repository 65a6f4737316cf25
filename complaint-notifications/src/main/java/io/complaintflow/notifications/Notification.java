package io.complaintflow.notifications;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * One message to send: what ({@link Template}), to whom ({@link Recipient}), about which complaint, under which
 * idempotency key.
 *
 * @param key idempotency key, unique among all notifications, at most {@value #MAX_KEY_LENGTH} characters: sending a
 *     notification with a key that was sent before does nothing. BPMN steps use {@code processInstanceId + ":" +
 *     activityInstanceId}, so a retried step never sends twice.
 * @param template what to say; see each constant for the variables its texts use
 * @param complaintId the complaint the message is about, or {@code null} (e.g. a batch broadcast without one)
 * @param recipient who receives it; a group becomes one message per member
 * @param variables what the template needs beyond the complaint record; {@code null} values are dropped
 * @param urgent an urgent staff message goes out during SMS quiet hours and is not queued behind earlier messages
 *     about the same complaint; customers' messages always respect quiet hours
 */
public record Notification(String key, Template template, Long complaintId, Recipient recipient,
    Map<String, Object> variables, boolean urgent) {

  public static final int MAX_KEY_LENGTH = 200;

  public Notification {
    Objects.requireNonNull(key, "key");
    if (key.isBlank() || key.length() > MAX_KEY_LENGTH) {
      throw new IllegalArgumentException("a notification key has 1 to " + MAX_KEY_LENGTH + " characters: " + key);
    }
    Objects.requireNonNull(template, "template");
    Objects.requireNonNull(recipient, "recipient");
    Map<String, Object> copy = new LinkedHashMap<>();
    if (variables != null) {
      variables.forEach((name, value) -> {
        if (value != null) {
          copy.put(name, value);
        }
      });
    }
    variables = Collections.unmodifiableMap(copy);
  }

  /** A message to a complaint's customer, in their language, through the channel they chose. */
  public static Notification toCustomer(String key, Template template, long complaintId, Map<String, Object> variables) {
    return new Notification(key, template, complaintId, Recipient.customerOf(complaintId), variables, false);
  }
}
