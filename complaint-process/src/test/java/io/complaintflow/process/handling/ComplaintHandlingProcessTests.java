package io.complaintflow.process.handling;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.taskService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.doCallRealMethod;
import static org.mockito.Mockito.inOrder;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoMoreInteractions;

import java.util.Date;
import java.util.HashMap;
import java.util.Map;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.camunda.community.process_test_coverage.junit5.platform7.ProcessEngineCoverageExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.mockito.InOrder;

/**
 * Every path of {@code bpmn/complaint-handling.bpmn}. The real classification tables decide; the steps that write to
 * the complaint ({@link HandlingSteps}, {@link RecordClassificationDelegate}, {@link ComplaintClosure}) are mocks, so
 * each test checks which of them the path called, in order. The class fails unless together the tests pass every
 * flow node and sequence flow of the model.
 */
@Deployment(resources = {
    "bpmn/complaint-handling.bpmn", "dmn/complaint-classification.dmn",
    "forms/register-complaint.form", "forms/review-suspected-malicious.form", "forms/give-firm-reply.form",
    "forms/record-legal-referral.form", "forms/investigate-complaint.form", "forms/propose-remedy.form",
    "forms/agree-remedy-with-customer.form", "forms/decide-escalated-complaint.form", "forms/carry-out-remedy.form",
    "forms/confirm-resolution.form"})
class ComplaintHandlingProcessTests {

  @RegisterExtension
  static ProcessEngineCoverageExtension engine = ProcessEngineCoverageExtension.builder()
      .assertClassCoverageAtLeast(1.0)
      .build();

  private static final String OWNER = "zhangwei";

  private HandlingSteps steps;
  private RecordClassificationDelegate recordClassification;
  private ComplaintClosure closure;

  @BeforeEach
  void registerMocks() {
    steps = mock(HandlingSteps.class);
    doCallRealMethod().when(steps).notify(any(DelegateTask.class));
    recordClassification = mock(RecordClassificationDelegate.class);
    closure = mock(ComplaintClosure.class);
    Mocks.register("handlingSteps", steps);
    Mocks.register("recordClassificationDelegate", recordClassification);
    Mocks.register("complaintClosure", closure);
  }

  @AfterEach
  void resetMocks() {
    Mocks.reset();
  }

  @Test
  void resolvesComplaintAtFirstContactAndClosesItAfterSignOff() throws Exception {
    // Given
    ProcessInstance pi = startComplaint(null);

    // When
    registerFacts(pi, false, true);
    classify(pi);
    proposeAndAgree(pi);
    carryOutAndConfirm(pi, true);

    // Then
    assertThat(pi).hasPassedInOrder("StartEvent_ComplaintReceived", "Task_RegisterComplaint",
        "Task_DetermineCategory", "Task_AssessSeverity", "Task_RecordClassification", "Task_ProposeRemedy",
        "Task_AgreeRemedyWithCustomer", "Task_CarryOutRemedy", "Task_ConfirmResolution", "Task_CloseComplaint",
        "EndEvent_ComplaintClosed");
    assertThat(pi).hasNotPassed("Task_InvestigateComplaint", "Task_ReviewSuspectedMalicious");
    assertThat(pi).isEnded();
    InOrder order = inOrder(steps, recordClassification, closure);
    order.verify(steps).notify(any(DelegateTask.class));
    order.verify(steps).factsRegistered(any(DelegateTask.class));
    order.verify(recordClassification).execute(any(DelegateExecution.class));
    order.verify(steps).remedyProposed(any(DelegateTask.class));
    order.verify(steps).remedyNegotiated(any(DelegateTask.class));
    order.verify(steps).remedyCarriedOut(any(DelegateTask.class));
    order.verify(steps).resolutionRecorded(any(DelegateTask.class));
    order.verify(closure).close(any(DelegateExecution.class), eq("RESOLVED"));
    verify(steps, org.mockito.Mockito.times(5)).notify(any(DelegateTask.class));
    verifyNoMoreInteractions(steps, recordClassification, closure);
  }

  @Test
  void offersRegistrationToTheRoutedGroupAndFollowUpTasksToTheOwner() {
    // Given a complaint taken over the phone by an agent: the registration task is theirs at once
    ProcessInstance pi = startComplaint(OWNER);
    assertThat(pi).isWaitingAt("Task_RegisterComplaint");
    assertThat(task()).isAssignedTo(OWNER);
    assertThat(taskService().getIdentityLinksForTask(task().getId()))
        .anyMatch(link -> IdentityLinkType.CANDIDATE.equals(link.getType()) && "agents".equals(link.getGroupId()));
    assertThat(task().getPriority()).isEqualTo(70);
    assertThat(task().getDueDate()).isNotNull();

    // When
    registerFacts(pi, false, false);
    classify(pi);

    // Then the owner investigates: first-receiver ownership
    assertThat(pi).isWaitingAt("Task_InvestigateComplaint");
    assertThat(task()).isAssignedTo(OWNER);
    assertThat(task().getPriority()).isEqualTo(70);
  }

  @Test
  void investigatesWhenTheComplaintCannotBeResolvedAtFirstContact() {
    // Given
    ProcessInstance pi = startComplaint(null);
    registerFacts(pi, false, false);
    classify(pi);

    // When
    assertThat(pi).isWaitingAt("Task_InvestigateComplaint");
    complete(task(), withVariables("findings", "批次 B2026-11 包装密封不良"));

    // Then
    assertThat(pi).isWaitingAt("Task_ProposeRemedy");
    assertThat(task()).isAssignedTo(OWNER);
    verify(steps).investigated(any(DelegateTask.class));
  }

  @Test
  void proposesAnotherRemedyWhenTheCustomerDeclines() {
    // Given
    ProcessInstance pi = startAndReachProposal();
    complete(task(), withVariables("remedyType", "VOUCHER"));

    // When the customer declines and the owner tries again
    complete(task(), withVariables("remedyAccepted", false, "declineNextStep", "NEW_PROPOSAL"));

    // Then
    assertThat(pi).isWaitingAt("Task_ProposeRemedy");
    assertThat(task()).isAssignedTo(OWNER);
    assertThat(pi).hasNotPassed("Task_DecideEscalatedComplaint");
  }

  @Test
  void escalatesADeclinedRemedyToASupervisorWhoProposesANewOne() {
    // Given
    ProcessInstance pi = startAndReachProposal();
    complete(task(), withVariables("remedyType", "VOUCHER"));

    // When
    complete(task(), withVariables("remedyAccepted", false, "declineNextStep", "ESCALATE"));
    assertThat(pi).isWaitingAt("Task_DecideEscalatedComplaint");
    assertThat(task()).hasCandidateGroup("supervisors").isNotAssigned();
    complete(task(), withVariables("escalationDecision", "NEW_REMEDY"));

    // Then the owner takes the supervisor's remedy back to the customer
    assertThat(pi).isWaitingAt("Task_AgreeRemedyWithCustomer");
    assertThat(task()).isAssignedTo(OWNER);
    complete(task(), withVariables("remedyAccepted", true));
    carryOutAndConfirm(pi, true);
    assertThat(pi).isEnded().hasPassed("EndEvent_ComplaintClosed");
    verify(steps).escalationDecided(any(DelegateTask.class));
  }

  @Test
  void sendsAnEscalatedComplaintWithOutrageousDemandsToTheLegalRoute() {
    // Given
    ProcessInstance pi = startAndReachProposal();
    complete(task(), withVariables("remedyType", "COMPENSATION"));
    complete(task(), withVariables("remedyAccepted", false, "declineNextStep", "ESCALATE"));

    // When
    complete(task(), withVariables("escalationDecision", "LEGAL"));
    assertThat(pi).isWaitingAt("Task_RecordLegalReferral");
    assertThat(task()).hasCandidateGroup("supervisors");
    complete(task());

    // Then
    assertThat(pi).isEnded().hasPassed("Task_CloseAsLegal", "EndEvent_ComplaintReferredToLegal");
    verify(steps).legalReferralRecorded(any(DelegateTask.class));
    verify(closure).close(any(DelegateExecution.class), eq("LEGAL"));
  }

  @Test
  void answersAConfirmedMaliciousComplaintFirmlyAndClosesIt() {
    // Given
    ProcessInstance pi = startComplaint(null);
    registerFacts(pi, true, true);

    // When
    assertThat(pi).isWaitingAt("Task_ReviewSuspectedMalicious");
    assertThat(task()).hasCandidateGroup("supervisors");
    complete(task(), withVariables("maliciousConfirmed", true, "legalAction", false));
    assertThat(pi).isWaitingAt("Task_GiveFirmReply");
    assertThat(task()).isAssignedTo(OWNER);
    complete(task());

    // Then
    assertThat(pi).isEnded().hasPassed("Task_CloseAsMalicious", "EndEvent_MaliciousComplaintClosed");
    assertThat(pi).hasNotPassed("Task_DetermineCategory");
    verify(steps).maliciousReviewed(any(DelegateTask.class));
    verify(steps).firmReplyGiven(any(DelegateTask.class));
    verify(closure).close(any(DelegateExecution.class), eq("MALICIOUS"));
  }

  @Test
  void takesASeriousMaliciousComplaintToTheLegalRoute() {
    // Given
    ProcessInstance pi = startComplaint(null);
    registerFacts(pi, true, true);

    // When
    complete(task(), withVariables("maliciousConfirmed", true, "legalAction", true));
    assertThat(pi).isWaitingAt("Task_RecordLegalReferral");
    complete(task());

    // Then
    assertThat(pi).isEnded().hasPassed("EndEvent_ComplaintReferredToLegal");
    assertThat(pi).hasNotPassed("Task_GiveFirmReply");
    verify(closure).close(any(DelegateExecution.class), eq("LEGAL"));
  }

  @Test
  void handlesARejectedSuspicionAsAGoodFaithComplaint() {
    // Given
    ProcessInstance pi = startComplaint(null);
    registerFacts(pi, true, true);

    // When
    complete(task(), withVariables("maliciousConfirmed", false, "legalAction", false));

    // Then
    assertThat(pi).isWaitingAt("Task_DetermineCategory");
    classify(pi);
    assertThat(pi).isWaitingAt("Task_ProposeRemedy");
  }

  @Test
  void closesWhenTheCustomerConfirmsTheResolutionOnline() {
    // Given
    ProcessInstance pi = startAndReachProposal();
    complete(task(), withVariables("remedyType", "REFUND"));
    complete(task(), withVariables("remedyAccepted", true));
    complete(task());
    assertThat(pi).isWaitingAt("Task_ConfirmResolution");

    // When the customer confirms through the API
    runtimeService().createMessageCorrelation(HandlingProcess.MSG_RESOLUTION_CONFIRMED)
        .processInstanceId(pi.getId())
        .setVariables(Map.of("resolutionConfirmed", true, "signedOffBy", "王先生", "confirmationMethod", "ONLINE"))
        .correlate();

    // Then
    assertThat(pi).isEnded().hasPassed("BoundaryEvent_ResolutionConfirmedByCustomer", "EndEvent_ComplaintClosed");
    verify(steps, org.mockito.Mockito.never()).resolutionRecorded(any(DelegateTask.class));
    verify(closure).close(any(DelegateExecution.class), eq("RESOLVED"));
  }

  @Test
  void investigatesAgainWhenTheCustomerDisputesTheResolution() {
    // Given
    ProcessInstance pi = startAndReachProposal();
    complete(task(), withVariables("remedyType", "REPAIR"));
    complete(task(), withVariables("remedyAccepted", true));

    // When
    carryOutAndConfirm(pi, false);

    // Then
    assertThat(pi).isWaitingAt("Task_InvestigateComplaint");
    assertThat(task()).isAssignedTo(OWNER);
    verify(closure, org.mockito.Mockito.never()).close(any(), any());
  }

  @Test
  void givesAReopenedComplaintBackToItsOwnerToInvestigate() {
    // When a customer reopens a closed complaint
    ProcessInstance pi = runtimeService().createMessageCorrelation(HandlingProcess.MSG_COMPLAINT_REOPENED)
        .processInstanceBusinessKey("CF-20261123-000001")
        .setVariables(Map.of("complaintId", 1L, "ticket", "CF-20261123-000001", "owner", OWNER, "taskPriority", 50,
            "reopenReason", "退款仍未到账", "resolutionDueAt", new Date()))
        .correlateStartMessage();

    // Then
    assertThat(pi).hasPassed("StartEvent_ComplaintReopened");
    assertThat(pi).isWaitingAt("Task_InvestigateComplaint");
    assertThat(task()).isAssignedTo(OWNER);
  }

  private ProcessInstance startAndReachProposal() {
    ProcessInstance pi = startComplaint(null);
    registerFacts(pi, false, true);
    classify(pi);
    assertThat(pi).isWaitingAt("Task_ProposeRemedy");
    return pi;
  }

  private static ProcessInstance startComplaint(String receivedBy) {
    Map<String, Object> v = new HashMap<>();
    v.put("complaintId", 1L);
    v.put("ticket", "CF-20261123-000001");
    v.put("customerName", "王先生");
    v.put("customerTier", "GOLD");
    v.put("registrationGroup", "agents");
    v.put("taskPriority", 70);
    v.put("receivedBy", receivedBy);
    v.put("owner", null);
    v.put("firstResponseDueAt", new Date());
    v.put("resolutionDueAt", null);
    return runtimeService().startProcessInstanceByKey(HandlingProcess.KEY, "CF-20261123-000001", v);
  }

  /** What the registration form submits; the real listener adds the owner, here the test does. */
  private static void registerFacts(ProcessInstance pi, boolean suspectedMalicious, boolean resolvable) {
    assertThat(pi).isWaitingAt("Task_RegisterComplaint");
    taskService().claim(task().getId(), OWNER);
    complete(task(), withVariables("problemType", "PRODUCT_DEFECT", "personalInjury", false, "claimedAmount", 300,
        "suspectedMalicious", suspectedMalicious, "resolvableAtFirstContact", resolvable, "owner", OWNER));
  }

  /** Runs the asynchronous classification (real DMN tables, mocked recording). */
  private static void classify(ProcessInstance pi) {
    assertThat(pi).isWaitingAt("Task_DetermineCategory");
    execute(job());
    assertThat(pi).variables().containsEntry("severity", "MEDIUM");
  }

  private static void proposeAndAgree(ProcessInstance pi) {
    assertThat(pi).isWaitingAt("Task_ProposeRemedy");
    assertThat(task()).isAssignedTo(OWNER);
    complete(task(), withVariables("remedyType", "EXCHANGE"));
    assertThat(pi).isWaitingAt("Task_AgreeRemedyWithCustomer");
    complete(task(), withVariables("remedyAccepted", true));
  }

  private static void carryOutAndConfirm(ProcessInstance pi, boolean confirmed) {
    assertThat(pi).isWaitingAt("Task_CarryOutRemedy");
    complete(task());
    assertThat(pi).isWaitingAt("Task_ConfirmResolution");
    assertThat(task()).isAssignedTo(OWNER);
    assertThat(taskService().getIdentityLinksForTask(task().getId()))
        .noneMatch(link -> IdentityLinkType.CANDIDATE.equals(link.getType()));
    complete(task(), withVariables("resolutionConfirmed", confirmed));
  }
}
