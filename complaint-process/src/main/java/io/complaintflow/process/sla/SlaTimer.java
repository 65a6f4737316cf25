package io.complaintflow.process.sla;

/**
 * The moments of a complaint's SLA clocks ({@link SlaClock#timerDue}): the warnings, which {@link SlaWarningSweep}
 * gives, and the timers of {@code bpmn/complaint-escalation.bpmn}, whose expressions call {@link SlaClock#dueAt}.
 */
public enum SlaTimer {
  FIRST_RESPONSE_WARNING, FIRST_RESPONSE_BREACH, RESOLUTION_WARNING, RESOLUTION_BREACH, ESCALATION_TO_MANAGER,
  ESCALATION_TO_DIRECTOR, CUSTOMER_INFORMATION_WAIT
}
