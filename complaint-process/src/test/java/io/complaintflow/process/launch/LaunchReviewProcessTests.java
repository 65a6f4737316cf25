package io.complaintflow.process.launch;

import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;

import java.time.Instant;
import java.util.Date;
import java.util.Map;

import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.camunda.community.process_test_coverage.junit5.platform7.ProcessEngineCoverageExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.complaintflow.process.testing.SentNotifications;

/**
 * {@code bpmn/launch-review.bpmn}: past complaints listed, customer service reviews, the product department answers
 * improvement requests (reminded before its deadline), and the handling plan is registered on the product.
 */
@Deployment(resources = {"bpmn/launch-review.bpmn", "forms/review-launch.form", "forms/respond-to-improvements.form",
    "forms/record-handling-plan.form"})
class LaunchReviewProcessTests {

  private SentNotifications sent;

  @RegisterExtension
  static ProcessEngineCoverageExtension engine = ProcessEngineCoverageExtension.builder()
      .assertClassCoverageAtLeast(1.0)
      .build();

  private JavaDelegate listPastComplaints;
  private JavaDelegate remind;
  private JavaDelegate register;

  @BeforeEach
  void registerMocks() {
    listPastComplaints = mock(JavaDelegate.class);
    remind = mock(JavaDelegate.class);
    register = mock(JavaDelegate.class);
    sent = SentNotifications.register();
    Mocks.register("listPastComplaintsDelegate", listPastComplaints);
    Mocks.register("remindProductDepartmentDelegate", remind);
    Mocks.register("registerHandlingPlanDelegate", register);
    Mocks.register("launchReviewSteps", mock(TaskListener.class));
  }

  @AfterEach
  void reset() {
    Mocks.reset();
  }

  @Test
  void withoutImprovementRequestsCustomerServiceGoesStraightToTheHandlingPlan() throws Exception {
    ProcessInstance pi = submitted();
    complete(task(), withVariables("findings", "与旧款相同", "improvementsRequested", false));

    assertThat(pi).isWaitingAt("Task_RecordHandlingPlan");
    assertThat(task()).hasCandidateGroup("supervisors");
    complete(task(), withVariables("handlingPlan", "按旧款预案处理"));

    assertThat(pi).isEnded().hasPassedInOrder("Task_ListPastComplaints", "Task_ReviewLaunch", "Task_RecordHandlingPlan",
        "Task_RegisterHandlingPlan", "EndEvent_HandlingPlanRegistered").hasNotPassed("Task_RespondToImprovements");
    verify(listPastComplaints).execute(any());
    verify(register).execute(any());
    verifyNoInteractions(remind);
  }

  @Test
  void theProductDepartmentAnswersImprovementRequestsAndIsRemindedBeforeItsDeadline() throws Exception {
    ProcessInstance pi = submitted();
    Date reminder = Date.from(Instant.parse("2026-12-08T07:00:00Z"));
    complete(task(), withVariables("findings", "旧款多次投诉内胆涂层", "improvementsRequested", true,
        "improvementRequests", "更换涂层供应商", "responseReminderAt", reminder,
        "responseDueAt", Date.from(Instant.parse("2026-12-09T01:00:00Z"))));

    assertThat(pi).isWaitingAt("Task_RespondToImprovements");
    assertThat(task()).hasCandidateGroup("deptProduct");
    assertThat(job()).hasDueDate(reminder);
    execute(job());
    verify(remind).execute(any());
    org.assertj.core.api.Assertions.assertThat(sent.all()).containsExactly("ACTION_REMINDER→deptProduct");
    assertThat(pi).hasPassed("EndEvent_ProductDepartmentReminded").isWaitingAt("Task_RespondToImprovements");
    complete(task(), withVariables("productResponse", "已更换供应商"));

    assertThat(pi).isWaitingAt("Task_RecordHandlingPlan");
    complete(task(), withVariables("handlingPlan", "涂层脱落:免费换内胆"));
    assertThat(pi).isEnded().hasPassed("Task_RespondToImprovements", "EndEvent_HandlingPlanRegistered");
  }

  private static ProcessInstance submitted() {
    ProcessInstance pi = runtimeService().startProcessInstanceByKey(LaunchReviewProcess.KEY, "LR-1", Map.of(
        "launchReviewId", 1L, "productCode", "RC-2027", "productName", "智能电饭煲 RC-2027",
        "productLine", "home-appliance"));
    assertThat(pi).isWaitingAt("Task_ReviewLaunch");
    assertThat(task()).hasCandidateGroup("supervisors");
    return pi;
  }
}
