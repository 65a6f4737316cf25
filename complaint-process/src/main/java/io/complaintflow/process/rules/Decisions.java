package io.complaintflow.process.rules;

import java.util.Map;

import org.camunda.bpm.dmn.engine.DmnDecisionResult;
import org.camunda.bpm.engine.DecisionService;
import org.springframework.stereotype.Component;

/**
 * Evaluates the deployed DMN tables that process owners edit, from Java code outside a BPMN step. A table without a
 * matching rule is an error ({@link NoMatchingRuleException}), never a silent default.
 */
@Component
public class Decisions {

  private final DecisionService decisionService;

  public Decisions(DecisionService decisionService) {
    this.decisionService = decisionService;
  }

  /** The first matching row's outputs, by output name. */
  public Map<String, Object> firstMatch(String decisionKey, Map<String, Object> input) {
    DmnDecisionResult result = decisionService.evaluateDecisionByKey(decisionKey).variables(input).evaluate();
    if (result.isEmpty()) {
      throw new NoMatchingRuleException(decisionKey, input);
    }
    return result.getFirstResult().getEntryMap();
  }
}
