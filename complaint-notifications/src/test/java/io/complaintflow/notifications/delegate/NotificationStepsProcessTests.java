package io.complaintflow.notifications.delegate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.historyService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.identityService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.managementService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.taskService;

import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.history.HistoricActivityInstance;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import io.complaintflow.notifications.Notification;
import io.complaintflow.notifications.Notifications;
import io.complaintflow.notifications.Recipient;
import io.complaintflow.notifications.Template;

/**
 * The notification steps called from BPMN as the complaint models call them ({@code bpmn-test/notification-steps.bpmn20.xml}):
 * what they send, to whom, under which key. {@link Notifications} is stood in by a recorder; that its rows commit and
 * roll back with the step is shown on the real database in complaint-api ({@code NotificationDeliveryTests}).
 */
@ExtendWith(ProcessEngineExtension.class)
@Deployment(resources = "bpmn-test/notification-steps.bpmn20.xml")
class NotificationStepsProcessTests {

  /** Records what is sent; fails while told to (to make a step fail). */
  static final class RecordingNotifications implements Notifications {
    final List<Notification> sent = new ArrayList<>();
    int failuresLeft;

    @Override
    public void send(Notification n) {
      if (failuresLeft > 0) {
        failuresLeft--;
        throw new IllegalStateException("database unavailable");
      }
      sent.add(n);
    }
  }

  RecordingNotifications notifications;

  @BeforeEach
  void registerSteps() {
    notifications = new RecordingNotifications();
    Mocks.register("notifyCustomerDelegate", new NotifyCustomerDelegate(notifications));
    Mocks.register("notifyStaffDelegate", new NotifyStaffDelegate(notifications));
    Mocks.register("taskAssignedNotifier", new TaskAssignedNotifier(notifications));
  }

  @AfterEach
  void reset() {
    Mocks.reset();
    identityService().clearAuthentication();
  }

  @Test
  void acknowledgesTheCustomerUnderTheStepsKey() {
    // When
    ProcessInstance pi = start();

    // Then
    assertThat(pi).isWaitingAt("Task_TellSupervisorsOfBreach");
    assertThat(notifications.sent).hasSize(1);
    Notification n = notifications.sent.get(0);
    assertThat(n.template()).isEqualTo(Template.ACKNOWLEDGEMENT);
    assertThat(n.recipient()).isEqualTo(Recipient.customerOf(42L));
    assertThat(n.complaintId()).isEqualTo(42L);
    assertThat(n.urgent()).isFalse();
    assertThat(n.key()).isEqualTo(pi.getId() + ":" + activityInstance(pi, "Task_AcknowledgeComplaint"));
    assertThat(n.variables()).doesNotContainKey("template");
  }

  @Test
  void tellsEverySupervisorUrgentlyWithTheProcessVariablesAndRetriesAFailedStepUnderItsOwnKey() {
    // Given
    ProcessInstance pi = start();
    notifications.failuresLeft = 1;

    // When: the first attempt fails (the job is retried later), the second succeeds
    Job job = job("Task_TellSupervisorsOfBreach", pi);
    assertThatThrownBy(() -> managementService().executeJob(job.getId())).hasMessageContaining("database unavailable");
    assertThat(managementService().createJobQuery().jobId(job.getId()).singleResult().getRetries()).isEqualTo(2);
    execute(job("Task_TellSupervisorsOfBreach", pi));

    // Then
    assertThat(pi).isWaitingAt("Task_InvestigateComplaint");
    Notification n = notifications.sent.get(1);
    assertThat(n.template()).isEqualTo(Template.SLA_BREACHED);
    assertThat(n.recipient()).isEqualTo(Recipient.staffGroup("supervisors"));
    assertThat(n.urgent()).isTrue();
    assertThat(n.complaintId()).isEqualTo(42L);
    assertThat(n.key()).isEqualTo(pi.getId() + ":" + activityInstance(pi, "Task_TellSupervisorsOfBreach"));
    assertThat(n.variables()).containsEntry("ticket", "CF-20261124-000042").containsEntry("customerName", "王建国")
        .containsEntry("productName", "智能电饭煲 RC-2026").containsEntry("level", "supervisors")
        .containsEntry("detail", "首次响应已超时").doesNotContainKeys("template", "recipientGroup", "urgent");
  }

  @Test
  void tellsTheAssigneeOfATaskButNotSomeoneWhoClaimsItThemselves() {
    // Given
    ProcessInstance pi = start();
    execute(job("Task_TellSupervisorsOfBreach", pi));
    taskService().setDueDate(task(pi).getId(), new Date(1795500000000L));
    String taskId = task(pi).getId();

    // When: the owner got it when the task was created; lina is then given it; zhangwei takes it back himself
    taskService().setAssignee(taskId, "lina");
    identityService().setAuthenticatedUserId("zhangwei");
    taskService().setAssignee(taskId, "zhangwei");

    // Then
    List<Notification> assigned = notifications.sent.stream().filter(n -> n.template() == Template.TASK_ASSIGNED)
        .toList();
    assertThat(assigned).extracting(Notification::recipient)
        .containsExactly(Recipient.staffUser("zhangwei"), Recipient.staffUser("lina"));
    assertThat(assigned).extracting(Notification::key).containsExactly(taskId + ":zhangwei", taskId + ":lina");
    Notification toLina = assigned.get(1);
    assertThat(toLina.complaintId()).isEqualTo(42L);
    assertThat(toLina.variables()).containsEntry("taskName", "Investigate complaint").containsEntry("taskId", taskId)
        .containsEntry("ticket", "CF-20261124-000042").containsEntry("dueAt", new Date(1795500000000L));

    complete(task(pi));
    assertThat(pi).isEnded();
  }

  @Test
  void aStepWithoutItsTemplateFailsWithAClearMessage() {
    NotifyCustomerDelegate delegate = new NotifyCustomerDelegate(notifications);
    Mocks.register("notifyCustomerDelegate", (org.camunda.bpm.engine.delegate.JavaDelegate) execution -> {
      execution.removeVariableLocal("template");
      delegate.execute(execution);
    });

    assertThatThrownBy(() -> start()).hasMessageContaining("notification step without input parameter 'template'");
    assertThat(runtimeService().createProcessInstanceQuery().count()).isZero();
    assertThat(notifications.sent).isEmpty();
  }

  private static ProcessInstance start() {
    return runtimeService().startProcessInstanceByKey("NotificationStepsProcess", "CF-20261124-000042", Map.of(
        "complaintId", 42L, "ticket", "CF-20261124-000042", "customerName", "王建国",
        "productName", "智能电饭煲 RC-2026", "owner", "zhangwei"));
  }

  private static String activityInstance(ProcessInstance pi, String activityId) {
    List<HistoricActivityInstance> visits = historyService().createHistoricActivityInstanceQuery()
        .processInstanceId(pi.getId()).activityId(activityId).list();
    assertThat(visits).hasSize(1);
    return visits.get(0).getId();
  }
}
