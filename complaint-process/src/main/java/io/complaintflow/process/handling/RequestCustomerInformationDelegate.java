package io.complaintflow.process.handling;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import io.complaintflow.process.complaint.Complaint;
import io.complaintflow.process.complaint.ComplaintEventType;
import io.complaintflow.process.complaint.ComplaintHistory;

/** 请客户补充信息: the complaint now waits for the customer, who sees the question in the status history. */
@Component("requestCustomerInformationDelegate")
public class RequestCustomerInformationDelegate implements JavaDelegate {

  private final ComplaintHistory history;

  public RequestCustomerInformationDelegate(ComplaintHistory history) {
    this.history = history;
  }

  @Override
  public void execute(DelegateExecution execution) {
    Complaint c = history.complaint(((Number) execution.getVariable(HandlingProcess.Vars.COMPLAINT_ID)).longValue());
    c.awaitCustomer();
    history.record(c, ComplaintEventType.INFORMATION_REQUESTED, (String) execution.getVariable(HandlingProcess.Vars.OWNER),
        (String) execution.getVariable("informationRequest"));
  }
}
