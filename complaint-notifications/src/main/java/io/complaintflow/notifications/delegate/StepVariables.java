package io.complaintflow.notifications.delegate;

import java.util.Locale;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.VariableScope;

import io.complaintflow.notifications.Template;

/** Variable names the notification steps read, and how they read them. */
final class StepVariables {

  /** Local (input parameter): the {@link Template} name. */
  static final String TEMPLATE = "template";
  /** Local: a staff user id. */
  static final String RECIPIENT_USER = "recipientUser";
  /** Local: a Camunda group id; every member gets the message. */
  static final String RECIPIENT_GROUP = "recipientGroup";
  /** Local: a webhook endpoint name (chat bot). */
  static final String RECIPIENT_WEBHOOK = "recipientWebhook";
  /** Local, optional Boolean: urgent staff messages ignore SMS quiet hours and do not queue. */
  static final String URGENT = "urgent";
  /** Process: the complaint's id ({@code HandlingProcess.Vars.COMPLAINT_ID}). */
  static final String COMPLAINT_ID = "complaintId";

  private StepVariables() {
  }

  static Template template(VariableScope scope) {
    Object value = scope.getVariableLocal(TEMPLATE);
    if (value == null) {
      throw new IllegalStateException("notification step without input parameter '" + TEMPLATE + "'");
    }
    try {
      return Template.valueOf(value.toString().trim().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new IllegalStateException("notification step: '" + value + "' is not a template; known: "
          + java.util.Arrays.toString(Template.values()), e);
    }
  }

  static long complaintId(VariableScope scope) {
    Long id = optionalComplaintId(scope);
    if (id == null) {
      throw new IllegalStateException("notification step without process variable '" + COMPLAINT_ID + "'");
    }
    return id;
  }

  static Long optionalComplaintId(VariableScope scope) {
    Object value = scope.getVariable(COMPLAINT_ID);
    if (value == null) {
      return null;
    }
    return value instanceof Number n ? n.longValue() : Long.parseLong(value.toString());
  }

  static String localText(VariableScope scope, String name) {
    Object value = scope.getVariableLocal(name);
    return value == null || value.toString().isBlank() ? null : value.toString();
  }

  /** {@code processInstanceId:activityInstanceId}: the same for a retried step, new for each visit of the step. */
  static String key(DelegateExecution execution) {
    return execution.getProcessInstanceId() + ":" + execution.getActivityInstanceId();
  }
}
