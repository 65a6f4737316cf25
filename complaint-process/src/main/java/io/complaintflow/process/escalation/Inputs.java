package io.complaintflow.process.escalation;

import org.camunda.bpm.engine.delegate.DelegateExecution;

import io.complaintflow.process.complaint.Complaint;
import io.complaintflow.process.complaint.ComplaintHistory;

/** Reads the inputs the escalation model gives its steps (BPMN input parameters). */
final class Inputs {

  private Inputs() {
  }

  static String required(DelegateExecution execution, String name) {
    Object value = execution.getVariable(name);
    if (value == null || value.toString().isBlank()) {
      throw new IllegalStateException(execution.getCurrentActivityId() + " needs the input parameter '" + name + "'");
    }
    return value.toString();
  }

  static boolean isFirstResponse(String clock) {
    return switch (clock) {
      case "FIRST_RESPONSE" -> true;
      case "RESOLUTION" -> false;
      default -> throw new IllegalStateException("unknown SLA clock " + clock);
    };
  }

  static Complaint complaint(DelegateExecution execution, ComplaintHistory history) {
    return history.complaint(((Number) execution.getVariable(EscalationProcess.Vars.COMPLAINT_ID)).longValue());
  }
}
