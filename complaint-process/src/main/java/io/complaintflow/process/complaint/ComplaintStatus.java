package io.complaintflow.process.complaint;

/**
 * Where a complaint stands, as the customer and the staff lists see it. The handling process moves it along;
 * {@link Complaint} is the only writer.
 */
public enum ComplaintStatus {
  /** Received through a channel, waiting for a staff member to register it and confirm the facts. */
  RECEIVED,
  /** Registered; its owner is finding the cause or preparing a remedy. */
  IN_PROGRESS,
  /** Waiting for information the customer was asked for; the SLA clocks stand still. */
  AWAITING_CUSTOMER,
  /** A remedy beyond its proposer's authority waits for approval by a higher level. */
  PENDING_APPROVAL,
  /** A remedy has been proposed; waiting for the customer to agree. */
  REMEDY_PROPOSED,
  /** Referred to a supervisor (declined remedy, suspected malicious complaint). */
  ESCALATED,
  /** The customer agreed the remedy; it is being carried out. */
  REMEDY_AGREED,
  /** The remedy was carried out; waiting for the customer to confirm the resolution. */
  AWAITING_CONFIRMATION,
  /** Finished: see {@link ClosureReason}. */
  CLOSED;

  public boolean isOpen() {
    return this != CLOSED;
  }
}
