package io.complaintflow.process.complaint;

import java.time.Instant;

import org.springframework.data.annotation.Id;
import org.springframework.data.relational.core.mapping.Table;

/** One entry of a complaint's history: who did what, when. */
@Table
public record ComplaintEvent(@Id Long id, long complaintId, Instant occurredAt, ComplaintEventType type, String actor,
    String detail, boolean customerVisible) {

  public static ComplaintEvent of(long complaintId, Instant at, ComplaintEventType type, String actor, String detail) {
    return new ComplaintEvent(null, complaintId, at, type, actor, detail, type.customerVisible());
  }
}
