package io.complaintflow.process.linkage;

/** Names shared between {@code bpmn/department-linkage.bpmn}, its caller and the Java code. */
public final class DepartmentLinkageProcess {

  public static final String KEY = "DepartmentLinkageProcess";

  /** Process variables. */
  public static final class Vars {
    public static final String COMPLAINT_ID = "complaintId";
    public static final String OWNER = "owner";
    /** The department asked (a {@code Department} code), the question, and the working hours it has to reply. */
    public static final String DEPARTMENT = "department";
    public static final String INQUIRY = "inquiry";
    public static final String REPLY_WITHIN_HOURS = "replyWithinHours";
    public static final String INQUIRY_ID = "inquiryId";
    public static final String DEPARTMENT_GROUP = "departmentGroup";
    /** The department head told of an overdue reply (configuration), or {@code null}. */
    public static final String DEPARTMENT_HEAD = "departmentHead";
    public static final String DEPARTMENT_TITLE = "departmentTitle";
    public static final String REPLY_DUE_AT = "replyDueAt";
    public static final String REPLY_REMINDER_AT = "replyReminderAt";
    public static final String DEPARTMENT_REPLY = "departmentReply";
    public static final String SATISFACTION = "replySatisfaction";
    public static final String RATING_COMMENT = "ratingComment";

    private Vars() {
    }
  }

  private DepartmentLinkageProcess() {
  }
}
