package io.complaintflow.process.revisit;

/** Names shared between {@code bpmn/complaint-revisit.bpmn}, {@code dmn/revisit-policy.dmn} and the Java code. */
public final class RevisitProcess {

  public static final String KEY = "ComplaintRevisitProcess";
  public static final String POLICY_DECISION = "RevisitPolicy";
  /** The customer answered the survey through the public API. */
  public static final String MSG_SURVEY_ANSWERED = "Msg_RevisitSurveyAnswered";

  /** Process variables. */
  public static final class Vars {
    public static final String COMPLAINT_ID = "complaintId";
    public static final String CLOSED_AT = "closedAt";
    public static final String REVISIT_METHOD = "revisitMethod";
    public static final String REVISIT_METHOD_TITLE = "revisitMethodTitle";
    public static final String REVISIT_HINT = "revisitHint";
    public static final String REVISIT_GROUP = "revisitGroup";
    public static final String REVISIT_AT = "revisitAt";
    public static final String STILL_DUE = "revisitStillDue";
    public static final String SURVEY_ID = "surveyId";
    public static final String SURVEY_DEADLINE = "surveyDeadline";
    public static final String CUSTOMER_REACHED = "customerReached";
    public static final String SATISFIED = "revisitSatisfied";
    public static final String SCORES = "revisitScores";
    public static final String COMMENT = "revisitComment";
    public static final String UNSATISFIED_ROUTE = "unsatisfiedRoute";
    public static final String REVIEW_DECISION = "revisitReviewDecision";

    private Vars() {
    }
  }

  private RevisitProcess() {
  }
}
