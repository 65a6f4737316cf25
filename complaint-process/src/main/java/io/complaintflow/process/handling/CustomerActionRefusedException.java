package io.complaintflow.process.handling;

/** A customer asked for something the complaint's state does not allow now; nothing was changed. */
public class CustomerActionRefusedException extends RuntimeException {

  /** Why the request was refused; the API turns each into a message in the customer's language. */
  public enum Reason {
    NOT_AWAITING_CONFIRMATION, NOT_AWAITING_INFORMATION, NOT_CLOSED_AS_RESOLVED, REOPEN_PERIOD_OVER
  }

  private final Reason reason;

  public CustomerActionRefusedException(Reason reason, String message) {
    super(message);
    this.reason = reason;
  }

  public Reason reason() {
    return reason;
  }
}
