package io.complaintflow.notifications.outbox;

/** Whom an outbox message is for. */
public enum RecipientKind {
  /** The customer of a complaint. */
  CUSTOMER,
  /** A staff member (a Camunda user). */
  STAFF,
  /** A named webhook endpoint, e.g. a chat bot. */
  WEBHOOK
}
