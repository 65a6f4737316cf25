package io.complaintflow.process.analysis;

/** Names shared between {@code bpmn/hot-spot-analysis.bpmn}, the API that starts it and the Java code. */
public final class HotSpotAnalysisProcess {

  public static final String KEY = "HotSpotAnalysisProcess";
  /** Starts an analysis on demand (the API); the monthly one starts by its timer. */
  public static final String MESSAGE_REQUESTED = "Msg_AnalysisRequested";
  /** How many improvement projects the meeting form has rows for. */
  public static final int PROJECT_ROWS = 3;

  /** Process variables. */
  public static final class Vars {
    /** The period to analyse (ISO instants); absent when the monthly timer started it: the last calendar month. */
    public static final String PERIOD_FROM = "periodFrom";
    public static final String PERIOD_TO = "periodTo";
    /** Who asked for the report; absent for the monthly run. */
    public static final String REQUESTED_BY = "requestedBy";
    public static final String REPORT_ID = "reportId";
    /** The key figures as text for the meeting form. */
    public static final String REPORT_SUMMARY = "reportSummary";
    public static final String PERIOD_TEXT = "periodText";
    public static final String MEETING_MINUTES = "meetingMinutes";
    /** Project rows of the meeting form: {@code project1Title}, {@code project1Goal}, … up to {@link #PROJECT_ROWS}. */
    public static final String PROJECT_PREFIX = "project";
    public static final String PROJECT_IDS = "projectIds";
    public static final String PROJECT_COUNT = "projectCount";
    /** Loop variable of the project sub-process, and what it sets for its steps. */
    public static final String PROJECT_ID = "projectId";
    public static final String PROJECT_TITLE = "projectTitle";
    public static final String PROJECT_GOAL = "projectGoal";
    public static final String PROJECT_DEPARTMENT = "projectDepartment";
    public static final String PROJECT_DEPARTMENT_TITLE = "projectDepartmentTitle";
    public static final String PROJECT_DUE_AT = "projectDueAt";
    public static final String PROJECT_REMINDER_AT = "projectReminderAt";
    public static final String PROJECT_RESULT = "projectResult";
    public static final String SUPERVISION_NOTE = "supervisionNote";

    private Vars() {
    }
  }

  private HotSpotAnalysisProcess() {
  }
}
