package io.complaintflow.process.cases;

import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;

import java.util.Map;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.camunda.community.process_test_coverage.junit5.platform7.ProcessEngineCoverageExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** {@code bpmn/case-review.bpmn}: a supervisor approves, sends back or rejects a nominated case. */
@Deployment(resources = {"bpmn/case-review.bpmn", "forms/review-case.form", "forms/rework-case.form"})
class CaseReviewProcessTests {

  @RegisterExtension
  static ProcessEngineCoverageExtension engine = ProcessEngineCoverageExtension.builder()
      .assertClassCoverageAtLeast(1.0)
      .build();

  private TaskListener steps;

  @BeforeEach
  void registerMocks() {
    steps = mock(TaskListener.class);
    Mocks.register("caseReviewSteps", steps);
  }

  @AfterEach
  void reset() {
    Mocks.reset();
  }

  @Test
  void aSupervisorTakesTheCaseIntoTheLibrary() {
    ProcessInstance pi = nominated();

    assertThat(pi).isWaitingAt("Task_ReviewCase");
    assertThat(task()).hasCandidateGroup("supervisors");
    complete(task(), withVariables("caseDecision", "APPROVE"));

    assertThat(pi).isEnded().hasPassed("EndEvent_CaseApproved");
    verify(steps).notify(any(DelegateTask.class));
  }

  @Test
  void aCaseSentBackIsReworkedByItsNominatorAndReviewedAgain() {
    ProcessInstance pi = nominated();
    assertThat(pi).isWaitingAt("Task_ReviewCase");
    complete(task(), withVariables("caseDecision", "REWORK", "reviewNote", "请补充预防措施"));

    assertThat(pi).isWaitingAt("Task_ReworkCase");
    assertThat(task()).isAssignedTo("zhangwei");
    complete(task(), withVariables("caseAnalysis", "已补充"));

    assertThat(pi).isWaitingAt("Task_ReviewCase");
    complete(task(), withVariables("caseDecision", "REJECT", "reviewNote", "与已有案例重复"));
    assertThat(pi).isEnded().hasPassedInOrder("Task_ReviewCase", "Task_ReworkCase", "Task_ReviewCase",
        "EndEvent_CaseRejected");
    verify(steps, times(3)).notify(any(DelegateTask.class));
  }

  private static ProcessInstance nominated() {
    return runtimeService().startProcessInstanceByKey(CaseReviewProcess.KEY, "CF-20261101-000001", Map.of(
        "caseId", 1L, "nominatedBy", "zhangwei", "caseTitle", "电饭煲内胆裂纹", "caseStory", "经过",
        "caseHandling", "处理", "caseAnalysis", "分析"));
  }
}
