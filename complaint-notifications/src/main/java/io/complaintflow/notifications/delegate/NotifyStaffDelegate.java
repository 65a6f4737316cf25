package io.complaintflow.notifications.delegate;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import io.complaintflow.notifications.Notification;
import io.complaintflow.notifications.Notifications;
import io.complaintflow.notifications.Recipient;
import io.complaintflow.notifications.Template;

/**
 * BPMN step "tell staff": {@code camunda:delegateExpression="${notifyStaffDelegate}"} with input parameters
 * {@code template} (a {@link Template} name), one of {@code recipientUser}, {@code recipientGroup} or
 * {@code recipientWebhook}, and optionally {@code urgent} (Boolean) and {@code detail} (text). The template gets the
 * process variables {@value #PROCESS_VARIABLES_DOC} (input parameters of the step take precedence) and the step's other
 * input parameters. Key: {@code processInstanceId:activityInstanceId} (plus {@code :userId} per group member).
 */
@Component("notifyStaffDelegate")
class NotifyStaffDelegate implements JavaDelegate {

  static final String PROCESS_VARIABLES_DOC = "ticket, customerName, productName, customerTier, taskName, taskId, "
      + "dueAt, level, detail, count";
  static final List<String> PROCESS_VARIABLES = List.of("ticket", "customerName", "productName", "customerTier",
      "taskName", "taskId", "dueAt", "level", "detail", "count");

  private final Notifications notifications;

  NotifyStaffDelegate(Notifications notifications) {
    this.notifications = notifications;
  }

  @Override
  public void execute(DelegateExecution execution) {
    Template template = StepVariables.template(execution);
    Recipient recipient = recipient(execution);
    Map<String, Object> variables = new HashMap<>();
    for (String name : PROCESS_VARIABLES) {
      variables.put(name, execution.getVariable(name));
    }
    variables.putAll(execution.getVariablesLocal());
    List.of(StepVariables.TEMPLATE, StepVariables.RECIPIENT_USER, StepVariables.RECIPIENT_GROUP,
        StepVariables.RECIPIENT_WEBHOOK, StepVariables.URGENT).forEach(variables::remove);
    boolean urgent = Boolean.TRUE.equals(execution.getVariableLocal(StepVariables.URGENT))
        || "true".equals(String.valueOf(execution.getVariableLocal(StepVariables.URGENT)));
    notifications.send(new Notification(StepVariables.key(execution), template,
        StepVariables.optionalComplaintId(execution), recipient, variables, urgent));
  }

  private static Recipient recipient(DelegateExecution execution) {
    String user = StepVariables.localText(execution, StepVariables.RECIPIENT_USER);
    String group = StepVariables.localText(execution, StepVariables.RECIPIENT_GROUP);
    String webhook = StepVariables.localText(execution, StepVariables.RECIPIENT_WEBHOOK);
    int given = (user != null ? 1 : 0) + (group != null ? 1 : 0) + (webhook != null ? 1 : 0);
    if (given != 1) {
      throw new IllegalStateException("notification step " + execution.getCurrentActivityId() + " needs exactly one "
          + "of the input parameters recipientUser, recipientGroup, recipientWebhook");
    }
    return user != null ? Recipient.staffUser(user)
        : group != null ? Recipient.staffGroup(group) : Recipient.webhook(webhook);
  }
}
