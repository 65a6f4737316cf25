package io.complaintflow.notifications.delegate;

import java.util.HashMap;
import java.util.Map;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import io.complaintflow.notifications.Notification;
import io.complaintflow.notifications.Notifications;
import io.complaintflow.notifications.Recipient;
import io.complaintflow.notifications.Template;

/**
 * BPMN step "tell the customer": {@code camunda:delegateExpression="${notifyCustomerDelegate}"} with an input
 * parameter {@code template} (a {@link Template} name, e.g. {@code ACKNOWLEDGEMENT}). Sends to the customer of the
 * process variable {@code complaintId}. Further input parameters of the step (e.g. {@code reply},
 * {@code surveyUrl}) are passed to the template. The key is {@code processInstanceId:activityInstanceId}: a retried
 * step never sends twice. The delegate only writes the outbox row, so it commits or rolls back with the step.
 */
@Component("notifyCustomerDelegate")
class NotifyCustomerDelegate implements JavaDelegate {

  private final Notifications notifications;

  NotifyCustomerDelegate(Notifications notifications) {
    this.notifications = notifications;
  }

  @Override
  public void execute(DelegateExecution execution) {
    Template template = StepVariables.template(execution);
    long complaintId = StepVariables.complaintId(execution);
    Map<String, Object> variables = new HashMap<>(execution.getVariablesLocal());
    variables.remove(StepVariables.TEMPLATE);
    notifications.send(new Notification(StepVariables.key(execution), template, complaintId,
        Recipient.customerOf(complaintId), variables, false));
  }
}
