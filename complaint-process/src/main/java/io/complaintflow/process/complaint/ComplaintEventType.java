package io.complaintflow.process.complaint;

/**
 * What happened to a complaint. Each type has a customer-facing text in the API's message bundles
 * ({@code event.TYPE}). {@link #customerVisible} says whether the customer sees the entry in the status history,
 * {@link #detailForCustomer} whether they also see its detail (what staff wrote for them: the remedy, the reason
 * for a delay); internal notes stay internal.
 */
public enum ComplaintEventType {
  RECEIVED(true, false),
  REGISTERED(true, false),
  REPLY_PROMISED(true, true),
  CLASSIFIED(false, false),
  MALICIOUS_SUSPECTED(false, false),
  MALICIOUS_REJECTED(false, false),
  MALICIOUS_CONFIRMED(false, false),
  FIRM_REPLY_GIVEN(true, true),
  INVESTIGATED(false, false),
  REMEDY_DRAFTED(false, false),
  REMEDY_PROPOSED(true, true),
  REMEDY_ACCEPTED(true, false),
  REMEDY_DECLINED(true, true),
  ESCALATED(true, false),
  ESCALATION_DECIDED(false, false),
  REMEDY_CARRIED_OUT(true, true),
  RESOLUTION_CONFIRMED(true, false),
  RESOLUTION_DISPUTED(true, true),
  REFERRED_TO_LEGAL(true, false),
  CLOSED(true, false),
  REOPENED(true, true),
  SLA_WARNING(false, false),
  SLA_BREACHED(false, false),
  SLA_PAUSED(false, false),
  SLA_RESUMED(false, false),
  ESCALATION_DEMANDED(false, false),
  SUPERVISED(false, false),
  INFORMATION_REQUESTED(true, true),
  INFORMATION_RECEIVED(true, true),
  REMEDY_AUTHORIZED(false, false),
  REMEDY_ENDORSED(false, false),
  REMEDY_APPROVED(false, false),
  REMEDY_REJECTED(false, false),
  DEPARTMENT_REPLY_REQUESTED(false, false),
  DEPARTMENT_REPLIED(false, false),
  DEPARTMENT_REPLY_OVERDUE(false, false),
  DEPARTMENT_REPLY_RATED(false, false),
  CONSULTATION_STARTED(false, false),
  CONSULTATION_OPINION(false, false),
  CONSULTATION_CONCLUDED(false, false),
  ACCOUNTABILITY_REVIEW_STARTED(false, false),
  REVISIT_SCHEDULED(false, false),
  REVISIT_SURVEY_SENT(true, false),
  REVISITED(true, false),
  REVISIT_UNSATISFIED(false, false),
  REVISIT_NOT_REACHED(false, false),
  REVISIT_REVIEWED(false, false),
  BATCH_LINKED(false, false),
  BATCH_ANSWER(false, false),
  BATCH_RESOLVED(true, true),
  CASE_NOMINATED(false, false);

  private final boolean customerVisible;
  private final boolean detailForCustomer;

  ComplaintEventType(boolean customerVisible, boolean detailForCustomer) {
    this.customerVisible = customerVisible;
    this.detailForCustomer = detailForCustomer;
  }

  public boolean customerVisible() {
    return customerVisible;
  }

  public boolean detailForCustomer() {
    return detailForCustomer;
  }
}
