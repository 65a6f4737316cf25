package io.complaintflow.process.revisit;

/** What happens to a complaint whose customer was unsatisfied at the revisit. */
public enum UnsatisfiedRoute {
  /** Straight back to its owner, who investigates again. */
  REOPEN,
  /** A supervisor reviews the answer and decides to reopen it or to uphold the closure. */
  SUPERVISOR_REVIEW
}
