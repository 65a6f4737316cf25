package io.complaintflow.process.escalation;

/** Names shared between {@code bpmn/complaint-escalation.bpmn} and the Java code. */
public final class EscalationProcess {

  public static final String KEY = "ComplaintEscalationProcess";
  public static final String MSG_FIRST_RESPONDED = "Msg_FirstResponded";
  public static final String MSG_COMPLAINT_CLOSED = "Msg_ComplaintClosed";
  public static final String MSG_ESCALATION_DEMANDED = "Msg_EscalationDemanded";

  /** Process variables. */
  public static final class Vars {
    public static final String COMPLAINT_ID = "complaintId";
    public static final String TICKET = "ticket";
    /** Local input of the SLA steps: FIRST_RESPONSE or RESOLUTION. */
    public static final String CLOCK = "clock";
    /** Local input of the escalation step: SUPERVISOR, MANAGER or DIRECTOR. */
    public static final String LEVEL = "level";
    /** Local input of the escalation step: why (SLA_BREACH, CUSTOMER_DEMAND). */
    public static final String REASON = "reason";
    /** Why the customer demanded an escalation (SUPERIOR, MEDIA, REGULATOR, LEGAL) and what they said. */
    public static final String DEMAND = "demand";
    public static final String DEMAND_NOTE = "demandNote";

    private Vars() {
    }
  }

  private EscalationProcess() {
  }
}
