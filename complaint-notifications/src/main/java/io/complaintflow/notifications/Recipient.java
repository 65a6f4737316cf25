package io.complaintflow.notifications;

import java.util.Objects;

/**
 * Who receives a notification. Addresses, channel and language are looked up when the notification is sent (that is,
 * enqueued): the customer's from the complaint row, staff members' from the Camunda identity (user email; user info
 * {@code phone}, {@code notification-channel} = EMAIL|SMS|WEBHOOK, {@code language} = zh-CN|en,
 * {@code webhook-endpoint}).
 */
public sealed interface Recipient {

  /** The customer of a complaint: address, channel and language from the complaint row. */
  static Recipient customerOf(long complaintId) {
    return new Customer(complaintId);
  }

  /** One staff member (a Camunda user id). */
  static Recipient staffUser(String userId) {
    return new StaffUser(userId);
  }

  /** Every member of a Camunda group, one message each (the key is suffixed with ":" and the user id). */
  static Recipient staffGroup(String groupId) {
    return new StaffGroup(groupId);
  }

  /** A webhook endpoint named in {@code complaintflow.notifications.webhook.endpoints} (e.g. a chat bot). */
  static Recipient webhook(String endpointName) {
    return new Webhook(endpointName);
  }

  record Customer(long complaintId) implements Recipient {
  }

  record StaffUser(String userId) implements Recipient {
    public StaffUser {
      requireText(userId, "userId");
    }
  }

  record StaffGroup(String groupId) implements Recipient {
    public StaffGroup {
      requireText(groupId, "groupId");
    }
  }

  record Webhook(String endpointName) implements Recipient {
    public Webhook {
      requireText(endpointName, "endpointName");
    }
  }

  private static void requireText(String value, String name) {
    if (Objects.requireNonNull(value, name).isBlank()) {
      throw new IllegalArgumentException(name + " must not be blank");
    }
  }
}
