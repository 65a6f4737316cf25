package io.complaintflow.notifications.delegate;

import java.util.HashMap;
import java.util.Map;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.stereotype.Component;

import io.complaintflow.notifications.Notification;
import io.complaintflow.notifications.Notifications;
import io.complaintflow.notifications.Recipient;
import io.complaintflow.notifications.Template;

/**
 * "A task was assigned to you": a task listener for the {@code assignment} event
 * ({@code <camunda:taskListener event="assignment" delegateExpression="${taskAssignedNotifier}"/>}). Sends
 * {@link Template#TASK_ASSIGNED} to the new assignee, with the task's name, due date, id (Tasklist link) and the
 * process variables {@code ticket}, {@code customerName}, {@code productName} and {@code complaintId}. Nothing is sent
 * when staff claim a task themselves. Key: {@code taskId:assignee}, once per task and assignee.
 */
@Component("taskAssignedNotifier")
class TaskAssignedNotifier implements TaskListener {

  private final Notifications notifications;

  TaskAssignedNotifier(Notifications notifications) {
    this.notifications = notifications;
  }

  @Override
  public void notify(DelegateTask task) {
    String assignee = task.getAssignee();
    if (assignee == null || assignee.isBlank() || assignee.equals(currentUser(task))) {
      return;
    }
    Map<String, Object> variables = new HashMap<>();
    variables.put("taskName", task.getName());
    variables.put("taskId", task.getId());
    variables.put("dueAt", task.getDueDate());
    variables.put("ticket", task.getVariable("ticket"));
    variables.put("customerName", task.getVariable("customerName"));
    variables.put("productName", task.getVariable("productName"));
    notifications.send(new Notification(task.getId() + ":" + assignee, Template.TASK_ASSIGNED,
        StepVariables.optionalComplaintId(task), Recipient.staffUser(assignee), variables, false));
  }

  private static String currentUser(DelegateTask task) {
    Authentication auth = task.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
    return auth == null ? null : auth.getUserId();
  }
}
