package io.complaintflow.process.authorization;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;

import java.util.Map;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.camunda.community.process_test_coverage.junit5.platform7.ProcessEngineCoverageExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.complaintflow.process.testing.SentNotifications;
import io.complaintflow.process.staff.StaffLevel;

/**
 * Every path of {@code bpmn/remedy-approval.bpmn} with the real authority table. The check of the proposer's level is
 * a stand-in that applies the level rule (proposer below the required level → approval from the next level up); the
 * real one is tested against the database in the API module.
 */
@Deployment(resources = {"bpmn/remedy-approval.bpmn", "dmn/remedy-authority.dmn", "forms/approve-remedy.form"})
class RemedyApprovalProcessTests {

  private SentNotifications sent;

  @RegisterExtension
  static ProcessEngineCoverageExtension engine = ProcessEngineCoverageExtension.builder()
      .assertClassCoverageAtLeast(1.0)
      .build();

  private ApprovalSteps approvalSteps;

  @BeforeEach
  void registerMocks() throws Exception {
    DetermineApprovalDelegate determine = mock(DetermineApprovalDelegate.class);
    doAnswer(i -> {
      DelegateExecution e = i.getArgument(0);
      @SuppressWarnings("unchecked")
      Map<String, Object> authority = (Map<String, Object>) e.getVariable("authority");
      StaffLevel required = StaffLevel.valueOf((String) authority.get("requiredLevel"));
      StaffLevel proposer = StaffLevel.valueOf((String) e.getVariable("proposerLevel"));
      e.setVariable("requiredLevel", required.name());
      e.setVariable("withinAuthority", !proposer.isBelow(required));
      e.setVariable("approvalGroup", proposer.next() == null ? null : proposer.next().group());
      e.setVariable("approvalLevelTitle", proposer.next() == null ? null : proposer.next().title());
      return null;
    }).when(determine).execute(any());
    approvalSteps = mock(ApprovalSteps.class);
    sent = SentNotifications.register();
    Mocks.register("determineApprovalDelegate", determine);
    Mocks.register("approvalSteps", approvalSteps);
  }

  @AfterEach
  void reset() {
    Mocks.reset();
  }

  @Test
  void grantsARemedyWithinTheProposersAuthorityOnTheSpot() {
    ProcessInstance pi = start("REFUND", 150.0, "STANDARD", "AGENT");

    assertThat(pi).isEnded().hasPassed("EndEvent_RemedyWithinAuthority");
    assertThat(pi).variables().containsEntry("requiredLevel", "AGENT");
  }

  @Test
  void asksTheSupervisorAboveAnAgentWhoApproves() {
    ProcessInstance pi = start("REFUND", 1500.0, "STANDARD", "AGENT");

    assertThat(pi).isWaitingAt("Task_ApproveRemedy");
    assertThat(task()).hasCandidateGroup("supervisors");
    complete(task(), withVariables("approvalDecision", "APPROVE"));

    assertThat(pi).isEnded().hasPassed("EndEvent_RemedyApproved");
  }

  @Test
  void returnsARejectedRemedy() {
    ProcessInstance pi = start("COMPENSATION", 800.0, "STANDARD", "AGENT");
    assertThat(pi).isWaitingAt("Task_ApproveRemedy");

    complete(task(), withVariables("approvalDecision", "REJECT", "approvalReason", "无实际损失"));

    assertThat(pi).isEnded().hasPassed("EndEvent_RemedyRejected");
  }

  @Test
  void climbsOneLevelAtATimeWhenALevelMayNotDecide() {
    // a 6,000 yuan refund needs a manager: the supervisor endorses, the manager approves
    ProcessInstance pi = start("REFUND", 6000.0, "STANDARD", "AGENT");
    assertThat(pi).variables().containsEntry("requiredLevel", "MANAGER");
    assertThat(task()).hasCandidateGroup("supervisors");
    complete(task(), withVariables("approvalDecision", "ENDORSE", "approvalGroup", "managers"));

    assertThat(pi).isWaitingAt("Task_ApproveRemedy");
    assertThat(task()).hasCandidateGroup("managers");
    complete(task(), withVariables("approvalDecision", "APPROVE"));

    assertThat(pi).isEnded().hasPassed("EndEvent_RemedyApproved");
    verify(approvalSteps, times(2)).notify(any(DelegateTask.class));
    assertThat(sent.all()).containsExactly("APPROVAL_REQUESTED→supervisors", "APPROVAL_REQUESTED→managers");
  }

  private static ProcessInstance start(String type, double amount, String tier, String proposerLevel) {
    return runtimeService().startProcessInstanceByKey(RemedyApprovalProcess.KEY, Map.of("complaintId", 1L,
        "remedyType", type, "remedyDescription", "为您办理", "remedyAmount", amount, "customerTier", tier, "proposer", "zhangwei",
        "proposerLevel", proposerLevel, "taskPriority", 50));
  }
}
