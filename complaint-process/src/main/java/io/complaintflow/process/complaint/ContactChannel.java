package io.complaintflow.process.complaint;

/** How a customer wants to hear from us. */
public enum ContactChannel {
  EMAIL, SMS
}
