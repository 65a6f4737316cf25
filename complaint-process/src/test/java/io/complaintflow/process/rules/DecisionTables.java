package io.complaintflow.process.rules;

import java.io.InputStream;
import java.util.Map;

import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnDecisionResult;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;

/** Evaluates a decision of a shipped DMN file with the engine's DMN implementation, outside any process. */
public final class DecisionTables {

  private static final DmnEngine DMN = DmnEngineConfiguration.createDefaultDmnEngineConfiguration().buildEngine();

  private final DmnDecision decision;

  private DecisionTables(DmnDecision decision) {
    this.decision = decision;
  }

  public static DecisionTables load(String resource, String decisionKey) {
    try (InputStream in = DecisionTables.class.getResourceAsStream("/" + resource)) {
      return new DecisionTables(DMN.parseDecision(decisionKey, in));
    } catch (java.io.IOException e) {
      throw new IllegalStateException(e);
    }
  }

  public DmnDecisionResult evaluate(Map<String, Object> input) {
    return DMN.evaluateDecision(decision, input);
  }

  /** The first (and, for UNIQUE tables, only) row's outputs; {@code null} when no rule matched. */
  public Map<String, Object> firstMatch(Map<String, Object> input) {
    DmnDecisionResult result = evaluate(input);
    return result.isEmpty() ? null : result.getFirstResult().getEntryMap();
  }
}
