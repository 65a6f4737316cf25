package io.complaintflow.process.handling;

import java.util.Date;
import java.util.HashMap;
import java.util.Map;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import io.complaintflow.process.cases.SimilarCases;
import io.complaintflow.process.complaint.Complaint;
import io.complaintflow.process.complaint.ComplaintEventType;
import io.complaintflow.process.complaint.ComplaintHistory;
import io.complaintflow.process.rules.NoMatchingRuleException;
import io.complaintflow.process.sla.SlaClock;
import io.complaintflow.process.sla.SlaPolicy;

/**
 * 记录分类结果: takes what the two classification tables decided (category and responsible department; severity),
 * sets the resolution target from the SLA policy (moving the resolution clock), and writes all of it to the complaint. A table without a matching
 * rule stops here with an incident that names the table and the input.
 */
@Component("recordClassificationDelegate")
public class RecordClassificationDelegate implements JavaDelegate {

  public static final String CATEGORY_DECISION = "ComplaintCategory";
  public static final String SEVERITY_DECISION = "ComplaintSeverity";

  private final ComplaintHistory history;
  private final SlaPolicy sla;
  private final SlaClock slaClock;
  private final SimilarCases similarCases;

  public RecordClassificationDelegate(ComplaintHistory history, SlaPolicy sla, SlaClock slaClock,
      SimilarCases similarCases) {
    this.similarCases = similarCases;
    this.history = history;
    this.sla = sla;
    this.slaClock = slaClock;
  }

  @Override
  public void execute(DelegateExecution execution) {
    @SuppressWarnings("unchecked")
    Map<String, Object> categoryResult = (Map<String, Object>) execution.getVariable("categoryResult");
    if (categoryResult == null) {
      throw new NoMatchingRuleException(CATEGORY_DECISION, input(execution, "problemType"));
    }
    String severity = (String) execution.getVariable("severity");
    if (severity == null) {
      throw new NoMatchingRuleException(SEVERITY_DECISION,
          input(execution, "problemType", "personalInjury", "claimedAmount"));
    }
    String category = (String) categoryResult.get("category");
    String department = (String) categoryResult.get("department");

    Complaint c = history.complaint(((Number) execution.getVariable(HandlingProcess.Vars.COMPLAINT_ID)).longValue());
    String resolution = sla.targets(c.getCustomerTier(), severity, category).resolution();
    slaClock.classify(c, category, severity, department, resolution);
    history.record(c, ComplaintEventType.CLASSIFIED, ComplaintHistory.SYSTEM,
        category + " / " + severity + " / " + department + " / " + resolution);

    execution.setVariable("category", category);
    execution.setVariable("department", department);
    execution.setVariable(HandlingProcess.Vars.RESOLUTION_DUE, Date.from(c.getResolutionDueAt()));
    // the case library's closest exemplary cases (same product and category first), for the handler to read
    execution.setVariable(HandlingProcess.Vars.SIMILAR_CASES, similarCases.forComplaint(c.getId()));
  }

  private static Map<String, Object> input(DelegateExecution execution, String... names) {
    Map<String, Object> input = new HashMap<>();
    for (String name : names) {
      input.put(name, execution.getVariable(name));
    }
    return input;
  }
}
