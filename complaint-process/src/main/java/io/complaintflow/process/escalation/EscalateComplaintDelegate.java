package io.complaintflow.process.escalation;

import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;

import io.complaintflow.process.complaint.Complaint;
import io.complaintflow.process.complaint.ComplaintEventType;
import io.complaintflow.process.complaint.ComplaintHistory;
import io.complaintflow.process.staff.StaffLevel;

/**
 * 升级: brings the next level in. Records the level on the complaint (it only ever rises) and raises the priority of
 * the complaint's open tasks so that they come first in Tasklist. Inputs {@code level} and {@code reason}.
 */
@Component("escalateComplaintDelegate")
public class EscalateComplaintDelegate implements JavaDelegate {

  private final ComplaintHistory history;
  private final TaskService tasks;

  public EscalateComplaintDelegate(ComplaintHistory history, TaskService tasks) {
    this.history = history;
    this.tasks = tasks;
  }

  @Override
  public void execute(DelegateExecution execution) {
    StaffLevel level = StaffLevel.valueOf(Inputs.required(execution, EscalationProcess.Vars.LEVEL));
    String reason = Inputs.required(execution, EscalationProcess.Vars.REASON);
    Complaint c = Inputs.complaint(execution, history);
    if (c.escalateTo(level)) {
      history.record(c, ComplaintEventType.ESCALATED, ComplaintHistory.SYSTEM, level + " / " + reason);
    }
    int priority = priorityAt(level);
    for (Task task : tasks.createTaskQuery().processInstanceBusinessKey(c.getTicket()).list()) {
      if (task.getPriority() < priority) {
        task.setPriority(priority);
        tasks.saveTask(task);
      }
    }
  }

  /** Task priority of a complaint escalated to a level: above any intake priority (VIP is 90). */
  static int priorityAt(StaffLevel level) {
    return 90 + 3 * level.ordinal();
  }
}
