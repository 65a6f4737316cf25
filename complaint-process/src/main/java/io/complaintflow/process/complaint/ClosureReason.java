package io.complaintflow.process.complaint;

/** Why a complaint was closed. */
public enum ClosureReason {
  /** Remedy carried out and confirmed by the customer. */
  RESOLVED,
  /** Confirmed by a supervisor as a malicious complaint (恶意投诉) and answered firmly. */
  MALICIOUS,
  /** Left the complaint route for legal handling (法律途径). */
  LEGAL
}
