package io.complaintflow.process.handling;

import java.time.Clock;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

import io.complaintflow.process.complaint.ClosureReason;
import io.complaintflow.process.complaint.Complaint;
import io.complaintflow.process.complaint.ComplaintEventType;
import io.complaintflow.process.complaint.ComplaintHistory;
import io.complaintflow.process.sla.SlaClock;

/**
 * 结案: stops the SLA clocks and closes the complaint for a reason (resolved, malicious, legal route), and leaves what the
 * accountability trigger table needs in the process. Called from the closing service tasks as
 * {@code ${complaintClosure.close(execution, 'RESOLVED')}}.
 */
@Component("complaintClosure")
public class ComplaintClosure {

  private final ComplaintHistory history;
  private final SlaClock slaClock;
  private final Clock clock;

  public ComplaintClosure(ComplaintHistory history, SlaClock slaClock, Clock clock) {
    this.history = history;
    this.slaClock = slaClock;
    this.clock = clock;
  }

  public void close(DelegateExecution execution, String reason) {
    ClosureReason closure = ClosureReason.valueOf(reason);
    Complaint c = history.complaint(((Number) execution.getVariable(HandlingProcess.Vars.COMPLAINT_ID)).longValue());
    c = slaClock.stop(c);
    c.close(closure, clock.instant());
    history.record(c, ComplaintEventType.CLOSED, ComplaintHistory.SYSTEM, closure.name());
    // what the accountability trigger table (AccountabilityTriggers) looks at
    execution.setVariable(HandlingProcess.Vars.ESCALATION_LEVEL,
        c.getEscalationLevel() == null ? null : c.getEscalationLevel().name());
    execution.setVariable(HandlingProcess.Vars.SLA_BREACHED,
        c.getFirstResponseBreachedAt() != null || c.getResolutionBreachedAt() != null);
  }
}
