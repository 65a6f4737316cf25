package io.complaintflow.process.sla;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import io.complaintflow.process.complaint.ComplaintHistory;

/** 恢复服务计时: the clocks run again, the open due times moved by the paused working time. Input {@code reason}. */
@Component("resumeSlaDelegate")
public class ResumeSlaDelegate implements JavaDelegate {

  private final SlaClock slaClock;
  private final ComplaintHistory history;

  public ResumeSlaDelegate(SlaClock slaClock, ComplaintHistory history) {
    this.slaClock = slaClock;
    this.history = history;
  }

  @Override
  public void execute(DelegateExecution execution) {
    long complaintId = ((Number) execution.getVariable("complaintId")).longValue();
    slaClock.resume(history.complaint(complaintId), String.valueOf(execution.getVariable("reason")));
  }
}
