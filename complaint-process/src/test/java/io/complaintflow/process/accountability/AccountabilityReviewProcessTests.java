package io.complaintflow.process.accountability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.managementService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Map;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.camunda.community.process_test_coverage.junit5.platform7.ProcessEngineCoverageExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.complaintflow.process.testing.SentNotifications;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * {@code bpmn/accountability-review.bpmn}: the department records the review, a quality manager signs it off or sends it
 * back, and the corrective action is tracked to completion with a reminder and an overdue flag.
 */
@Deployment(resources = {"bpmn/accountability-review.bpmn", "forms/record-accountability.form",
    "forms/sign-off-accountability.form", "forms/complete-corrective-action.form"})
class AccountabilityReviewProcessTests {

  private SentNotifications sent;

  @RegisterExtension
  static ProcessEngineCoverageExtension engine = ProcessEngineCoverageExtension.builder()
      .assertClassCoverageAtLeast(1.0)
      .build();

  private static final Instant T0 = Instant.parse("2026-10-12T02:00:00Z");
  private static final Date REMINDER = Date.from(T0.plus(Duration.ofDays(6)));
  private static final Date DUE = Date.from(T0.plus(Duration.ofDays(7)));

  private JavaDelegate open;
  private JavaDelegate remind;
  private JavaDelegate flagOverdue;
  private TaskListener steps;

  @BeforeEach
  void registerMocks() throws Exception {
    ClockUtil.setCurrentTime(Date.from(T0));
    open = mock(JavaDelegate.class);
    doAnswer(call -> {
      DelegateExecution e = call.getArgument(0);
      e.setVariable("reviewId", 7L);
      e.setVariable("departmentGroup", "deptQuality");
      e.setVariable("departmentTitle", "质量部");
      return null;
    }).when(open).execute(any());
    remind = mock(JavaDelegate.class);
    flagOverdue = mock(JavaDelegate.class);
    steps = mock(TaskListener.class);
    sent = SentNotifications.register();
    Mocks.register("openAccountabilityReviewDelegate", open);
    Mocks.register("remindCorrectiveActionDelegate", remind);
    Mocks.register("flagCorrectiveActionOverdueDelegate", flagOverdue);
    Mocks.register("accountabilitySteps", steps);
  }

  @AfterEach
  void reset() {
    Mocks.reset();
    ClockUtil.reset();
  }

  @Test
  void theDepartmentRecordsTheReviewAndCompletesTheSignedOffAction() throws Exception {
    // Given
    ProcessInstance pi = start();

    // When the department records, the quality manager signs off and the action is done in time
    record();
    assertThat(pi).isWaitingAt("Task_SignOffAccountability");
    assertThat(task()).hasCandidateGroup("qualityManagers");
    complete(task(), withVariables("signOffDecision", "APPROVE"));
    assertThat(pi).isWaitingAt("Task_CompleteCorrectiveAction");
    assertThat(task()).hasCandidateGroup("deptQuality");
    assertThat(task().getDueDate()).isEqualTo(DUE);
    assertThat(task().getFollowUpDate()).isEqualTo(REMINDER);
    complete(task(), withVariables("completionNote", "已更换供应商并增加出厂抽检"));

    // Then
    assertThat(pi).isEnded().hasPassedInOrder("Task_OpenAccountabilityReview", "Task_RecordAccountability",
        "Task_SignOffAccountability", "Task_CompleteCorrectiveAction", "EndEvent_CorrectiveActionDone");
    assertThat(managementService().createJobQuery().count()).as("the action's timers are gone").isZero();
    verify(steps, times(3)).notify(any(DelegateTask.class));
    verify(remind, never()).execute(any());
  }

  @Test
  void aReviewTheQualityManagerSendsBackIsRecordedAgain() {
    // Given
    ProcessInstance pi = start();
    record();

    // When
    complete(task(), withVariables("signOffDecision", "RETURN", "signOffNote", "原因没有查到根上"));

    // Then the department writes it again
    assertThat(pi).isWaitingAt("Task_RecordAccountability");
    assertThat(task()).hasCandidateGroup("deptQuality");
    record();
    assertThat(pi).isWaitingAt("Task_SignOffAccountability");
  }

  @Test
  void remindsTheDepartmentThenFlagsTheActionOverdue() throws Exception {
    // Given a signed-off review
    ProcessInstance pi = start();
    record();
    complete(task(), withVariables("signOffDecision", "APPROVE"));

    // When the reminder and the due date pass
    fire("BoundaryEvent_ActionReminderDue", REMINDER);
    assertThat(pi).hasPassed("EndEvent_DepartmentRemindedOfAction").isWaitingAt("Task_CompleteCorrectiveAction");
    fire("BoundaryEvent_ActionOverdue", DUE);

    // Then both were recorded and the action is still open until the department reports it done
    assertThat(pi).hasPassed("EndEvent_ActionOverdueFlagged").isWaitingAt("Task_CompleteCorrectiveAction");
    verify(remind).execute(any());
    verify(flagOverdue).execute(any());
    assertThat(sent.all()).containsExactly("ACTION_REMINDER→deptQuality", "ACTION_OVERDUE→qualityManagers");
    complete(task(), withVariables("completionNote", "逾期两天完成"));
    assertThat(pi).isEnded();
  }

  private static ProcessInstance start() {
    ProcessInstance pi = runtimeService().startProcessInstanceByKey(AccountabilityProcess.KEY, "CF-20261012-000001",
        Map.of("complaintId", 1L, "accountabilityTrigger", "ESCALATED", "department", "QUALITY"));
    assertThat(pi).isWaitingAt("Task_OpenAccountabilityReview");
    execute(managementService().createJobQuery().processInstanceId(pi.getId()).singleResult());
    assertThat(pi).isWaitingAt("Task_RecordAccountability");
    assertThat(task()).hasCandidateGroup("deptQuality");
    return pi;
  }

  /** What the recording form submits; the real listener works out the reminder, here the test gives it. */
  private static void record() {
    complete(task(), withVariables("rootCause", "供应商内胆批次未做耐压测试", "responsiblePerson", "质量部 黄强",
        "correctiveAction", "增加来料耐压抽检", "actionDueAt", DUE, "actionReminderAt", REMINDER));
  }

  private static void fire(String activity, Date due) {
    Job job = managementService().createJobQuery().activityId(activity).singleResult();
    assertThat(job.getDuedate()).isEqualTo(due);
    ClockUtil.setCurrentTime(due);
    execute(job);
  }
}
