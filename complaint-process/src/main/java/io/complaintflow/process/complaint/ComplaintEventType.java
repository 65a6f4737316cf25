package io.complaintflow.process.complaint;

/**
 * What happened to a complaint. Each type has a customer-facing text in the API's message bundles
 * ({@code event.TYPE}); {@link #customerVisible} says whether the customer sees it in the status history.
 */
public enum ComplaintEventType {
  RECEIVED(true),
  REGISTERED(true),
  REPLY_PROMISED(true),
  CLASSIFIED(false),
  MALICIOUS_SUSPECTED(false),
  MALICIOUS_REJECTED(false),
  MALICIOUS_CONFIRMED(false),
  FIRM_REPLY_GIVEN(true),
  INVESTIGATED(false),
  REMEDY_PROPOSED(true),
  REMEDY_ACCEPTED(true),
  REMEDY_DECLINED(true),
  ESCALATED(true),
  ESCALATION_DECIDED(false),
  REMEDY_CARRIED_OUT(true),
  RESOLUTION_CONFIRMED(true),
  RESOLUTION_DISPUTED(true),
  REFERRED_TO_LEGAL(true),
  CLOSED(true),
  REOPENED(true);

  private final boolean customerVisible;

  ComplaintEventType(boolean customerVisible) {
    this.customerVisible = customerVisible;
  }

  public boolean customerVisible() {
    return customerVisible;
  }
}
