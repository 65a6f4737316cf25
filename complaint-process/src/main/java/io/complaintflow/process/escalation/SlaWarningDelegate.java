package io.complaintflow.process.escalation;

import java.time.Instant;
import java.util.Date;

import io.complaintflow.process.complaint.CustomerTier;
import io.complaintflow.process.staff.StaffGroups;

import java.time.Clock;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import io.complaintflow.process.complaint.Complaint;
import io.complaintflow.process.complaint.ComplaintEventType;
import io.complaintflow.process.complaint.ComplaintHistory;

/**
 * 发出时限预警: a clock passed its warning share; recorded on the complaint. Input {@code clock}. Leaves for the
 * notification step who is warned ({@code alertUser}: the owner; {@code alertGroup}: the group that registers the
 * complaint while it has none), {@code dueAt} and {@code slaClockTitle}.
 */
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
    boolean firstResponse = Inputs.isFirstResponse(which);
    execution.setVariable("alertUser", c.getOwner());
    execution.setVariable("alertGroup", c.getOwner() != null ? null
        : c.getCustomerTier() == CustomerTier.VIP ? StaffGroups.VIP_DESK : StaffGroups.AGENTS);
    Instant due = firstResponse ? c.getFirstResponseDueAt() : c.getResolutionDueAt();
    execution.setVariable("dueAt", due == null ? null : Date.from(due));
    execution.setVariable("slaClockTitle", firstResponse ? "首次响应时限将至" : "解决时限将至");
  }
}
