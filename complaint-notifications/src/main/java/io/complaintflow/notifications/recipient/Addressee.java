package io.complaintflow.notifications.recipient;

import io.complaintflow.notifications.DeliveryChannel;
import io.complaintflow.notifications.outbox.RecipientKind;

/**
 * A resolved recipient: how and in which language to reach them.
 *
 * @param id complaint id (customer), user id (staff) or endpoint name (webhook)
 * @param address email address, phone number or webhook endpoint name; {@code null} if there is none
 * @param problem why the message cannot be delivered as addressed (no address, unknown user), else {@code null}
 */
public record Addressee(RecipientKind kind, String id, DeliveryChannel channel, String address, String language,
    String problem) {
}
