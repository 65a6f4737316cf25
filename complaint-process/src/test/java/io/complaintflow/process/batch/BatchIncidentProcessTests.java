package io.complaintflow.process.batch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.inOrder;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.delegate.DelegateExecution;
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
import org.mockito.InOrder;

/**
 * {@code bpmn/batch-incident.bpmn}: the department is alerted, supervisors give the scripted answer and it is broadcast to
 * the front line, the department resolves the issue, supervisors confirm (or send it back), the incident's complaints
 * close and an accountability review starts.
 */
@Deployment(resources = {"bpmn/batch-incident.bpmn", "forms/prepare-scripted-answer.form",
    "forms/resolve-batch-issue.form", "forms/confirm-batch-closure.form"})
class BatchIncidentProcessTests {

  @RegisterExtension
  static ProcessEngineCoverageExtension engine = ProcessEngineCoverageExtension.builder()
      .assertClassCoverageAtLeast(1.0)
      .build();

  /** What each notification step was asked to send: template → recipient group. */
  private final List<String> sent = new ArrayList<>();
  private JavaDelegate close;
  private JavaDelegate startAccountability;

  @BeforeEach
  void registerMocks() throws Exception {
    JavaDelegate notify = mock(JavaDelegate.class);
    doAnswer(call -> {
      DelegateExecution e = call.getArgument(0);
      sent.add(e.getVariableLocal("template") + "→" + e.getVariableLocal("recipientGroup") + " "
          + e.getVariableLocal("ticket") + " " + e.getVariableLocal("count") + " " + e.getVariableLocal("detail"));
      return null;
    }).when(notify).execute(any());
    close = mock(JavaDelegate.class);
    startAccountability = mock(JavaDelegate.class);
    Mocks.register("notifyStaffDelegate", notify);
    Mocks.register("batchSteps", mock(TaskListener.class));
    Mocks.register("closeBatchIncidentDelegate", close);
    Mocks.register("startBatchAccountabilityDelegate", startAccountability);
  }

  @AfterEach
  void reset() {
    Mocks.reset();
  }

  @Test
  void alertsAnswersResolvesAndClosesTheIncidentWithItsComplaints() throws Exception {
    // Given
    ProcessInstance pi = start();

    // When supervisors answer, the department resolves and supervisors confirm
    assertThat(task()).hasCandidateGroup("supervisors");
    complete(task(), withVariables("scriptedAnswer", "该批次内胆存在裂纹隐患,可免费更换。"));
    assertThat(pi).isWaitingAt("Task_ResolveBatchIssue");
    assertThat(task()).hasCandidateGroup("deptQuality");
    complete(task(), withVariables("batchCause", "供应商批次问题", "batchResolution", "已为您安排免费更换新内胆。"));
    assertThat(task()).hasCandidateGroup("supervisors");
    complete(task(), withVariables("batchClosureDecision", "CLOSE"));

    // Then
    assertThat(pi).isEnded().hasPassedInOrder("Task_AlertDepartment", "Task_PrepareScriptedAnswer",
        "Task_BroadcastScriptedAnswer", "Task_ResolveBatchIssue", "Task_ConfirmBatchClosure", "Task_CloseBatchIncident",
        "Task_StartBatchAccountability", "EndEvent_BatchIncidentClosed");
    assertThat(sent).containsExactly("BATCH_ALERT→deptQuality BATCH-3 5 null",
        "BATCH_BROADCAST→agents BATCH-3 5 该批次内胆存在裂纹隐患,可免费更换。");
    InOrder order = inOrder(close, startAccountability);
    order.verify(close).execute(any());
    order.verify(startAccountability).execute(any());
  }

  @Test
  void aResolutionTheSupervisorsReturnGoesBackToTheDepartment() throws Exception {
    // Given
    ProcessInstance pi = start();
    complete(task(), withVariables("scriptedAnswer", "正在核查,请耐心等待。"));
    complete(task(), withVariables("batchCause", "未查明", "batchResolution", "已处理。"));

    // When
    complete(task(), withVariables("batchClosureDecision", "RETURN", "batchClosureNote", "原因未查明,不能结案"));

    // Then
    assertThat(pi).isWaitingAt("Task_ResolveBatchIssue");
    complete(task(), withVariables("batchCause", "供应商批次问题", "batchResolution", "已为您免费更换。"));
    complete(task(), withVariables("batchClosureDecision", "CLOSE"));
    assertThat(pi).isEnded();
    verify(close, times(1)).execute(any());
  }

  private static ProcessInstance start() {
    ProcessInstance pi = runtimeService().startProcessInstanceByKey(BatchIncidentProcess.KEY, "BATCH-3",
        Map.of("batchIncidentId", 3L, "departmentGroup", "deptQuality", "productName", "智能电饭煲 RC-2026",
            "complaintCount", 5));
    assertThat(pi).isWaitingAt("Task_AlertDepartment");
    execute(job());
    assertThat(pi).isWaitingAt("Task_PrepareScriptedAnswer");
    return pi;
  }
}
