package io.complaintflow.notifications.outbox;

import java.time.Clock;
import java.util.List;
import java.util.Optional;

import org.springframework.stereotype.Service;

/** What operators see of the outbox and what they can do with it: look, and retry a dead or held message. */
@Service
public class NotificationOutbox {

  private final OutboxStore store;
  private final OutboxDispatcher dispatcher;
  private final Clock clock;

  NotificationOutbox(OutboxStore store, OutboxDispatcher dispatcher, Clock clock) {
    this.store = store;
    this.dispatcher = dispatcher;
    this.clock = clock;
  }

  /** A page of messages (newest first) and the number of all that match. */
  public record Page(List<OutboxMessage> content, long totalElements) {
  }

  public Page find(OutboxStatus status, Long complaintId, int page, int size) {
    return new Page(store.find(status, complaintId, page, size), store.count(status, complaintId));
  }

  public Optional<OutboxMessage> find(long id) {
    return store.find(id);
  }

  /**
   * Makes a dead or held message due now, with a fresh set of attempts.
   *
   * @return the message after the change; empty if there is no such message
   * @throws NotRetryableException if it is neither dead nor held (pending, being sent or sent)
   */
  public Optional<OutboxMessage> retry(long id) {
    Optional<OutboxMessage> message = store.find(id);
    if (message.isEmpty()) {
      return message;
    }
    if (!store.retry(id, clock.instant())) {
      throw new NotRetryableException(message.get());
    }
    dispatcher.wakeUp();
    return store.find(id);
  }

  /** Only dead letters and held messages can be retried by hand. */
  public static class NotRetryableException extends RuntimeException {
    private final transient OutboxMessage message;

    NotRetryableException(OutboxMessage message) {
      super("notification " + message.id() + " is " + message.status() + ", not DEAD or HELD");
      this.message = message;
    }

    public OutboxMessage message() {
      return message;
    }
  }
}
