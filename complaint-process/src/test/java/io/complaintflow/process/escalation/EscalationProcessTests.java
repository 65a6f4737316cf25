package io.complaintflow.process.escalation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.managementService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.taskQuery;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.taskService;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
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

import io.complaintflow.process.testing.SentNotifications;
import io.complaintflow.process.sla.SlaClock;

/**
 * Every path of {@code bpmn/complaint-escalation.bpmn}, moving the engine clock. The SLA clock is a mock that puts
 * the timers at fixed hours after the start (working-time arithmetic is {@code SlaClockTests}' business); the steps
 * are mocks that record what they were asked to do.
 */
@Deployment(resources = {"bpmn/complaint-escalation.bpmn", "forms/supervise-complaint.form",
    "forms/handle-demanded-escalation.form"})
class EscalationProcessTests {

  private SentNotifications sent;

  @RegisterExtension
  static ProcessEngineCoverageExtension engine = ProcessEngineCoverageExtension.builder()
      .assertClassCoverageAtLeast(1.0)
      .build();

  static final Instant T0 = Instant.parse("2026-11-24T01:00:00Z");
  static final Map<String, Integer> HOURS = Map.of("FIRST_RESPONSE_BREACH", 8, "RESOLUTION_BREACH", 40,
      "ESCALATION_TO_MANAGER", 44, "ESCALATION_TO_DIRECTOR", 48);

  private final List<String> breaches = new ArrayList<>();
  private final List<String> escalations = new ArrayList<>();
  private JavaDelegateMocks steps;

  record JavaDelegateMocks(SlaClock slaClock, SlaBreachDelegate breach,
      EscalateComplaintDelegate escalate, SupervisionSteps supervision) {
  }

  @BeforeEach
  void registerMocks() throws Exception {
    ClockUtil.setCurrentTime(Date.from(T0));
    steps = new JavaDelegateMocks(mock(SlaClock.class), mock(SlaBreachDelegate.class),
        mock(EscalateComplaintDelegate.class), mock(SupervisionSteps.class));
    when(steps.slaClock().dueAt(any(DelegateExecution.class), anyString()))
        .thenAnswer(i -> Date.from(T0.plus(Duration.ofHours(HOURS.get(i.<String>getArgument(1))))));
    doAnswer(i -> breaches.add((String) i.<DelegateExecution>getArgument(0).getVariable("clock")))
        .when(steps.breach()).execute(any());
    doAnswer(i -> escalations.add(i.<DelegateExecution>getArgument(0).getVariable("level") + "/"
        + i.<DelegateExecution>getArgument(0).getVariable("reason"))).when(steps.escalate()).execute(any());
    sent = SentNotifications.register();
    Mocks.register("slaClock", steps.slaClock());
    Mocks.register("slaBreachDelegate", steps.breach());
    Mocks.register("escalateComplaintDelegate", steps.escalate());
    Mocks.register("supervisionSteps", steps.supervision());
  }

  @AfterEach
  void reset() {
    Mocks.reset();
    ClockUtil.reset();
  }

  @Test
  void aTimelyFirstResponseStopsTheFirstResponseClock() {
    // Given
    ProcessInstance pi = start();
    assertThat(timer("IntermediateEvent_FirstResponseDue").getDuedate()).isEqualTo(at(8));

    // When the agent registers the complaint after two hours
    moveTo(2);
    correlate(EscalationProcess.MSG_FIRST_RESPONDED, pi);

    // Then
    assertThat(pi).hasPassed("BoundaryEvent_FirstResponded");
    assertThat(pi).isWaitingAt("IntermediateEvent_ResolutionDue");
    assertThat(breaches).isEmpty();
    assertThat(managementService().createJobQuery().activityId("IntermediateEvent_FirstResponseDue").count())
        .isZero();
  }

  @Test
  void recordsAndReportsTheBreachOfAFirstResponseThatNeverCame() {
    // Given
    ProcessInstance pi = start();

    // When
    fire("IntermediateEvent_FirstResponseDue", 8);

    // Then
    assertThat(breaches).containsExactly("FIRST_RESPONSE");
    assertThat(sent.all()).containsExactly("SLA_BREACHED→supervisors");
    assertThat(pi).hasPassed("EndEvent_FirstResponseOverdue");
    assertThat(pi).isWaitingAt("IntermediateEvent_ResolutionDue");
  }

  @Test
  void escalatesAnUnresolvedComplaintOneLevelAtATimeUntilTheDirector() {
    // Given
    ProcessInstance pi = start();
    correlate(EscalationProcess.MSG_FIRST_RESPONDED, pi);

    // When the resolution clock runs out and nobody closes the complaint
    fire("IntermediateEvent_ResolutionDue", 40);

    // Then the supervisor is brought in
    assertThat(breaches).containsExactly("RESOLUTION");
    assertThat(escalations).containsExactly("SUPERVISOR/SLA_BREACH");
    assertThat(supervisionTask("Task_SuperviseAsSupervisor", "supervisors")).isNotNull();
    assertThat(timer("IntermediateEvent_ManagerEscalationDue").getDuedate()).isEqualTo(at(44));

    // and four working hours later the manager, then the director
    fire("IntermediateEvent_ManagerEscalationDue", 44);
    assertThat(escalations).containsExactly("SUPERVISOR/SLA_BREACH", "MANAGER/SLA_BREACH");
    assertThat(supervisionTask("Task_SuperviseAsManager", "managers")).isNotNull();
    fire("IntermediateEvent_DirectorEscalationDue", 48);
    assertThat(escalations).containsExactly("SUPERVISOR/SLA_BREACH", "MANAGER/SLA_BREACH", "DIRECTOR/SLA_BREACH");
    assertThat(sent.all()).containsExactly("SLA_BREACHED→supervisors", "ESCALATED→managers", "ESCALATED→directors");

    // each level supervises; then the staircase is done
    complete(supervisionTask("Task_SuperviseAsSupervisor", "supervisors"), Map.of("supervisionNote", "今天下班前回复客户"));
    complete(supervisionTask("Task_SuperviseAsManager", "managers"), Map.of("supervisionNote", "质量部明天上午给结论"));
    complete(supervisionTask("Task_SuperviseAsDirector", "directors"), Map.of("supervisionNote", "组织联合会诊"));
    assertThat(pi).hasPassed("EndEvent_SupervisorSupervised", "EndEvent_ManagerSupervised",
        "EndEvent_DirectorSupervised", "EndEvent_ClocksStopped");
    assertThat(pi).isEnded();
    verify(steps.supervision(), org.mockito.Mockito.times(3)).notify(any(DelegateTask.class));
  }

  @Test
  void closingTheComplaintStopsTheClocksAndCancelsOpenSupervision() {
    // Given a breached complaint under a supervisor's supervision
    ProcessInstance pi = start();
    correlate(EscalationProcess.MSG_FIRST_RESPONDED, pi);
    fire("IntermediateEvent_ResolutionDue", 40);
    assertThat(taskQuery().taskDefinitionKey("Task_SuperviseAsSupervisor").count()).isOne();

    // When
    moveTo(41);
    correlate(EscalationProcess.MSG_COMPLAINT_CLOSED, pi);

    // Then
    assertThat(pi).hasPassed("BoundaryEvent_ComplaintClosed", "EndEvent_ClocksStopped").isEnded();
    assertThat(taskQuery().processInstanceId(pi.getId()).count()).isZero();
    assertThat(managementService().createJobQuery().processInstanceId(pi.getId()).count()).isZero();
    verify(steps.supervision(), never()).notify(any());
  }

  @Test
  void aCustomersDemandBringsAManagerInAtOnceWhileTheClocksRunOn() {
    // Given
    ProcessInstance pi = start();
    correlate(EscalationProcess.MSG_FIRST_RESPONDED, pi);

    // When the customer threatens to go to the press
    runtimeService().createMessageCorrelation(EscalationProcess.MSG_ESCALATION_DEMANDED).processInstanceId(pi.getId())
        .setVariables(Map.of("demand", "MEDIA", "demandNote", "客户说要发微博曝光")).correlate();

    // Then
    assertThat(escalations).containsExactly("MANAGER/CUSTOMER_DEMAND");
    assertThat(pi).isWaitingAt("Task_HandleDemandedEscalation", "IntermediateEvent_ResolutionDue");
    complete(supervisionTask("Task_HandleDemandedEscalation", "managers"), Map.of("supervisionNote", "已亲自致电安抚"));
    assertThat(pi).hasPassed("EndEvent_DemandedEscalationHandled");
    assertThat(pi).isWaitingAt("IntermediateEvent_ResolutionDue");
  }

  private ProcessInstance start() {
    ProcessInstance pi = runtimeService().startProcessInstanceByKey(EscalationProcess.KEY, "CF-20261124-000001",
        Map.of("complaintId", 1L, "ticket", "CF-20261124-000001", "customerName", "李女士", "customerTier", "STANDARD",
            "productName", "家庭宽带 300M 套餐"));
    assertThat(pi).isWaitingAt("IntermediateEvent_FirstResponseDue", "IntermediateEvent_ResolutionDue");
    // the warnings before the breaches are not the model's: SlaWarningSweep gives them
    assertThat(managementService().createJobQuery().processInstanceId(pi.getId()).count()).isEqualTo(2);
    return pi;
  }

  private static void correlate(String message, ProcessInstance pi) {
    runtimeService().createMessageCorrelation(message).processInstanceId(pi.getId()).correlateAll();
  }

  private static Job timer(String activityId) {
    return managementService().createJobQuery().timers().activityId(activityId).singleResult();
  }

  /** Moves the engine clock to the timer's due time and runs it, as the job executor would. */
  private static void fire(String activityId, int hours) {
    Job job = timer(activityId);
    assertThat(job.getDuedate()).isEqualTo(at(hours));
    moveTo(hours);
    execute(job);
  }

  private static void moveTo(int hours) {
    ClockUtil.setCurrentTime(at(hours));
  }

  private static Date at(int hours) {
    return Date.from(T0.plus(Duration.ofHours(hours)));
  }

  /** The task, checked to be offered to the group, claimed by one of its members. */
  private static org.camunda.bpm.engine.task.Task supervisionTask(String key, String group) {
    org.camunda.bpm.engine.task.Task t = taskQuery().taskDefinitionKey(key).singleResult();
    assertThat(t).as(key).isNotNull();
    assertThat(taskService().getIdentityLinksForTask(t.getId())).as(key + " offered to " + group)
        .anyMatch(l -> "candidate".equals(l.getType()) && group.equals(l.getGroupId()));
    if (t.getAssignee() == null) {
      taskService().claim(t.getId(), "someone-in-" + group);
    }
    return taskQuery().taskId(t.getId()).singleResult();
  }
}
