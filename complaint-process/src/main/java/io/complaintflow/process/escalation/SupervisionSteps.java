package io.complaintflow.process.escalation;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

import io.complaintflow.process.complaint.ComplaintEventType;
import io.complaintflow.process.complaint.ComplaintHistory;
import io.complaintflow.process.forms.FormInput;

/**
 * 督办: a supervisor, manager or director who was brought in records what they instructed the owner to do. The
 * {@code complete} listener of the supervision tasks of {@code bpmn/complaint-escalation.bpmn}.
 */
@Component("supervisionSteps")
public class SupervisionSteps implements TaskListener {

  private final ComplaintHistory history;

  public SupervisionSteps(ComplaintHistory history) {
    this.history = history;
  }

  @Override
  public void notify(DelegateTask task) {
    String note = FormInput.of(task).requiredText("supervisionNote", "督办意见", 2000);
    String actor = FormInput.completedBy(task);
    long complaintId = ((Number) task.getVariable(EscalationProcess.Vars.COMPLAINT_ID)).longValue();
    history.record(history.complaint(complaintId), ComplaintEventType.SUPERVISED, actor,
        task.getTaskDefinitionKey() + ": " + note);
  }
}
