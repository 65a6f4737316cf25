package io.complaintflow.process.consultation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.taskQuery;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.taskService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.camunda.community.process_test_coverage.junit5.platform7.ProcessEngineCoverageExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.complaintflow.process.staff.Departments;

/** {@code bpmn/joint-consultation.bpmn}: each chosen department gives findings, then a manager concludes. */
@Deployment(resources = {"bpmn/joint-consultation.bpmn", "forms/give-consultation-findings.form",
    "forms/conclude-consultation.form"})
class JointConsultationProcessTests {

  @RegisterExtension
  static ProcessEngineCoverageExtension engine = ProcessEngineCoverageExtension.builder()
      .assertClassCoverageAtLeast(1.0)
      .build();

  private TaskListener steps;

  @BeforeEach
  void registerMocks() {
    steps = mock(TaskListener.class);
    Mocks.register("startConsultationDelegate", mock(JavaDelegate.class));
    Mocks.register("consultationSteps", steps);
    Mocks.register("departments", new Departments());
  }

  @AfterEach
  void reset() {
    Mocks.reset();
  }

  @Test
  void everyDepartmentGivesItsFindingsThenAManagerConcludes() {
    ProcessInstance pi = runtimeService().startProcessInstanceByKey(JointConsultationProcess.KEY, Map.of(
        "complaintId", 1L, "consultationDepartments", new ArrayList<>(List.of("QUALITY", "LOGISTICS")),
        "consultationQuestion", "故障原因不明", "taskPriority", 50));

    List<Task> findings = taskQuery().taskDefinitionKey("Task_GiveConsultationFindings").list();
    assertThat(findings).hasSize(2);
    assertThat(findings.stream().flatMap(t -> taskService().getIdentityLinksForTask(t.getId()).stream())
        .map(l -> l.getGroupId())).containsExactlyInAnyOrder("deptQuality", "deptLogistics");
    findings.forEach(t -> taskService().complete(t.getId(), Map.of("consultationFindings", "意见")));

    assertThat(pi).isWaitingAt("Task_ConcludeConsultation");
    assertThat(task()).hasCandidateGroup("managers");
    complete(task(), withVariables("jointDecision", "主板批次缺陷"));

    assertThat(pi).isEnded().hasPassed("EndEvent_ConsultationConcluded");
    verify(steps, times(3)).notify(any(DelegateTask.class));
  }
}
