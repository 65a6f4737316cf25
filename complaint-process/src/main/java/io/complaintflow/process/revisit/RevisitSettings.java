package io.complaintflow.process.revisit;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Revisit configuration ({@code complaintflow.revisit.*}); how and when each complaint is revisited is the
 * {@code RevisitPolicy} table.
 *
 * @param surveyAnswerWait how long (working time, ISO, a day being a working day) the customer has to answer a survey
 *     before staff call instead
 * @param minSatisfiedScore the lowest score (1–5) on every survey point that still counts as satisfied
 * @param unsatisfiedRoute what an unsatisfied answer leads to: reopening, or a supervisor's review
 * @param surveyLink the link sent to the customer; {@code {token}} is replaced with the survey's single-use token
 */
@ConfigurationProperties("complaintflow.revisit")
public record RevisitSettings(@DefaultValue("P3D") String surveyAnswerWait, @DefaultValue("3") int minSatisfiedScore,
    @DefaultValue("SUPERVISOR_REVIEW") UnsatisfiedRoute unsatisfiedRoute,
    @DefaultValue("http://localhost:8080/api/revisits/{token}") String surveyLink) {

  public RevisitSettings {
    if (minSatisfiedScore < 1 || minSatisfiedScore > 5) {
      throw new IllegalArgumentException("complaintflow.revisit.min-satisfied-score must lie between 1 and 5");
    }
    if (!surveyLink.contains("{token}")) {
      throw new IllegalArgumentException("complaintflow.revisit.survey-link must contain {token}");
    }
  }
}
