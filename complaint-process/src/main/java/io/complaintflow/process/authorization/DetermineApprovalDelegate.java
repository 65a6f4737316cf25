package io.complaintflow.process.authorization;

import static io.complaintflow.process.authorization.RemedyApprovalProcess.Vars;

import java.util.HashMap;
import java.util.Map;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import io.complaintflow.process.complaint.Complaint;
import io.complaintflow.process.complaint.ComplaintEventType;
import io.complaintflow.process.rules.NoMatchingRuleException;
import io.complaintflow.process.staff.StaffLevel;

/**
 * 判断是否在提议人权限内: compares the level the authority table requires with the proposer's. Within it, the remedy is
 * granted on the spot (the seeds' "solve it on the spot") and offered to the customer; above it, approval starts one
 * level above the proposer.
 */
@Component("determineApprovalDelegate")
public class DetermineApprovalDelegate implements JavaDelegate {

  private final RemedyApprovals approvals;

  public DetermineApprovalDelegate(RemedyApprovals approvals) {
    this.approvals = approvals;
  }

  @Override
  public void execute(DelegateExecution execution) {
    @SuppressWarnings("unchecked")
    Map<String, Object> authority = (Map<String, Object>) execution.getVariable(Vars.AUTHORITY);
    if (authority == null) {
      Map<String, Object> input = new HashMap<>();
      input.put(Vars.REMEDY_TYPE, execution.getVariable(Vars.REMEDY_TYPE));
      input.put(Vars.REMEDY_AMOUNT, execution.getVariable(Vars.REMEDY_AMOUNT));
      input.put(Vars.CUSTOMER_TIER, execution.getVariable(Vars.CUSTOMER_TIER));
      throw new NoMatchingRuleException(RemedyApprovalProcess.DECISION, input);
    }
    StaffLevel required = StaffLevel.valueOf((String) authority.get("requiredLevel"));
    StaffLevel proposerLevel = StaffLevel.valueOf((String) execution.getVariable(Vars.PROPOSER_LEVEL));
    execution.setVariable(Vars.REQUIRED_LEVEL, required.name());
    execution.setVariable(Vars.REQUIRED_LEVEL_TITLE, required.title());
    execution.setVariable(Vars.AUTHORITY_RULE, authority.get("authorityRule"));
    boolean within = !proposerLevel.isBelow(required);
    execution.setVariable(Vars.WITHIN_AUTHORITY, within);

    Complaint c = approvals.complaint(execution);
    if (within) {
      String proposer = (String) execution.getVariable(Vars.PROPOSER);
      c = approvals.record(execution, c, proposer, proposerLevel, RemedyDecision.Decision.WITHIN_AUTHORITY, null,
          ComplaintEventType.REMEDY_AUTHORIZED);
      approvals.offer(execution, c, proposer);
    } else {
      StaffLevel first = proposerLevel.next();
      execution.setVariable(Vars.APPROVAL_LEVEL, first.name());
      execution.setVariable(Vars.APPROVAL_LEVEL_TITLE, first.title());
      execution.setVariable(Vars.APPROVAL_GROUP, first.group());
      execution.setVariable(Vars.REMEDY_APPROVED, false);
    }
  }
}
