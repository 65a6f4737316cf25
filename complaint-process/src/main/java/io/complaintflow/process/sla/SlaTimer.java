package io.complaintflow.process.sla;

/** The timers of {@code bpmn/complaint-escalation.bpmn}, each computed by {@link SlaClock#dueAt}. */
public enum SlaTimer {
  FIRST_RESPONSE_WARNING, FIRST_RESPONSE_BREACH, RESOLUTION_WARNING, RESOLUTION_BREACH, ESCALATION_TO_MANAGER,
  ESCALATION_TO_DIRECTOR, CUSTOMER_INFORMATION_WAIT
}
