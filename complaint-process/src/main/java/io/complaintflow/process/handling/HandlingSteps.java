package io.complaintflow.process.handling;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.identity.Group;
import org.springframework.stereotype.Component;

import io.complaintflow.process.complaint.Complaint;
import io.complaintflow.process.complaint.ComplaintEventType;
import io.complaintflow.process.complaint.ComplaintHistory;
import io.complaintflow.process.complaint.RemedyType;
import io.complaintflow.process.escalation.EscalationDemands;
import io.complaintflow.process.escalation.EscalationDemands.Demand;
import io.complaintflow.process.forms.FormInput;
import io.complaintflow.process.forms.FormInputException;
import io.complaintflow.process.reply.ForbiddenPhrases;
import io.complaintflow.process.sla.SlaClock;
import io.complaintflow.process.staff.StaffLevel;

/**
 * What happens when staff complete a task of {@code bpmn/complaint-handling.bpmn}: the form's content is checked,
 * written to the complaint and its history. This bean is the {@code complete} task listener of every user task
 * ({@code camunda:delegateExpression="${handlingSteps}"}); it hands each task to the method named for its step, so a
 * refused input refuses the completion and Tasklist shows why.
 */
@Component("handlingSteps")
public class HandlingSteps implements TaskListener {

  /** The user tasks whose completion this listener handles. */
  public static final Set<String> TASK_KEYS = Set.of("Task_RegisterComplaint", "Task_ReviewSuspectedMalicious",
      "Task_GiveFirmReply", "Task_RecordLegalReferral", "Task_InvestigateComplaint", "Task_ProposeRemedy",
      "Task_AgreeRemedyWithCustomer", "Task_DecideEscalatedComplaint", "Task_CarryOutRemedy", "Task_ConfirmResolution");

  static final Set<String> REMEDY_TYPES = Arrays.stream(RemedyType.values()).map(Enum::name).collect(Collectors.toSet());
  static final Set<String> CONFIRMATION_METHODS = Set.of("SIGNATURE", "PHONE", "SMS", "EMAIL", "IN_PERSON");
  static final Set<String> DECLINE_NEXT_STEPS = Set.of("NEW_PROPOSAL", "ESCALATE");
  static final Set<String> ESCALATION_DECISIONS = Set.of("NEW_REMEDY", "LEGAL");
  static final Set<String> NEXT_STEPS = Set.of("PROPOSE", "ASK_DEPARTMENTS", "ASK_CUSTOMER", "JOINT_CONSULTATION");
  static final Set<String> INQUIRY_DEPARTMENTS = Set.of("QUALITY", "PRODUCT", "BILLING", "LOGISTICS");
  static final Set<String> DEMANDS = Arrays.stream(Demand.values()).map(Enum::name).collect(Collectors.toSet());

  private final ComplaintHistory history;
  private final ForbiddenPhrases forbiddenPhrases;
  private final SlaClock slaClock;
  private final EscalationDemands escalationDemands;
  private final Clock clock;

  public HandlingSteps(ComplaintHistory history, ForbiddenPhrases forbiddenPhrases, SlaClock slaClock,
      EscalationDemands escalationDemands, Clock clock) {
    this.history = history;
    this.forbiddenPhrases = forbiddenPhrases;
    this.slaClock = slaClock;
    this.escalationDemands = escalationDemands;
    this.clock = clock;
  }

  @Override
  public void notify(DelegateTask task) {
    switch (task.getTaskDefinitionKey()) {
      case "Task_RegisterComplaint" -> factsRegistered(task);
      case "Task_ReviewSuspectedMalicious" -> maliciousReviewed(task);
      case "Task_GiveFirmReply" -> firmReplyGiven(task);
      case "Task_RecordLegalReferral" -> legalReferralRecorded(task);
      case "Task_InvestigateComplaint" -> investigated(task);
      case "Task_ProposeRemedy" -> remedyProposed(task);
      case "Task_AgreeRemedyWithCustomer" -> remedyNegotiated(task);
      case "Task_DecideEscalatedComplaint" -> escalationDecided(task);
      case "Task_CarryOutRemedy" -> remedyCarriedOut(task);
      case "Task_ConfirmResolution" -> resolutionRecorded(task);
      default -> throw new IllegalStateException("no handling step for task " + task.getTaskDefinitionKey());
    }
  }

  /** 登记投诉并核实事实: whoever registers owns the complaint (首诉负责制). */
  public void factsRegistered(DelegateTask task) {
    FormInput form = FormInput.of(task);
    Complaint c = complaintOf(task);
    String owner = completer(task);
    String facts = form.requiredText("facts", "事实经过", 4000);
    String customerRequest = form.requiredText("customerRequest", "客户诉求", 1000);
    String problemType = form.requiredText("problemType", "问题类型", 40);
    form.amount("claimedAmount", "客户索赔金额");
    if (form.bool("personalInjury") == null) {
      task.setVariable("personalInjury", false);
    }
    if (task.getVariable("claimedAmount") == null) {
      task.setVariable("claimedAmount", 0);
    }
    boolean resolvable = form.requiredBool("resolvableAtFirstContact", "能否当场解决");
    boolean suspected = form.bool("suspectedMalicious", false);

    Instant now = clock.instant();
    c.register(owner, facts, customerRequest, problemType, now);
    task.setVariable(HandlingProcess.Vars.OWNER, owner);
    c = history.record(c, ComplaintEventType.REGISTERED, owner, null);
    slaClock.firstResponded(c);

    if (!resolvable) {
      String reason = form.requiredText("delayReason", "暂不能解决的原因(告知客户)", 1000);
      forbiddenPhrases.requireClean("delayReason", "暂不能解决的原因(告知客户)", reason);
      Instant promisedAt = form.requiredInstant("promisedReplyAt", "答复客户的时间", clock.getZone());
      if (!promisedAt.isAfter(now)) {
        throw new FormInputException("promisedReplyAt", "「答复客户的时间」必须晚于现在",
            "'promisedReplyAt' must lie in the future");
      }
      c.promiseReply(reason, promisedAt);
      c = history.record(c, ComplaintEventType.REPLY_PROMISED, owner, reason);
    }
    if (suspected) {
      String why = form.requiredText("maliciousReason", "疑似恶意投诉的依据", 1000);
      c.escalate();
      c = history.record(c, ComplaintEventType.MALICIOUS_SUSPECTED, owner, why);
    }
    if (form.bool("escalationDemanded", false)) {
      Demand demand = Demand.valueOf(form.requiredChoice("escalationDemand", "客户的要求", DEMANDS));
      escalationDemands.demand(c, demand, form.requiredText("escalationDemandNote", "情况说明", 1000), owner);
    }
  }

  /** 审核疑似恶意投诉: a supervisor confirms or rejects the suspicion; the decision is recorded. */
  public void maliciousReviewed(DelegateTask task) {
    FormInput form = FormInput.of(task);
    Complaint c = complaintOf(task);
    boolean confirmed = form.requiredBool("maliciousConfirmed", "确认为恶意投诉");
    String note = form.requiredText("maliciousReviewNote", "审核意见", 2000);
    if (confirmed) {
      boolean legal = form.bool("legalAction", false);
      history.record(c, ComplaintEventType.MALICIOUS_CONFIRMED, completer(task),
          (legal ? "[法律途径 legal] " : "[严正答复 firm reply] ") + note);
    } else {
      c.backInProgress();
      history.record(c, ComplaintEventType.MALICIOUS_REJECTED, completer(task), note);
    }
  }

  /** 严正答复恶意投诉人. */
  public void firmReplyGiven(DelegateTask task) {
    String reply = FormInput.of(task).requiredText("firmReply", "答复内容", 2000);
    forbiddenPhrases.requireClean("firmReply", "答复内容", reply);
    history.record(complaintOf(task), ComplaintEventType.FIRM_REPLY_GIVEN, completer(task), reply);
  }

  /** 记录法律途径处理情况. */
  public void legalReferralRecorded(DelegateTask task) {
    String note = FormInput.of(task).requiredText("legalNote", "法律途径处理说明", 2000);
    history.record(complaintOf(task), ComplaintEventType.REFERRED_TO_LEGAL, completer(task), note);
  }

  /** 调查投诉原因: the findings, and what comes next (departments, the customer, a joint consultation, a remedy). */
  public void investigated(DelegateTask task) {
    FormInput form = FormInput.of(task);
    String findings = form.requiredText("findings", "调查情况与结论", 4000);
    String rootCause = form.text("rootCause", "根本原因", 1000);
    String next = form.requiredChoice("investigationNextStep", "下一步", NEXT_STEPS);
    switch (next) {
      case "ASK_DEPARTMENTS" -> {
        task.setVariable("inquiryDepartmentList", new ArrayList<>(
            form.requiredChoices("inquiryDepartments", "问询哪些部门", INQUIRY_DEPARTMENTS)));
        form.requiredText("inquiry", "问询内容", 2000);
        Object hours = task.getVariable("replyWithinHours");
        if (hours != null && !(Double.parseDouble(hours.toString()) >= 1 && Double.parseDouble(hours.toString()) <= 80)) {
          throw new FormInputException("replyWithinHours", "「回复期限」须为 1 到 80 个工作小时",
              "'replyWithinHours' must be between 1 and 80 working hours");
        }
      }
      case "ASK_CUSTOMER" -> forbiddenPhrases.requireClean("informationRequest", "请客户补充什么",
          form.requiredText("informationRequest", "请客户补充什么", 1000));
      case "JOINT_CONSULTATION" -> {
        task.setVariable("consultationDepartmentList", new ArrayList<>(
            form.requiredChoices("consultationDepartments", "会诊部门", INQUIRY_DEPARTMENTS)));
        form.requiredText("consultationQuestion", "会诊问题", 2000);
      }
      default -> {
      }
    }
    history.record(complaintOf(task), ComplaintEventType.INVESTIGATED, completer(task),
        (rootCause == null ? findings : findings + "\n根本原因:" + rootCause) + "\n→ " + next);
  }

  /** 提出处理方案: drafted; it reaches the customer once within authority or approved. */
  public void remedyProposed(DelegateTask task) {
    Complaint c = complaintOf(task);
    proposeRemedy(task, c, completer(task), "OWNER");
  }

  /** 与客户协商处理方案: accepted, or declined with the next step (new proposal or escalate). */
  public void remedyNegotiated(DelegateTask task) {
    FormInput form = FormInput.of(task);
    Complaint c = complaintOf(task);
    String actor = completer(task);
    if (form.requiredBool("remedyAccepted", "客户是否接受方案")) {
      c.agreeRemedy();
      history.record(c, ComplaintEventType.REMEDY_ACCEPTED, actor, c.getRemedySummary());
      return;
    }
    String reason = form.requiredText("declineReason", "客户不接受的原因", 1000);
    String next = form.requiredChoice("declineNextStep", "下一步", DECLINE_NEXT_STEPS);
    c.backInProgress();
    c = history.record(c, ComplaintEventType.REMEDY_DECLINED, actor, reason);
    if ("ESCALATE".equals(next)) {
      c.escalate();
      history.record(c, ComplaintEventType.ESCALATED, actor, null);
    }
  }

  /** 上级处理升级投诉: a supervisor decides on a new remedy or the legal route. */
  public void escalationDecided(DelegateTask task) {
    FormInput form = FormInput.of(task);
    Complaint c = complaintOf(task);
    String actor = completer(task);
    String decision = form.requiredChoice("escalationDecision", "处理决定", ESCALATION_DECISIONS);
    String note = form.requiredText("escalationNote", "处理意见", 2000);
    c = history.record(c, ComplaintEventType.ESCALATION_DECIDED, actor, decision + ": " + note);
    if ("NEW_REMEDY".equals(decision)) {
      proposeRemedy(task, c, actor, "SUPERVISOR");
    }
  }

  /** 执行处理方案. */
  public void remedyCarriedOut(DelegateTask task) {
    String actions = FormInput.of(task).requiredText("actionsTaken", "已执行的处理措施(告知客户)", 2000);
    forbiddenPhrases.requireClean("actionsTaken", "已执行的处理措施(告知客户)", actions);
    Complaint c = complaintOf(task);
    c.remedyCarriedOut(clock.instant());
    history.record(c, ComplaintEventType.REMEDY_CARRIED_OUT, completer(task), actions);
  }

  /** 记录客户签字确认: staff record the customer's sign-off, or that the customer disputes the resolution. */
  public void resolutionRecorded(DelegateTask task) {
    FormInput form = FormInput.of(task);
    Complaint c = complaintOf(task);
    String actor = completer(task);
    if (form.requiredBool(HandlingProcess.Vars.RESOLUTION_CONFIRMED, "客户确认问题已解决")) {
      String signedOffBy = form.requiredText(HandlingProcess.Vars.SIGNED_OFF_BY, "签字确认人", 100);
      String method = form.requiredChoice(HandlingProcess.Vars.CONFIRMATION_METHOD, "确认方式", CONFIRMATION_METHODS);
      c.signOff(signedOffBy);
      history.record(c, ComplaintEventType.RESOLUTION_CONFIRMED, actor, signedOffBy + " (" + method + ")");
    } else {
      String reason = form.requiredText(HandlingProcess.Vars.DISPUTE_REASON, "客户不认可的原因", 1000);
      c.backInProgress();
      history.record(c, ComplaintEventType.RESOLUTION_DISPUTED, actor, reason);
    }
  }

  private void proposeRemedy(DelegateTask task, Complaint c, String actor, String role) {
    FormInput form = FormInput.of(task);
    String type = form.requiredChoice("remedyType", "处理方式", REMEDY_TYPES);
    BigDecimal amount = form.amount("remedyAmount", "金额(元)");
    String description = form.requiredText("remedyDescription", "处理方案(告知客户)", 2000);
    forbiddenPhrases.requireClean("remedyDescription", "处理方案(告知客户)", description);
    form.text("customerSuggestion", "客户期望的处理方式", 1000);
    c.draftRemedy(type, amount, description);
    history.record(c, ComplaintEventType.REMEDY_DRAFTED, actor, type + " " + (amount == null ? "" : amount) + ": "
        + description);
    // what the authority check needs: the amount as a number, who proposed it and at which level they act
    task.setVariable("remedyAmount", amount == null ? 0.0 : amount.doubleValue());
    task.setVariable("proposer", actor);
    task.setVariable("proposerLevel", StaffLevel.highestOf(groupsOf(task, actor)).name());
    task.setVariable("remedyProposerRole", role);
    task.setVariable("rejectionReason", null);
  }

  private static List<String> groupsOf(DelegateTask task, String user) {
    return task.getProcessEngineServices().getIdentityService().createGroupQuery().groupMember(user).list().stream()
        .map(Group::getId).toList();
  }

  private Complaint complaintOf(DelegateTask task) {
    return history.complaint(((Number) task.getVariable(HandlingProcess.Vars.COMPLAINT_ID)).longValue());
  }

  static String completer(DelegateTask task) {
    return FormInput.completedBy(task);
  }
}
