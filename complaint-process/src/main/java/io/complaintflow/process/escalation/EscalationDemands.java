package io.complaintflow.process.escalation;

import java.util.Map;

import org.camunda.bpm.engine.RuntimeService;
import org.springframework.stereotype.Service;

import io.complaintflow.process.complaint.Complaint;
import io.complaintflow.process.complaint.ComplaintEventType;
import io.complaintflow.process.complaint.ComplaintHistory;

/**
 * A customer asks for a superior, or threatens to go to the media, a regulator or court (seed 002 J.2): a manager is
 * brought in at once through the complaint's escalation process.
 */
@Service
public class EscalationDemands {

  /** What the customer demanded or threatened. */
  public enum Demand {
    SUPERIOR, MEDIA, REGULATOR, LEGAL
  }

  private final ComplaintHistory history;
  private final RuntimeService runtime;

  public EscalationDemands(ComplaintHistory history, RuntimeService runtime) {
    this.history = history;
    this.runtime = runtime;
  }

  /** Records the demand and escalates; {@code false} when the complaint's clocks have already stopped (closed). */
  public boolean demand(Complaint c, Demand demand, String note, String reportedBy) {
    var escalation = runtime.createProcessInstanceQuery().processDefinitionKey(EscalationProcess.KEY)
        .processInstanceBusinessKey(c.getTicket()).list().stream().findFirst();
    if (escalation.isEmpty()) {
      return false;
    }
    history.record(c, ComplaintEventType.ESCALATION_DEMANDED, reportedBy, demand + ": " + note);
    runtime.createMessageCorrelation(EscalationProcess.MSG_ESCALATION_DEMANDED)
        .processInstanceId(escalation.get().getId())
        .setVariables(Map.of(EscalationProcess.Vars.DEMAND, demand.name(), EscalationProcess.Vars.DEMAND_NOTE, note))
        .correlate();
    return true;
  }
}
