package io.complaintflow.process.cases;

/** Names shared between {@code bpmn/case-review.bpmn}, the case library and the Java code. */
public final class CaseReviewProcess {

  public static final String KEY = "CaseReviewProcess";

  /** Process variables. */
  public static final class Vars {
    public static final String CASE_ID = "caseId";
    public static final String TICKET = "ticket";
    public static final String NOMINATED_BY = "nominatedBy";
    public static final String PRODUCT_NAME = "productName";
    public static final String CATEGORY = "category";
    /** The write-up; the rework form edits them in place. */
    public static final String TITLE = "caseTitle";
    public static final String STORY = "caseStory";
    public static final String HANDLING = "caseHandling";
    public static final String ANALYSIS = "caseAnalysis";
    /** The supervisor's decision: {@code APPROVE}, {@code REWORK} or {@code REJECT}, and the note to the nominator. */
    public static final String DECISION = "caseDecision";
    public static final String REVIEW_NOTE = "reviewNote";

    private Vars() {
    }
  }

  private CaseReviewProcess() {
  }
}
