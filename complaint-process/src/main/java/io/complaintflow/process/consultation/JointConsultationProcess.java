package io.complaintflow.process.consultation;

/** Names shared between {@code bpmn/joint-consultation.bpmn}, its caller and the Java code. */
public final class JointConsultationProcess {

  public static final String KEY = "JointConsultationProcess";

  /** Process variables. */
  public static final class Vars {
    public static final String COMPLAINT_ID = "complaintId";
    /** The departments consulted ({@code Department} codes, a list) and the question put to them. */
    public static final String DEPARTMENTS = "consultationDepartments";
    public static final String QUESTION = "consultationQuestion";
    /** Loop variable of the findings task: the department giving its findings. */
    public static final String DEPARTMENT = "department";
    public static final String FINDINGS = "consultationFindings";
    /** All findings so far, one paragraph per department, for the manager who concludes. */
    public static final String OPINIONS = "consultationOpinions";
    public static final String JOINT_DECISION = "jointDecision";

    private Vars() {
    }
  }

  private JointConsultationProcess() {
  }
}
