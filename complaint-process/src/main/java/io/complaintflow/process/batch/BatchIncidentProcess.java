package io.complaintflow.process.batch;

/** Names shared between {@code bpmn/batch-incident.bpmn} and the Java code. */
public final class BatchIncidentProcess {

  public static final String KEY = "BatchIncidentProcess";

  /** Process variables. */
  public static final class Vars {
    public static final String INCIDENT_ID = "batchIncidentId";
    public static final String DEPARTMENT = "department";
    public static final String DEPARTMENT_GROUP = "departmentGroup";
    public static final String DEPARTMENT_TITLE = "departmentTitle";
    public static final String PRODUCT_NAME = "productName";
    public static final String CATEGORY = "category";
    public static final String COMPLAINT_COUNT = "complaintCount";
    public static final String SCRIPTED_ANSWER = "scriptedAnswer";
    public static final String CAUSE = "batchCause";
    public static final String RESOLUTION = "batchResolution";
    public static final String CLOSURE_DECISION = "batchClosureDecision";

    private Vars() {
    }
  }

  private BatchIncidentProcess() {
  }
}
