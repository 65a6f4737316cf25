package io.complaintflow.process.analysis;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Hot-spot analysis configuration ({@code complaintflow.analysis.*}). The monthly schedule itself is the timer start
 * event of {@code bpmn/hot-spot-analysis.bpmn} (a cron expression in the model; Camunda evaluates timer start events
 * at deployment, without process variables, so process owners change it in the model).
 *
 * @param projectReminderBefore how long before its due date the department working on an improvement project is
 *     reminded
 */
@ConfigurationProperties("complaintflow.analysis")
public record AnalysisSettings(@DefaultValue("P3D") Duration projectReminderBefore) {

  public AnalysisSettings {
    if (projectReminderBefore.isNegative() || projectReminderBefore.isZero()) {
      throw new IllegalArgumentException("complaintflow.analysis.project-reminder-before must be positive");
    }
  }
}
