package io.complaintflow.process.cases;

/** A complaint cannot be nominated as an exemplary case; nothing was stored. */
public class CaseNominationRefusedException extends RuntimeException {

  /** Why. */
  public enum Reason {
    /** Only closed complaints are written up. */
    NOT_CLOSED,
    /** The complaint already has a case in review, in rework or in the library. */
    ALREADY_NOMINATED
  }

  private final Reason reason;

  public CaseNominationRefusedException(Reason reason) {
    super(reason.name());
    this.reason = reason;
  }

  public Reason reason() {
    return reason;
  }
}
