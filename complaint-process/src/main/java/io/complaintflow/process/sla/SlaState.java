package io.complaintflow.process.sla;

import java.time.Duration;
import java.time.Instant;

import io.complaintflow.process.staff.StaffLevel;

/**
 * Where the SLA clocks of a complaint stand.
 *
 * @param pausedFor working time spent waiting for the customer so far (the due times have moved by it)
 * @param escalationLevel the highest level the complaint has been escalated to, {@code null} if none
 */
public record SlaState(Clock firstResponse, Clock resolution, boolean paused, Instant pausedSince, Duration pausedFor,
    StaffLevel escalationLevel) {

  /** What a clock shows. */
  public enum Status {
    /** Done in time. */
    MET,
    /** Done, but late. */
    MISSED,
    /** Running, more than the warning share left. */
    RUNNING,
    /** Running, past the warning share. */
    WARNED,
    /** Running, past its due time. */
    BREACHED,
    /** Standing still while the complaint waits for the customer. */
    PAUSED
  }

  /**
   * One clock.
   *
   * @param target the working duration promised (ISO-8601, days are working days)
   * @param timeLeft working time until due; negative when overdue; {@code null} once done
   */
  public record Clock(String target, Instant dueAt, Instant doneAt, Instant warnedAt, Instant breachedAt,
      Status status, Duration timeLeft) {
  }

  static Clock clock(String target, Instant dueAt, Instant doneAt, Instant warnedAt, Instant breachedAt,
      boolean paused, Duration timeLeft) {
    Status status;
    if (doneAt != null) {
      status = dueAt == null || !doneAt.isAfter(dueAt) ? Status.MET : Status.MISSED;
      timeLeft = null;
    } else if (breachedAt != null || (timeLeft != null && timeLeft.isNegative())) {
      status = paused ? Status.PAUSED : Status.BREACHED;
    } else if (paused) {
      status = Status.PAUSED;
    } else if (warnedAt != null) {
      status = Status.WARNED;
    } else {
      status = Status.RUNNING;
    }
    return new Clock(target, dueAt, doneAt, warnedAt, breachedAt, status, timeLeft);
  }
}
