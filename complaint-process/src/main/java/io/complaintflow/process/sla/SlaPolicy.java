package io.complaintflow.process.sla;

import java.util.HashMap;
import java.util.Map;

import org.springframework.stereotype.Service;

import io.complaintflow.process.complaint.CustomerTier;
import io.complaintflow.process.rules.Decisions;

/**
 * Service-level targets from the SLA policy table {@code dmn/sla-targets.dmn} (decision {@value #DECISION}), which
 * process owners edit. Before classification only the customer tier is known; the table's rows with "-" for
 * severity and category give the promise made at intake.
 */
@Service
public class SlaPolicy {

  public static final String DECISION = "SlaTargets";

  private final Decisions decisions;

  public SlaPolicy(Decisions decisions) {
    this.decisions = decisions;
  }

  public SlaTargets targets(CustomerTier tier, String severity, String category) {
    Map<String, Object> input = new HashMap<>();
    input.put("customerTier", tier.name());
    input.put("severity", severity);
    input.put("category", category);
    Map<String, Object> row = decisions.firstMatch(DECISION, input);
    return new SlaTargets((String) row.get("firstResponse"), (String) row.get("resolution"));
  }
}
