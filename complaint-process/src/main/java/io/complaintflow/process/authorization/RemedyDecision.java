package io.complaintflow.process.authorization;

import java.math.BigDecimal;
import java.time.Instant;

import org.springframework.data.annotation.Id;
import org.springframework.data.relational.core.mapping.Table;

import io.complaintflow.process.staff.StaffLevel;

/**
 * One decision on a remedy (授权机制): who decided, at which level, on what amount, under which rule of the authority
 * table.
 */
@Table
public record RemedyDecision(@Id Long id, long complaintId, String remedyType, BigDecimal remedyAmount,
    String customerTier, StaffLevel requiredLevel, String authorityRule, String proposer, StaffLevel proposerLevel,
    String decidedBy, StaffLevel decidedLevel, Decision decision, String reason, Instant decidedAt) {

  /** What was decided. */
  public enum Decision {
    /** The remedy lies within the proposer's own authority: granted on the spot. */
    WITHIN_AUTHORITY,
    /** A level that may not decide agreed and passed it up. */
    ENDORSED,
    /** A level with the authority approved it. */
    APPROVED,
    /** Refused; back to the proposer with the reason. */
    REJECTED
  }
}
