package io.complaintflow.process.complaint;

import java.time.Instant;

/**
 * What staff filter complaint lists by; {@code null} means "any". {@code receivedFrom} is inclusive,
 * {@code receivedTo} exclusive.
 */
public record ComplaintFilter(ComplaintStatus status, String category, String department, String owner,
    CustomerTier customerTier, Instant receivedFrom, Instant receivedTo) {

  public static ComplaintFilter any() {
    return new ComplaintFilter(null, null, null, null, null, null, null);
  }
}
