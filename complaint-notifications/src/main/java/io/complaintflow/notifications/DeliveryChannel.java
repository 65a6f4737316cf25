package io.complaintflow.notifications;

/** How a message travels. */
public enum DeliveryChannel {
  EMAIL, SMS, WEBHOOK
}
