package io.complaintflow.process.authorization;

import java.math.BigDecimal;
import java.time.Clock;

import org.camunda.bpm.engine.delegate.VariableScope;
import org.springframework.stereotype.Component;

import io.complaintflow.process.complaint.Complaint;
import io.complaintflow.process.complaint.ComplaintEventType;
import io.complaintflow.process.complaint.ComplaintHistory;
import io.complaintflow.process.staff.StaffLevel;

import static io.complaintflow.process.authorization.RemedyApprovalProcess.Vars;

/** Records decisions on remedies and offers approved remedies to the customer. */
@Component
class RemedyApprovals {

  private final ComplaintHistory history;
  private final RemedyDecisionRepository decisions;
  private final Clock clock;

  RemedyApprovals(ComplaintHistory history, RemedyDecisionRepository decisions, Clock clock) {
    this.history = history;
    this.decisions = decisions;
    this.clock = clock;
  }

  Complaint complaint(VariableScope scope) {
    return history.complaint(((Number) scope.getVariable(Vars.COMPLAINT_ID)).longValue());
  }

  /** Records a decision, on the decision table and in the complaint's history. */
  Complaint record(VariableScope scope, Complaint c, String decidedBy, StaffLevel decidedLevel,
      RemedyDecision.Decision decision, String reason, ComplaintEventType event) {
    BigDecimal amount = amountOf(scope.getVariable(Vars.REMEDY_AMOUNT));
    decisions.save(new RemedyDecision(null, c.getId(), (String) scope.getVariable(Vars.REMEDY_TYPE), amount,
        (String) scope.getVariable(Vars.CUSTOMER_TIER), StaffLevel.valueOf((String) scope.getVariable(Vars.REQUIRED_LEVEL)),
        (String) scope.getVariable(Vars.AUTHORITY_RULE), (String) scope.getVariable(Vars.PROPOSER),
        StaffLevel.valueOf((String) scope.getVariable(Vars.PROPOSER_LEVEL)), decidedBy, decidedLevel, decision, reason,
        clock.instant()));
    String detail = decidedLevel.title() + " " + decidedBy + ": " + scope.getVariable(Vars.REMEDY_TYPE) + " " + amount
        + " (" + scope.getVariable(Vars.AUTHORITY_RULE) + ")" + (reason == null ? "" : " " + reason);
    return history.record(c, event, decidedBy, detail);
  }

  /** The remedy may be offered: the customer sees it now. */
  void offer(VariableScope scope, Complaint c, String actor) {
    c.offerRemedy();
    history.record(c, ComplaintEventType.REMEDY_PROPOSED, actor, c.getRemedySummary());
    scope.setVariable(Vars.REMEDY_APPROVED, true);
  }

  static BigDecimal amountOf(Object value) {
    if (value == null) {
      return BigDecimal.ZERO;
    }
    return value instanceof BigDecimal b ? b : new BigDecimal(value.toString());
  }
}
