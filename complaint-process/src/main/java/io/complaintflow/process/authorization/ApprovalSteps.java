package io.complaintflow.process.authorization;

import static io.complaintflow.process.authorization.RemedyApprovalProcess.Vars;

import java.util.List;
import java.util.Set;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.identity.Group;
import org.springframework.stereotype.Component;

import io.complaintflow.process.complaint.Complaint;
import io.complaintflow.process.complaint.ComplaintEventType;
import io.complaintflow.process.forms.FormInput;
import io.complaintflow.process.forms.FormInputException;
import io.complaintflow.process.staff.StaffLevel;

/**
 * 审批处理方案: an approver decides. Only a member of the level asked may decide (Camunda's authorizations show the task
 * to that group only; this check also holds when a task was handed to someone else), never the proposer. A level
 * below the required one may only endorse (pass it up) or reject; the required level or above approves or rejects.
 */
@Component("approvalSteps")
public class ApprovalSteps implements TaskListener {

  static final Set<String> DECISIONS = Set.of("APPROVE", "ENDORSE", "REJECT");

  private final RemedyApprovals approvals;

  public ApprovalSteps(RemedyApprovals approvals) {
    this.approvals = approvals;
  }

  @Override
  public void notify(DelegateTask task) {
    FormInput form = FormInput.of(task);
    String approver = FormInput.completedBy(task);
    StaffLevel level = StaffLevel.valueOf((String) task.getVariable(Vars.APPROVAL_LEVEL));
    StaffLevel required = StaffLevel.valueOf((String) task.getVariable(Vars.REQUIRED_LEVEL));
    List<String> groups = task.getProcessEngineServices().getIdentityService().createGroupQuery()
        .groupMember(approver).list().stream().map(Group::getId).toList();
    if (!groups.contains(level.group())) {
      throw new FormInputException("approvalDecision", "只有" + level.title() + "可以审批这个方案",
          "only a member of " + level.group() + " may decide at this step");
    }
    if (approver.equals(task.getVariable(Vars.PROPOSER))) {
      throw new FormInputException("approvalDecision", "不能审批自己提出的方案", "nobody approves their own proposal");
    }
    String decision = form.requiredChoice(Vars.APPROVAL_DECISION, "审批意见", DECISIONS);
    String reason = form.text(Vars.APPROVAL_REASON, "理由", 2000);
    boolean mayDecide = !level.isBelow(required);
    if ("APPROVE".equals(decision) && !mayDecide) {
      throw new FormInputException(Vars.APPROVAL_DECISION, "本方案需" + required.title() + "批准," + level.title()
          + "只能同意并转上级审批或驳回", "this remedy needs " + required + "; endorse it or reject it");
    }
    if ("ENDORSE".equals(decision) && mayDecide) {
      throw new FormInputException(Vars.APPROVAL_DECISION, "本级有权决定,请批准或驳回",
          "this level may decide: approve or reject");
    }
    if ("REJECT".equals(decision) && reason == null) {
      throw new FormInputException(Vars.APPROVAL_REASON, "驳回时请说明理由,负责人据此修改方案",
          "give the reason for rejecting, so the proposer can revise the remedy");
    }

    Complaint c = approvals.complaint(task);
    switch (decision) {
      case "APPROVE" -> {
        c = approvals.record(task, c, approver, level, RemedyDecision.Decision.APPROVED, reason,
            ComplaintEventType.REMEDY_APPROVED);
        approvals.offer(task, c, approver);
      }
      case "ENDORSE" -> {
        approvals.record(task, c, approver, level, RemedyDecision.Decision.ENDORSED, reason,
            ComplaintEventType.REMEDY_ENDORSED);
        StaffLevel next = level.next();
        task.setVariable(Vars.APPROVAL_LEVEL, next.name());
        task.setVariable(Vars.APPROVAL_LEVEL_TITLE, next.title());
        task.setVariable(Vars.APPROVAL_GROUP, next.group());
      }
      default -> {
        approvals.record(task, c, approver, level, RemedyDecision.Decision.REJECTED, reason,
            ComplaintEventType.REMEDY_REJECTED);
        task.setVariable(Vars.REMEDY_APPROVED, false);
        task.setVariable(Vars.REJECTION_REASON, level.title() + " " + approver + ":" + reason);
      }
    }
  }
}
