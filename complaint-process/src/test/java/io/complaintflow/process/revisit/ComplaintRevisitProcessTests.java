package io.complaintflow.process.revisit;

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
import static org.mockito.Mockito.verify;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Map;

import org.camunda.bpm.engine.delegate.DelegateExecution;
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
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Every path of {@code bpmn/complaint-revisit.bpmn}: a survey answered or left unanswered, a revisit by staff, a
 * customer not reached, satisfied or not, and the two ways an unsatisfied answer goes on. Timers run on the engine
 * clock; the steps are mocks that leave what the real ones decide.
 */
@Deployment(resources = {"bpmn/complaint-revisit.bpmn", "forms/revisit-customer.form",
    "forms/review-unsatisfied-revisit.form"})
class ComplaintRevisitProcessTests {

  @RegisterExtension
  static ProcessEngineCoverageExtension engine = ProcessEngineCoverageExtension.builder()
      .assertClassCoverageAtLeast(1.0)
      .build();

  private static final Instant CLOSED = Instant.parse("2026-10-12T02:00:00Z");
  private static final Date REVISIT_AT = Date.from(CLOSED.plus(Duration.ofDays(3)));
  private static final Date SURVEY_DEADLINE = Date.from(CLOSED.plus(Duration.ofDays(6)));

  private boolean stillClosed = true;
  private boolean satisfied = true;
  private String unsatisfiedRoute = "SUPERVISOR_REVIEW";
  private JavaDelegate sendSurvey;
  private JavaDelegate startAccountability;
  private JavaDelegate reopen;

  @BeforeEach
  void registerMocks() throws Exception {
    ClockUtil.setCurrentTime(Date.from(CLOSED));
    JavaDelegate prepare = mock(JavaDelegate.class);
    doAnswer(call -> {
      ((DelegateExecution) call.getArgument(0)).setVariable("revisitStillDue", stillClosed);
      return null;
    }).when(prepare).execute(any());
    sendSurvey = mock(JavaDelegate.class);
    doAnswer(call -> {
      DelegateExecution e = call.getArgument(0);
      e.setVariable("surveyId", 5L);
      e.setVariable("surveyDeadline", SURVEY_DEADLINE);
      return null;
    }).when(sendSurvey).execute(any());
    JavaDelegate evaluate = mock(JavaDelegate.class);
    doAnswer(call -> {
      DelegateExecution e = call.getArgument(0);
      e.setVariable("revisitSatisfied", satisfied);
      e.setVariable("unsatisfiedRoute", unsatisfiedRoute);
      return null;
    }).when(evaluate).execute(any());
    startAccountability = mock(JavaDelegate.class);
    reopen = mock(JavaDelegate.class);
    Mocks.register("prepareRevisitDelegate", prepare);
    Mocks.register("sendSurveyDelegate", sendSurvey);
    Mocks.register("evaluateRevisitDelegate", evaluate);
    Mocks.register("startUnsatisfiedAccountabilityDelegate", startAccountability);
    Mocks.register("reopenAfterRevisitDelegate", reopen);
    Mocks.register("revisitSteps", mock(TaskListener.class));
  }

  @AfterEach
  void reset() {
    Mocks.reset();
    ClockUtil.reset();
  }

  @Test
  void aSatisfiedSurveyAnswerEndsTheRevisit() throws Exception {
    // Given
    ProcessInstance pi = start("SURVEY", "agents");
    revisitDue(pi);
    assertThat(pi).isWaitingAt("Gateway_AwaitSurvey");
    verify(sendSurvey).execute(any());

    // When the customer answers through the API
    runtimeService().createMessageCorrelation(RevisitProcess.MSG_SURVEY_ANSWERED)
        .processInstanceVariableEquals("surveyId", 5L).correlate();

    // Then
    assertThat(pi).isEnded().hasPassedInOrder("Task_SendSurvey", "IntermediateEvent_SurveyAnswered",
        "Task_EvaluateRevisit", "EndEvent_CustomerSatisfied");
    verify(startAccountability, never()).execute(any());
  }

  @Test
  void anUnansweredSurveyBecomesAPhoneCallAndAnUnsatisfiedCustomerGoesBackToTheOwner() throws Exception {
    // Given a survey nobody answers, and a configuration that reopens at once
    unsatisfiedRoute = "REOPEN";
    satisfied = false;
    ProcessInstance pi = start("SURVEY", "agents");
    revisitDue(pi);

    // When the answer time passes and the agent reaches the customer, who is not satisfied
    fire("IntermediateEvent_SurveyUnanswered", SURVEY_DEADLINE);
    assertThat(pi).isWaitingAt("Task_RevisitCustomer");
    assertThat(task()).hasCandidateGroup("agents");
    complete(task(), withVariables("customerReached", true));

    // Then
    assertThat(pi).isEnded().hasPassedInOrder("IntermediateEvent_SurveyUnanswered", "Task_RevisitCustomer",
        "Task_EvaluateRevisit", "Task_StartUnsatisfiedAccountability", "Task_ReopenComplaint",
        "EndEvent_ComplaintReopened");
    verify(startAccountability).execute(any());
    verify(reopen).execute(any());
  }

  @Test
  void aCustomerTheVipDeskCannotReachIsRecordedAsSuch() throws Exception {
    // Given a VIP complaint revisited by phone
    ProcessInstance pi = start("PHONE", "vipDesk");
    revisitDue(pi);
    assertThat(pi).isWaitingAt("Task_RevisitCustomer");
    assertThat(task()).hasCandidateGroup("vipDesk");

    // When
    complete(task(), withVariables("customerReached", false));

    // Then
    assertThat(pi).isEnded().hasPassed("EndEvent_CustomerNotReached").hasNotPassed("Task_EvaluateRevisit");
    verify(sendSurvey, never()).execute(any());
  }

  @Test
  void aSupervisorUpholdsTheClosureOfAnUnsatisfiedRevisit() throws Exception {
    // Given
    satisfied = false;
    ProcessInstance pi = start("VISIT", "vipDesk");
    revisitDue(pi);
    complete(task(), withVariables("customerReached", true));
    assertThat(pi).isWaitingAt("Task_ReviewUnsatisfiedRevisit");
    assertThat(task()).hasCandidateGroup("supervisors");

    // When
    complete(task(), withVariables("revisitReviewDecision", "KEEP_CLOSED", "revisitReviewNote", "客户不满的是新产品价格"));

    // Then
    assertThat(pi).isEnded().hasPassed("Task_StartUnsatisfiedAccountability", "EndEvent_ClosureUpheld");
    verify(reopen, never()).execute(any());
  }

  @Test
  void aSupervisorSendsAnUnsatisfiedRevisitBackToTheOwner() throws Exception {
    // Given
    satisfied = false;
    ProcessInstance pi = start("LETTER", "agents");
    revisitDue(pi);
    complete(task(), withVariables("customerReached", true));

    // When
    complete(task(), withVariables("revisitReviewDecision", "REOPEN"));

    // Then
    assertThat(pi).isEnded().hasPassedInOrder("Task_ReviewUnsatisfiedRevisit", "Task_ReopenComplaint",
        "EndEvent_ComplaintReopened");
    verify(reopen).execute(any());
  }

  @Test
  void aComplaintReopenedBeforeItsRevisitIsNotRevisited() {
    // Given a complaint the customer reopened after closure
    stillClosed = false;
    ProcessInstance pi = start("SURVEY", "agents");

    // When
    revisitDue(pi);

    // Then
    assertThat(pi).isEnded().hasPassed("EndEvent_RevisitCancelled").hasNotPassed("Task_SendSurvey");
  }

  private static ProcessInstance start(String method, String group) {
    ProcessInstance pi = runtimeService().startProcessInstanceByKey(RevisitProcess.KEY, "CF-20261012-000001",
        Map.of("complaintId", 1L, "closedAt", Date.from(CLOSED), "revisitMethod", method, "revisitGroup", group,
            "revisitAt", REVISIT_AT));
    assertThat(pi).isWaitingAt("IntermediateEvent_RevisitDue");
    return pi;
  }

  private static void revisitDue(ProcessInstance pi) {
    fire("IntermediateEvent_RevisitDue", REVISIT_AT);
  }

  private static void fire(String activity, Date due) {
    Job job = managementService().createJobQuery().activityId(activity).singleResult();
    assertThat(job.getDuedate()).isEqualTo(due);
    ClockUtil.setCurrentTime(due);
    execute(job);
  }
}
