package io.complaintflow.process.intake;

/** The same Idempotency-Key came with a different complaint; nothing was stored. */
public class IdempotencyKeyReusedException extends RuntimeException {

  private final String ticket;

  public IdempotencyKeyReusedException(String ticket) {
    super("Idempotency-Key was already used for complaint " + ticket + " with different content");
    this.ticket = ticket;
  }

  public String ticket() {
    return ticket;
  }
}
