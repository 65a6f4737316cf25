package io.complaintflow.process.authorization;

/** Names shared between {@code bpmn/remedy-approval.bpmn}, its callers and the Java code. */
public final class RemedyApprovalProcess {

  public static final String KEY = "RemedyApprovalProcess";
  public static final String DECISION = "RemedyAuthority";

  /** Process variables. */
  public static final class Vars {
    public static final String COMPLAINT_ID = "complaintId";
    public static final String REMEDY_TYPE = "remedyType";
    public static final String REMEDY_AMOUNT = "remedyAmount";
    public static final String REMEDY_DESCRIPTION = "remedyDescription";
    public static final String CUSTOMER_TIER = "customerTier";
    /** Who proposed the remedy, and at which level they act. */
    public static final String PROPOSER = "proposer";
    public static final String PROPOSER_LEVEL = "proposerLevel";
    /** The authority table's answer (a map: requiredLevel, authorityRule). */
    public static final String AUTHORITY = "authority";
    public static final String REQUIRED_LEVEL = "requiredLevel";
    public static final String REQUIRED_LEVEL_TITLE = "requiredLevelTitle";
    public static final String AUTHORITY_RULE = "authorityRule";
    public static final String WITHIN_AUTHORITY = "withinAuthority";
    /** The level (and its group) asked to approve now; climbs one level at a time. */
    public static final String APPROVAL_LEVEL = "approvalLevel";
    public static final String APPROVAL_LEVEL_TITLE = "approvalLevelTitle";
    public static final String APPROVAL_GROUP = "approvalGroup";
    /** The approver's answer: APPROVE, ENDORSE or REJECT, and why. */
    public static final String APPROVAL_DECISION = "approvalDecision";
    public static final String APPROVAL_REASON = "approvalReason";
    /** The outcome for the caller. */
    public static final String REMEDY_APPROVED = "remedyApproved";
    public static final String REJECTION_REASON = "rejectionReason";

    private Vars() {
    }
  }

  private RemedyApprovalProcess() {
  }
}
