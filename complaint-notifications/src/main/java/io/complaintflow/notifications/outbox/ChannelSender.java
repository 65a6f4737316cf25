package io.complaintflow.notifications.outbox;

import java.util.Set;

import io.complaintflow.notifications.DeliveryChannel;

/**
 * Delivers outbox messages of one channel. Called by the dispatcher outside any database transaction; must return or
 * throw within its configured time-outs (well inside the dispatcher's claim timeout).
 */
public interface ChannelSender {

  DeliveryChannel channel();

  /**
   * Whether this channel is configured on this installation. Messages of a channel that is not are held
   * ({@link OutboxStatus#HELD}) instead of failing, and go out once it is.
   */
  boolean configured();

  /**
   * For channels that deliver to named routes (webhook endpoints): the names that are configured; messages addressed
   * to another name are held. {@code null} if every address is deliverable once the channel is configured.
   */
  default Set<String> configuredAddresses() {
    return null;
  }

  /** What to tell operators when the channel is not configured. */
  String notConfiguredReason();

  /** Delivers the message; passes {@link OutboxMessage#key()} on to the receiver so that it can drop duplicates. */
  void deliver(OutboxMessage message) throws DeliveryException;
}
