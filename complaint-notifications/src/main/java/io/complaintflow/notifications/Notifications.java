package io.complaintflow.notifications;

/**
 * Tells customers and staff what happens. {@link #send} only writes the message to the outbox, in the caller's
 * transaction (the engine's, when called from a BPMN step): if the step rolls back, nothing is sent; once it commits,
 * the outbox dispatcher delivers the message, retrying with back-off, and keeps what it cannot deliver for operators.
 */
public interface Notifications {

  /**
   * Writes the notification's outbox row(s): the message is rendered now, in the recipient's language, from the
   * complaint as it is now. Does nothing for a key that was sent before.
   */
  void send(Notification notification);
}
