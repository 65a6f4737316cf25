package io.complaintflow.notifications.outbox;

import java.time.Instant;

import io.complaintflow.notifications.DeliveryChannel;

/**
 * One row of the outbox: a message rendered when it was enqueued, and its delivery state.
 *
 * @param orderingKey its lane: messages of one lane (the same complaint and recipient) go out in id order, one at a
 *     time; {@code null} for messages without a complaint and urgent staff messages, which are never held back
 * @param address email address, phone number or webhook endpoint name
 * @param subject mail subject and chat title
 * @param text plain-text body (mail)
 * @param shortText short body (SMS, chat)
 * @param html HTML body (mail only)
 */
public record OutboxMessage(long id, String key, Long complaintId, String ticket, String orderingKey, String template,
    DeliveryChannel channel, RecipientKind recipientKind, String recipientId, String address, String language,
    boolean urgent, String subject, String text, String shortText, String html, OutboxStatus status, int attempts,
    Instant createdAt, Instant nextAttemptAt, String claimedBy, Instant claimedUntil, Instant sentAt,
    String lastError) {
}
