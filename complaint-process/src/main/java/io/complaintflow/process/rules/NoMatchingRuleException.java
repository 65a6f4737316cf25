package io.complaintflow.process.rules;

import java.util.Map;
import java.util.TreeMap;

import org.camunda.bpm.engine.ProcessEngineException;

/**
 * A decision table had no rule for the given input. This is a gap in a table a process owner maintains; the step
 * fails loudly (an incident when it runs in a job) instead of falling back to a silent default.
 */
public class NoMatchingRuleException extends ProcessEngineException {

  public NoMatchingRuleException(String decisionKey, Map<String, ?> input) {
    super("No rule of decision table '" + decisionKey + "' matches " + new TreeMap<>(input)
        + ". Add a rule for this case in the DMN table and redeploy, then retry the incident.");
  }
}
