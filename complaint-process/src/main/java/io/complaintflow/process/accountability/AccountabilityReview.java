package io.complaintflow.process.accountability;

import java.time.Instant;

import org.springframework.data.annotation.Id;
import org.springframework.data.relational.core.mapping.Table;

/**
 * A root-cause review of a complaint, or of a batch incident, that went badly (问责机制, seed 002 J.3): the
 * responsible department's head names the cause, the person responsible and the corrective action with its due date;
 * a quality manager signs it off; the action is tracked until done.
 */
@Table
public class AccountabilityReview {

  @Id
  private Long id;
  private Long complaintId;
  private Long batchIncidentId;
  private String reviewTrigger;
  private String department;
  private Instant openedAt;
  private String rootCause;
  private String responsiblePerson;
  private String correctiveAction;
  private Instant actionDueAt;
  private String recordedBy;
  private Instant recordedAt;
  private String signedOffBy;
  private Instant signedOffAt;
  private Instant completedAt;
  private String completionNote;
  private Instant remindedAt;
  private Instant overdueAt;

  protected AccountabilityReview() {
  }

  public static AccountabilityReview open(Long complaintId, Long batchIncidentId, String trigger, String department,
      Instant at) {
    AccountabilityReview r = new AccountabilityReview();
    r.complaintId = complaintId;
    r.batchIncidentId = batchIncidentId;
    r.reviewTrigger = trigger;
    r.department = department;
    r.openedAt = at;
    return r;
  }

  public void record(String by, String rootCause, String responsiblePerson, String correctiveAction, Instant dueAt,
      Instant at) {
    this.recordedBy = by;
    this.rootCause = rootCause;
    this.responsiblePerson = responsiblePerson;
    this.correctiveAction = correctiveAction;
    this.actionDueAt = dueAt;
    this.recordedAt = at;
    this.signedOffBy = null;
    this.signedOffAt = null;
  }

  public void signOff(String by, Instant at) {
    this.signedOffBy = by;
    this.signedOffAt = at;
  }

  public void remind(Instant at) {
    this.remindedAt = at;
  }

  public void overdue(Instant at) {
    this.overdueAt = at;
  }

  public void complete(String note, Instant at) {
    this.completionNote = note;
    this.completedAt = at;
  }

  public Long getId() { return id; }
  public Long getComplaintId() { return complaintId; }
  public Long getBatchIncidentId() { return batchIncidentId; }
  public String getReviewTrigger() { return reviewTrigger; }
  public String getDepartment() { return department; }
  public Instant getOpenedAt() { return openedAt; }
  public String getRootCause() { return rootCause; }
  public String getResponsiblePerson() { return responsiblePerson; }
  public String getCorrectiveAction() { return correctiveAction; }
  public Instant getActionDueAt() { return actionDueAt; }
  public String getRecordedBy() { return recordedBy; }
  public Instant getRecordedAt() { return recordedAt; }
  public String getSignedOffBy() { return signedOffBy; }
  public Instant getSignedOffAt() { return signedOffAt; }
  public Instant getCompletedAt() { return completedAt; }
  public String getCompletionNote() { return completionNote; }
  public Instant getRemindedAt() { return remindedAt; }
  public Instant getOverdueAt() { return overdueAt; }
}
