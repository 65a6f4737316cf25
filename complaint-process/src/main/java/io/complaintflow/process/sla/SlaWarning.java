package io.complaintflow.process.sla;

import java.time.Instant;

import io.complaintflow.process.complaint.CustomerTier;

/**
 * One SLA warning given by {@link SlaWarningSweep}: a clock of a complaint has used up its warning share.
 *
 * @param firstResponse the first-response clock ({@code false}: the resolution clock)
 * @param dueAt when the clock runs out
 * @param warnedAt when the warning was given
 * @param alertUser who is warned: the complaint's owner; {@code null} while it has none
 * @param alertGroup who is warned while the complaint has no owner: the group that registers it
 */
public record SlaWarning(long complaintId, String ticket, String customerName, String productName,
    CustomerTier customerTier, boolean firstResponse, Instant dueAt, Instant warnedAt, String alertUser,
    String alertGroup) {

  /** The clock's name in the complaint's history: {@code FIRST_RESPONSE} or {@code RESOLUTION}. */
  public String clock() {
    return firstResponse ? "FIRST_RESPONSE" : "RESOLUTION";
  }
}
