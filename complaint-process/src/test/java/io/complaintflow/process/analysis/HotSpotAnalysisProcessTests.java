package io.complaintflow.process.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.managementService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.taskQuery;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.taskService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.camunda.community.process_test_coverage.junit5.platform7.ProcessEngineCoverageExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.complaintflow.process.testing.SentNotifications;
import io.complaintflow.process.staff.Departments;

/**
 * {@code bpmn/hot-spot-analysis.bpmn}: a report monthly or on demand, the joint meeting, and each improvement project
 * followed to its result, with a reminder before its due date and the managers brought in when it passes.
 */
@Deployment(resources = {"bpmn/hot-spot-analysis.bpmn", "forms/hold-joint-meeting.form",
    "forms/report-project-result.form", "forms/supervise-overdue-project.form"})
class HotSpotAnalysisProcessTests {

  private SentNotifications sent;

  @RegisterExtension
  static ProcessEngineCoverageExtension engine = ProcessEngineCoverageExtension.builder()
      .assertClassCoverageAtLeast(1.0)
      .build();

  private static final Instant NOW = Instant.parse("2026-11-02T02:00:00Z");
  private static final Instant DUE = Instant.parse("2026-11-30T16:00:00Z");
  private static final Instant REMINDER = Instant.parse("2026-11-27T16:00:00Z");

  private JavaDelegate generate;
  private JavaDelegate remind;
  private JavaDelegate flagOverdue;
  private TaskListener steps;

  @BeforeEach
  void registerMocks() {
    ClockUtil.setCurrentTime(Date.from(NOW));
    generate = mock(JavaDelegate.class);
    remind = mock(JavaDelegate.class);
    flagOverdue = mock(JavaDelegate.class);
    steps = mock(TaskListener.class);
    sent = SentNotifications.register();
    Mocks.register("generateAnalysisReportDelegate", generate);
    Mocks.register("openProjectDelegate", (JavaDelegate) this::openProject);
    Mocks.register("remindProjectDepartmentDelegate", remind);
    Mocks.register("flagOverdueProjectDelegate", flagOverdue);
    Mocks.register("analysisSteps", steps);
    Mocks.register("departments", new Departments());
  }

  /** As the real step does: the project's department and dates, local to its sub-process instance. */
  private void openProject(DelegateExecution execution) {
    long id = ((Number) execution.getVariable("projectId")).longValue();
    execution.setVariableLocal("projectDepartment", id == 1 ? "QUALITY" : "LOGISTICS");
    execution.setVariableLocal("projectDepartmentTitle", id == 1 ? "质量部" : "物流部");
    execution.setVariableLocal("projectTitle", "攻关 " + id);
    execution.setVariableLocal("projectGoal", "投诉减半");
    execution.setVariableLocal("projectDueAt", Date.from(DUE));
    execution.setVariableLocal("projectReminderAt", Date.from(REMINDER));
  }

  @AfterEach
  void reset() {
    Mocks.reset();
    ClockUtil.reset();
  }

  @Test
  void theMonthlyTimerStartsAReportForTheJointMeeting() throws Exception {
    Job timer = managementService().createJobQuery().timers().activityId("StartEvent_MonthStarted").singleResult();
    LocalDateTime due = LocalDateTime.ofInstant(timer.getDuedate().toInstant(), ZoneId.systemDefault());
    assertThat(due.getDayOfMonth()).isEqualTo(1);
    assertThat(due.getHour()).isEqualTo(9);

    execute(timer);

    ProcessInstance pi = runtimeService().createProcessInstanceQuery().singleResult();
    assertThat(pi).hasPassed("StartEvent_MonthStarted", "Task_GenerateReport").isWaitingAt("Task_HoldJointMeeting");
    assertThat(task()).hasCandidateGroup("managers");
    verify(generate).execute(any());
    complete(task(), withVariables("projectIds", new ArrayList<>(), "projectCount", 0));
    assertThat(pi).isEnded().hasPassed("EndEvent_AnalysisDiscussed");
  }

  @Test
  void eachProjectIsReportedByItsDepartment() {
    ProcessInstance pi = requested();
    complete(task(), withVariables("projectIds", new ArrayList<>(List.of(1L, 2L)), "projectCount", 2));

    List<Task> results = taskQuery().taskDefinitionKey("Task_ReportProjectResult").list();
    assertThat(results).hasSize(2);
    assertThat(results.stream().flatMap(t -> taskService().getIdentityLinksForTask(t.getId()).stream())
        .map(l -> l.getGroupId())).containsExactlyInAnyOrder("deptQuality", "deptLogistics");
    assertThat(results.get(0).getDueDate()).isEqualTo(Date.from(DUE));
    results.forEach(t -> taskService().complete(t.getId(), Map.of("projectResult", "已整改")));

    assertThat(pi).isEnded().hasPassed("EndEvent_ProjectCompleted", "EndEvent_ProjectsCompleted");
    verify(steps, times(3)).notify(any(DelegateTask.class));
  }

  @Test
  void theDepartmentIsRemindedBeforeTheDueDateAndManagersSuperviseAnOverdueProject() throws Exception {
    ProcessInstance pi = requested();
    complete(task(), withVariables("projectIds", new ArrayList<>(List.of(1L)), "projectCount", 1));

    Job reminder = managementService().createJobQuery().activityId("BoundaryEvent_ProjectReminderDue").singleResult();
    assertThat(reminder.getDuedate()).isEqualTo(Date.from(REMINDER));
    execute(reminder);
    verify(remind).execute(any());
    assertThat(pi).hasPassed("EndEvent_ProjectDepartmentReminded").isWaitingAt("Task_ReportProjectResult");

    execute(managementService().createJobQuery().activityId("BoundaryEvent_ProjectOverdue").singleResult());
    verify(flagOverdue).execute(any());
    assertThat(sent.all()).containsExactly("ACTION_REMINDER→deptQuality", "ACTION_OVERDUE→managers");
    Task supervise = taskQuery().taskDefinitionKey("Task_SuperviseOverdueProject").singleResult();
    assertThat(supervise).hasCandidateGroup("managers");
    taskService().complete(supervise.getId(), Map.of("supervisionNote", "延期两周,质量部加派人手"));
    assertThat(pi).isWaitingAt("Task_ReportProjectResult");

    complete(taskQuery().taskDefinitionKey("Task_ReportProjectResult").singleResult(),
        withVariables("projectResult", "逾期完成"));
    assertThat(pi).isEnded().hasPassed("EndEvent_OverdueProjectSupervised", "EndEvent_ProjectsCompleted");
  }

  private ProcessInstance requested() {
    ProcessInstance pi = runtimeService().startProcessInstanceByMessage(HotSpotAnalysisProcess.MESSAGE_REQUESTED, Map.of(
        "periodFrom", "2026-09-30T16:00:00Z", "periodTo", "2026-10-31T16:00:00Z", "requestedBy", "yangmin"));
    assertThat(pi).hasPassed("StartEvent_AnalysisRequested", "Task_GenerateReport").isWaitingAt("Task_HoldJointMeeting");
    return pi;
  }
}
