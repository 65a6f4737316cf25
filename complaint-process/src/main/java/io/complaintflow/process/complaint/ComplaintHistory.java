package io.complaintflow.process.complaint;

import java.time.Clock;
import java.util.List;

import org.springframework.stereotype.Service;

/**
 * Saves a complaint together with the history entry that explains the change, in the caller's transaction
 * (the engine's, when called from a BPMN step).
 */
@Service
public class ComplaintHistory {

  /** Actor of steps the customer took. */
  public static final String CUSTOMER = "customer";
  /** Actor of steps the platform took by itself. */
  public static final String SYSTEM = "system";

  private final ComplaintRepository complaints;
  private final ComplaintEventRepository events;
  private final Clock clock;

  public ComplaintHistory(ComplaintRepository complaints, ComplaintEventRepository events, Clock clock) {
    this.complaints = complaints;
    this.events = events;
    this.clock = clock;
  }

  public Complaint complaint(long id) {
    return complaints.findById(id).orElseThrow(() -> new IllegalStateException("no complaint with id " + id));
  }

  public Complaint record(Complaint complaint, ComplaintEventType type, String actor, String detail) {
    Complaint saved = complaints.save(complaint);
    events.save(ComplaintEvent.of(saved.getId(), clock.instant(), type, actor, detail));
    return saved;
  }

  public List<ComplaintEvent> all(long complaintId) {
    return events.findByComplaintIdOrderByOccurredAtAscIdAsc(complaintId);
  }

  public List<ComplaintEvent> customerVisible(long complaintId) {
    return events.findByComplaintIdAndCustomerVisibleTrueOrderByOccurredAtAscIdAsc(complaintId);
  }
}
