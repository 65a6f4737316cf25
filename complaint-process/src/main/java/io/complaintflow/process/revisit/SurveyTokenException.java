package io.complaintflow.process.revisit;

/** A survey token that cannot be used: unknown, already answered, or past its answer time. */
public class SurveyTokenException extends RuntimeException {

  public enum Reason {
    UNKNOWN, ANSWERED, EXPIRED
  }

  private final Reason reason;

  public SurveyTokenException(Reason reason) {
    super("revisit survey token " + reason.name().toLowerCase(java.util.Locale.ROOT));
    this.reason = reason;
  }

  public Reason reason() {
    return reason;
  }
}
