package io.complaintflow.notifications.outbox;

import java.time.Instant;

import io.complaintflow.notifications.DeliveryChannel;

/** When a message may go out (SMS quiet hours): {@code now}, or a later instant to wait for. */
@FunctionalInterface
public interface DeliveryWindow {

  Instant notBefore(DeliveryChannel channel, RecipientKind recipientKind, boolean urgent, Instant now);

  DeliveryWindow ALWAYS = (channel, kind, urgent, now) -> now;
}
