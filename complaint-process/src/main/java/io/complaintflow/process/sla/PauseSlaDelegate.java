package io.complaintflow.process.sla;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import io.complaintflow.process.complaint.ComplaintHistory;

/** 暂停服务计时: the complaint waits for the customer; its SLA clocks stand still. Input {@code reason}. */
@Component("pauseSlaDelegate")
public class PauseSlaDelegate implements JavaDelegate {

  private final SlaClock slaClock;
  private final ComplaintHistory history;

  public PauseSlaDelegate(SlaClock slaClock, ComplaintHistory history) {
    this.slaClock = slaClock;
    this.history = history;
  }

  @Override
  public void execute(DelegateExecution execution) {
    long complaintId = ((Number) execution.getVariable("complaintId")).longValue();
    slaClock.pause(history.complaint(complaintId), String.valueOf(execution.getVariable("reason")));
  }
}
