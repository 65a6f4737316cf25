package io.complaintflow.process.handling;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.taskQuery;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.taskService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.doCallRealMethod;
import static org.mockito.Mockito.inOrder;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoMoreInteractions;

import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
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
 * the complaint are mocks, so each test checks which of them the path called. The processes it calls (approval,
 * department inquiry, customer information, joint consultation) are stand-ins with one task whose completion sets
 * their outputs; they have tests of their own. The class fails unless together the tests pass every flow node and
 * sequence flow.
 */
@Deployment(resources = {
    "bpmn/complaint-handling.bpmn", "dmn/complaint-classification.dmn", "dmn/accountability-triggers.dmn",
    "stubs/approval.bpmn20.xml", "stubs/linkage.bpmn20.xml", "stubs/customer-information.bpmn20.xml",
    "stubs/consultation.bpmn20.xml",
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
  private JavaDelegate pauseSla;
  private JavaDelegate resumeSla;
  private JavaDelegate earlyWarning;
  private JavaDelegate scheduleRevisit;
  private JavaDelegate startAccountability;
  private JavaDelegate closeWithBatch;
  private JavaDelegate notifyCustomer;
  /** The templates of the customer notifications sent, in order. */
  private final List<String> customerMessages = new java.util.ArrayList<>();
  /** What the closure leaves for the accountability table: the level the complaint was escalated to, a breach. */
  private String escalationLevelAtClosure;
  private boolean breachedAtClosure;

  @BeforeEach
  void registerMocks() throws Exception {
    steps = mock(HandlingSteps.class);
    doCallRealMethod().when(steps).notify(any(DelegateTask.class));
    recordClassification = mock(RecordClassificationDelegate.class);
    closure = mock(ComplaintClosure.class);
    pauseSla = mock(JavaDelegate.class);
    resumeSla = mock(JavaDelegate.class);
    earlyWarning = mock(JavaDelegate.class);
    scheduleRevisit = mock(JavaDelegate.class);
    startAccountability = mock(JavaDelegate.class);
    closeWithBatch = mock(JavaDelegate.class);
    notifyCustomer = mock(JavaDelegate.class);
    doAnswer(call -> {
      customerMessages.add((String) ((DelegateExecution) call.getArgument(0)).getVariableLocal("template"));
      return null;
    }).when(notifyCustomer).execute(any(DelegateExecution.class));
    Mocks.register("notifyCustomerDelegate", notifyCustomer);
    doAnswer(call -> {
      DelegateExecution execution = call.getArgument(0);
      execution.setVariable("escalationLevel", escalationLevelAtClosure);
      execution.setVariable("slaBreached", breachedAtClosure);
      return null;
    }).when(closure).close(any(DelegateExecution.class), any());
    Mocks.register("handlingSteps", steps);
    Mocks.register("earlyWarningDelegate", earlyWarning);
    Mocks.register("scheduleRevisitDelegate", scheduleRevisit);
    Mocks.register("startAccountabilityReviewDelegate", startAccountability);
    Mocks.register("closeWithBatchIncidentDelegate", closeWithBatch);
    Mocks.register("recordClassificationDelegate", recordClassification);
    Mocks.register("complaintClosure", closure);
    Mocks.register("pauseSlaDelegate", pauseSla);
    Mocks.register("resumeSlaDelegate", resumeSla);
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
    proposeApproveAndAgree(pi);
    carryOutAndConfirm(pi, true);

    // Then
    assertThat(pi).hasPassedInOrder("StartEvent_ComplaintReceived", "Task_RegisterComplaint",
        "Task_DetermineCategory", "Task_AssessSeverity", "Task_RecordClassification", "Task_CheckBatchComplaints",
        "Task_ProposeRemedy", "CallActivity_ApproveRemedy", "Task_AgreeRemedyWithCustomer", "Task_CarryOutRemedy",
        "Task_PauseSlaForConfirmation", "Task_ConfirmResolution", "Task_CloseComplaint", "Task_ScheduleRevisit",
        "Task_DetermineAccountability", "EndEvent_ComplaintClosed");
    assertThat(pi).hasNotPassed("Task_InvestigateComplaint", "Task_ReviewSuspectedMalicious",
        "Task_StartAccountabilityReview");
    assertThat(pi).isEnded();
    InOrder order = inOrder(steps, recordClassification, earlyWarning, pauseSla, closure, scheduleRevisit);
    order.verify(steps).factsRegistered(any(DelegateTask.class));
    order.verify(recordClassification).execute(any(DelegateExecution.class));
    order.verify(earlyWarning).execute(any(DelegateExecution.class));
    order.verify(steps).remedyProposed(any(DelegateTask.class));
    order.verify(steps).remedyNegotiated(any(DelegateTask.class));
    order.verify(steps).remedyCarriedOut(any(DelegateTask.class));
    order.verify(pauseSla).execute(any(DelegateExecution.class));
    order.verify(steps).resolutionRecorded(any(DelegateTask.class));
    order.verify(closure).close(any(DelegateExecution.class), eq("RESOLVED"));
    order.verify(scheduleRevisit).execute(any(DelegateExecution.class));
    assertThat(customerMessages).containsExactly("ACKNOWLEDGEMENT", "REMEDY_PROPOSED", "REMEDY_CARRIED_OUT",
        "COMPLAINT_CLOSED");
    verify(steps, times(5)).notify(any(DelegateTask.class));
    verifyNoMoreInteractions(steps, recordClassification, earlyWarning, closure, pauseSla, resumeSla, scheduleRevisit,
        startAccountability, closeWithBatch);
  }

  @Test
  void startsAnAccountabilityReviewForAComplaintEscalatedToAManager() throws Exception {
    // Given a complaint that was escalated to a manager before it was resolved
    escalationLevelAtClosure = "MANAGER";
    ProcessInstance pi = startAndReachProposal();

    // When
    proposeApproveAndAgree(pi);
    carryOutAndConfirm(pi, true);

    // Then
    assertThat(pi).isEnded().hasPassedInOrder("Task_CloseComplaint", "Task_ScheduleRevisit",
        "Task_DetermineAccountability", "Task_StartAccountabilityReview", "EndEvent_ComplaintClosed");
    assertThat(pi).variables().containsEntry("accountabilityTrigger", "ESCALATED");
    verify(startAccountability).execute(any(DelegateExecution.class));
  }

  @Test
  void startsAnAccountabilityReviewForAComplaintPastItsSlaTarget() throws Exception {
    // Given a complaint resolved after its SLA target
    breachedAtClosure = true;
    escalationLevelAtClosure = "SUPERVISOR";
    ProcessInstance pi = startAndReachProposal();

    // When
    proposeApproveAndAgree(pi);
    carryOutAndConfirm(pi, true);

    // Then
    assertThat(pi).isEnded().hasPassed("Task_StartAccountabilityReview");
    assertThat(pi).variables().containsEntry("accountabilityTrigger", "BREACHED");
    verify(startAccountability).execute(any(DelegateExecution.class));
  }

  @Test
  void closesAComplaintTogetherWithItsResolvedBatchIncident() throws Exception {
    // Given a complaint of a batch incident, under investigation
    ProcessInstance pi = startAndReachInvestigation();

    // When the incident is resolved: the closing runs on its own (one job per complaint of the incident)
    runtimeService().createMessageCorrelation(HandlingProcess.MSG_BATCH_INCIDENT_RESOLVED)
        .processInstanceId(pi.getId())
        .setVariable("batchResolution", "该批次内胆已全部召回更换")
        .correlate();
    assertThat(pi).isWaitingAt("Task_CloseWithBatchIncident");
    assertThat(taskQuery().processInstanceId(pi.getId()).count()).as("the investigation is cancelled").isZero();
    execute(job());

    // Then
    assertThat(pi).isEnded().hasPassedInOrder("StartEvent_BatchIncidentResolved", "Task_CloseWithBatchIncident",
        "IntermediateEvent_BatchResolutionSent", "Task_ScheduleRevisitAfterBatch", "EndEvent_ClosedWithBatchIncident");
    assertThat(customerMessages).containsExactly("ACKNOWLEDGEMENT", "REPLY_PROMISED", "BATCH_RESOLVED");
    assertThat(pi).hasNotPassed("Task_CloseComplaint", "Task_DetermineAccountability");
    InOrder order = inOrder(closeWithBatch, scheduleRevisit);
    order.verify(closeWithBatch).execute(any(DelegateExecution.class));
    order.verify(scheduleRevisit).execute(any(DelegateExecution.class));
    verify(startAccountability, never()).execute(any());
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
    ProcessInstance pi = startAndReachInvestigation();

    // When
    complete(task(), withVariables("findings", "批次 B2026-11 包装密封不良", "investigationNextStep", "PROPOSE"));

    // Then
    assertThat(pi).isWaitingAt("Task_ProposeRemedy");
    assertThat(pi).hasPassed("Gateway_JointConsultationNeeded", "Gateway_JoinConsultation");
    assertThat(task()).isAssignedTo(OWNER);
    verify(steps).investigated(any(DelegateTask.class));
  }

  @Test
  void asksEveryChosenDepartmentAndComesBackToTheInvestigation() {
    // Given
    ProcessInstance pi = startAndReachInvestigation();

    // When the owner asks quality and logistics for a reply
    complete(task(), withVariables("investigationNextStep", "ASK_DEPARTMENTS",
        "inquiryDepartmentList", new java.util.ArrayList<>(List.of("QUALITY", "LOGISTICS")), "inquiry", "请核实批次",
        "replyWithinHours", 8));

    // Then one inquiry per department runs, and both must finish
    List<Task> inquiries = taskQuery().taskDefinitionKey("Task_StubDepartmentReply").list();
    assertThat(inquiries).hasSize(2);
    assertThat(inquiries.stream().map(t -> taskService().getVariable(t.getId(), "department")))
        .containsExactlyInAnyOrder("QUALITY", "LOGISTICS");
    taskService().complete(inquiries.get(0).getId());
    assertThat(pi).isWaitingAt("CallActivity_AskDepartments");
    taskService().complete(inquiries.get(1).getId());
    assertThat(pi).isWaitingAt("Task_InvestigateComplaint");
    assertThat(pi).hasPassed("CallActivity_AskDepartments");
  }

  @Test
  void asksTheCustomerForMissingInformationAndComesBackToTheInvestigation() {
    // Given
    ProcessInstance pi = startAndReachInvestigation();

    // When
    complete(task(), withVariables("investigationNextStep", "ASK_CUSTOMER", "informationRequest", "请提供购买凭证照片"));
    Task stub = taskQuery().taskDefinitionKey("Task_StubCustomerInformation").singleResult();
    assertThat(taskService().getVariable(stub.getId(), "informationRequest")).isEqualTo("请提供购买凭证照片");
    taskService().complete(stub.getId(), Map.of("customerInformation", "凭证已上传"));

    // Then
    assertThat(pi).isWaitingAt("Task_InvestigateComplaint");
    assertThat(pi).variables().containsEntry("customerInformation", "凭证已上传");
  }

  @Test
  void takesAHardComplaintToAJointConsultationBeforeProposing() {
    // Given
    ProcessInstance pi = startAndReachInvestigation();

    // When
    complete(task(), withVariables("investigationNextStep", "JOINT_CONSULTATION",
        "consultationDepartmentList", new java.util.ArrayList<>(List.of("QUALITY", "PRODUCT")),
        "consultationQuestion", "故障原因不明"));
    Task stub = taskQuery().taskDefinitionKey("Task_StubJointConsultation").singleResult();
    assertThat(taskService().getVariable(stub.getId(), "consultationDepartments")).isEqualTo(List.of("QUALITY", "PRODUCT"));
    taskService().complete(stub.getId(), Map.of("jointDecision", "主板批次缺陷,由质量部负责召回"));

    // Then
    assertThat(pi).isWaitingAt("Task_ProposeRemedy");
    assertThat(pi).variables().containsEntry("jointDecision", "主板批次缺陷,由质量部负责召回");
  }

  @Test
  void givesARejectedRemedyBackToTheOwnerWithTheReason() {
    // Given
    ProcessInstance pi = startAndReachProposal();
    complete(task(), withVariables("remedyType", "REFUND", "remedyProposerRole", "OWNER"));

    // When the approver rejects it
    decideApproval(false, "金额超过实际损失");

    // Then
    assertThat(pi).isWaitingAt("Task_ProposeRemedy");
    assertThat(task()).isAssignedTo(OWNER);
    assertThat(pi).variables().containsEntry("rejectionReason", "金额超过实际损失");
    assertThat(pi).hasPassed("Gateway_JoinRevision");
  }

  @Test
  void proposesAnotherRemedyWhenTheCustomerDeclines() {
    // Given
    ProcessInstance pi = startAndReachProposal();
    complete(task(), withVariables("remedyType", "VOUCHER", "remedyProposerRole", "OWNER"));
    decideApproval(true, null);

    // When the customer declines and the owner tries again
    complete(task(), withVariables("remedyAccepted", false, "declineNextStep", "NEW_PROPOSAL"));

    // Then
    assertThat(pi).isWaitingAt("Task_ProposeRemedy");
    assertThat(task()).isAssignedTo(OWNER);
    assertThat(pi).hasNotPassed("Task_DecideEscalatedComplaint");
  }

  @Test
  void escalatesADeclinedRemedyToASupervisorWhoseNewRemedyIsApproved() {
    // Given
    ProcessInstance pi = startAndReachProposal();
    complete(task(), withVariables("remedyType", "VOUCHER", "remedyProposerRole", "OWNER"));
    decideApproval(true, null);

    // When
    complete(task(), withVariables("remedyAccepted", false, "declineNextStep", "ESCALATE"));
    assertThat(pi).isWaitingAt("Task_DecideEscalatedComplaint");
    assertThat(task()).hasCandidateGroup("supervisors").isNotAssigned();
    complete(task(), withVariables("escalationDecision", "NEW_REMEDY", "remedyProposerRole", "SUPERVISOR"));
    decideApproval(true, null);

    // Then the owner takes the supervisor's remedy back to the customer
    assertThat(pi).isWaitingAt("Task_AgreeRemedyWithCustomer");
    assertThat(task()).isAssignedTo(OWNER);
    complete(task(), withVariables("remedyAccepted", true));
    carryOutAndConfirm(pi, true);
    assertThat(pi).isEnded().hasPassed("EndEvent_ComplaintClosed");
    verify(steps).escalationDecided(any(DelegateTask.class));
  }

  @Test
  void returnsASupervisorsRejectedRemedyToTheSupervisor() {
    // Given a supervisor's new remedy that the manager rejects
    ProcessInstance pi = startAndReachProposal();
    complete(task(), withVariables("remedyType", "VOUCHER", "remedyProposerRole", "OWNER"));
    decideApproval(true, null);
    complete(task(), withVariables("remedyAccepted", false, "declineNextStep", "ESCALATE"));
    complete(task(), withVariables("escalationDecision", "NEW_REMEDY", "remedyProposerRole", "SUPERVISOR"));

    // When
    decideApproval(false, "超出本季度预算");

    // Then the supervisor decides again
    assertThat(pi).isWaitingAt("Task_DecideEscalatedComplaint");
    assertThat(pi).hasPassed("Gateway_RejectedRemedyProposer", "Gateway_JoinEscalationDecision");
  }

  @Test
  void sendsAnEscalatedComplaintWithOutrageousDemandsToTheLegalRoute() {
    // Given
    ProcessInstance pi = startAndReachProposal();
    complete(task(), withVariables("remedyType", "COMPENSATION", "remedyProposerRole", "OWNER"));
    decideApproval(true, null);
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
    assertThat(customerMessages).containsExactly("ACKNOWLEDGEMENT", "FIRM_REPLY");
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
    assertThat(customerMessages).containsExactly("ACKNOWLEDGEMENT", "COMPLAINT_CLOSED");
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
    complete(task(), withVariables("remedyType", "REFUND", "remedyProposerRole", "OWNER"));
    decideApproval(true, null);
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
    verify(steps, never()).resolutionRecorded(any(DelegateTask.class));
    verify(closure).close(any(DelegateExecution.class), eq("RESOLVED"));
  }

  @Test
  void resumesTheClockAndInvestigatesAgainWhenTheCustomerDisputesTheResolution() throws Exception {
    // Given
    ProcessInstance pi = startAndReachProposal();
    complete(task(), withVariables("remedyType", "REPAIR", "remedyProposerRole", "OWNER"));
    decideApproval(true, null);
    complete(task(), withVariables("remedyAccepted", true));

    // When
    carryOutAndConfirm(pi, false);

    // Then
    assertThat(pi).isWaitingAt("Task_InvestigateComplaint");
    assertThat(pi).hasPassed("Task_ResumeSlaAfterDispute");
    assertThat(task()).isAssignedTo(OWNER);
    verify(pauseSla).execute(any());
    verify(resumeSla).execute(any());
    verify(closure, never()).close(any(), any());
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

  private ProcessInstance startAndReachInvestigation() {
    ProcessInstance pi = startComplaint(null);
    registerFacts(pi, false, false);
    classify(pi);
    assertThat(pi).isWaitingAt("Task_InvestigateComplaint");
    return pi;
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
    v.put("productName", "智能电饭煲 RC-2026");
    v.put("description", "内胆裂纹");
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

  /** The stand-in approval decides; the called process's outputs come back to the complaint. */
  private static void decideApproval(boolean approved, String rejectionReason) {
    Task stub = taskQuery().taskDefinitionKey("Task_StubApproval").singleResult();
    assertThat(stub).as("approval started").isNotNull();
    assertThat(taskService().getVariable(stub.getId(), "remedyType")).isNotNull();
    Map<String, Object> outcome = new HashMap<>();
    outcome.put("remedyApproved", approved);
    outcome.put("rejectionReason", rejectionReason);
    taskService().complete(stub.getId(), outcome);
  }

  private static void proposeApproveAndAgree(ProcessInstance pi) {
    assertThat(pi).isWaitingAt("Task_ProposeRemedy");
    assertThat(task()).isAssignedTo(OWNER);
    complete(task(), withVariables("remedyType", "EXCHANGE", "remedyProposerRole", "OWNER"));
    assertThat(pi).isWaitingAt("CallActivity_ApproveRemedy");
    decideApproval(true, null);
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
