package io.complaintflow.notifications.outbox;

import java.time.Instant;

import io.complaintflow.notifications.DeliveryChannel;

/**
 * A message as it enters the outbox. {@code problem} non-null means it cannot be delivered as addressed (no address,
 * unknown user): it is stored as {@link OutboxStatus#DEAD} with that reason, for operators to see.
 */
public record NewOutboxMessage(String key, Long complaintId, String ticket, String orderingKey, String template,
    DeliveryChannel channel, RecipientKind recipientKind, String recipientId, String address, String language,
    boolean urgent, String subject, String text, String shortText, String html, Instant createdAt,
    Instant notBefore, String problem) {
}
