package io.complaintflow.process.escalation;

import java.time.Clock;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import io.complaintflow.process.complaint.Complaint;
import io.complaintflow.process.complaint.ComplaintEventType;
import io.complaintflow.process.complaint.ComplaintHistory;

/** 发出时限预警: a clock passed its warning share; recorded on the complaint. Input {@code clock}. */
@Component("slaWarningDelegate")
public class SlaWarningDelegate implements JavaDelegate {

  private final ComplaintHistory history;
  private final Clock clock;

  public SlaWarningDelegate(ComplaintHistory history, Clock clock) {
    this.history = history;
    this.clock = clock;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String which = Inputs.required(execution, EscalationProcess.Vars.CLOCK);
    Complaint c = Inputs.complaint(execution, history);
    c.slaWarned(Inputs.isFirstResponse(which), clock.instant());
    history.record(c, ComplaintEventType.SLA_WARNING, ComplaintHistory.SYSTEM, which);
  }
}
