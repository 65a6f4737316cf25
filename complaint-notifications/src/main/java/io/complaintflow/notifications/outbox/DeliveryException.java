package io.complaintflow.notifications.outbox;

/**
 * A channel could not deliver a message. {@link #retryable()} says whether trying again later can help (server down,
 * time-out, 5xx, 429) or not (invalid address, 4xx): the latter goes to the dead letters at once.
 */
public class DeliveryException extends Exception {

  private final boolean retryable;

  public DeliveryException(String message, boolean retryable, Throwable cause) {
    super(message, cause);
    this.retryable = retryable;
  }

  public static DeliveryException retryable(String message, Throwable cause) {
    return new DeliveryException(message, true, cause);
  }

  public static DeliveryException permanent(String message, Throwable cause) {
    return new DeliveryException(message, false, cause);
  }

  /** An HTTP answer that is not 2xx: 408, 425, 429 and 5xx are worth retrying, other 4xx are not. */
  public static DeliveryException forHttpStatus(int status, String body) {
    boolean retry = status >= 500 || status == 408 || status == 425 || status == 429;
    String excerpt = body == null ? "" : body.length() > 300 ? body.substring(0, 300) + "…" : body;
    return new DeliveryException("HTTP " + status + (excerpt.isBlank() ? "" : ": " + excerpt), retry, null);
  }

  public boolean retryable() {
    return retryable;
  }
}
