package io.complaintflow.process.accountability;

/** Names shared between {@code bpmn/accountability-review.bpmn}, its starters and the Java code. */
public final class AccountabilityProcess {

  public static final String KEY = "AccountabilityReviewProcess";
  public static final String TRIGGERS_DECISION = "AccountabilityTriggers";

  /** Process variables. */
  public static final class Vars {
    public static final String REVIEW_ID = "reviewId";
    public static final String COMPLAINT_ID = "complaintId";
    public static final String BATCH_INCIDENT_ID = "batchIncidentId";
    /** Why the review: ESCALATED, BREACHED, BATCH or UNSATISFIED. */
    public static final String TRIGGER = "accountabilityTrigger";
    public static final String DEPARTMENT = "department";
    public static final String DEPARTMENT_GROUP = "departmentGroup";
    public static final String DEPARTMENT_TITLE = "departmentTitle";
    public static final String ACTION_DUE_AT = "actionDueAt";
    public static final String ACTION_REMINDER_AT = "actionReminderAt";
    public static final String TRIGGER_TITLE = "triggerTitle";
    public static final String SIGN_OFF_DECISION = "signOffDecision";

    private Vars() {
    }
  }

  private AccountabilityProcess() {
  }
}
