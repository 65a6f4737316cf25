package io.complaintflow.notifications.outbox;

/**
 * Where a message stands in the outbox.
 *
 * <pre>
 *   PENDING --claim--> SENDING --delivered--> SENT
 *      ^                  |  \--failed, attempts left (back-off)--> PENDING
 *      |                  |  \--failed for good / last attempt-----> DEAD --operator retry--> PENDING
 *      |                  \--claim expired (node died)--> claimable again, like PENDING
 *   HELD <--channel not configured-- PENDING;  HELD --channel configured / operator retry--> PENDING
 *   PENDING, SENDING, HELD, DEAD --customer's personal data erased--> CANCELLED (final)
 * </pre>
 */
public enum OutboxStatus {
  /** Waiting for its next attempt ({@code next_attempt_at}); blocks later messages of its lane. */
  PENDING,
  /** Claimed by a dispatcher until {@code claimed_until}; another node may take it over after that. */
  SENDING,
  /** Accepted by the mail server, SMS gateway or webhook receiver. */
  SENT,
  /** Its channel is not configured on this installation; goes out once it is. */
  HELD,
  /** Failed for good or out of attempts: an operator looks at it and may retry it. */
  DEAD,
  /** Withdrawn for good: the customer's personal data were erased (anonymisation); never sent, never retried. */
  CANCELLED;

  /** Whether a message in this state still holds back later messages to the same recipient about the same complaint. */
  public boolean blocksItsLane() {
    return this == PENDING || this == SENDING || this == HELD;
  }
}
