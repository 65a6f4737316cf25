package io.complaintflow.process.launch;

/** Names shared between {@code bpmn/launch-review.bpmn}, the API that starts it and the Java code. */
public final class LaunchReviewProcess {

  public static final String KEY = "LaunchReviewProcess";

  /** Process variables. */
  public static final class Vars {
    public static final String REVIEW_ID = "launchReviewId";
    public static final String PRODUCT_CODE = "productCode";
    public static final String PRODUCT_NAME = "productName";
    public static final String PRODUCT_LINE = "productLine";
    public static final String DESCRIPTION = "productDescription";
    public static final String LAUNCH_DATE = "launchDate";
    /** The past complaints on similar products, as text for the forms. */
    public static final String PAST_COMPLAINTS = "pastComplaints";
    public static final String FINDINGS = "findings";
    public static final String IMPROVEMENT_REQUESTS = "improvementRequests";
    public static final String IMPROVEMENTS_REQUESTED = "improvementsRequested";
    public static final String RESPONSE_DUE_AT = "responseDueAt";
    public static final String RESPONSE_REMINDER_AT = "responseReminderAt";
    public static final String PRODUCT_RESPONSE = "productResponse";
    public static final String HANDLING_PLAN = "handlingPlan";

    private Vars() {
    }
  }

  private LaunchReviewProcess() {
  }
}
