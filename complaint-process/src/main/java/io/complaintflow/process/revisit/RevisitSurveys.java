package io.complaintflow.process.revisit;

import java.time.Clock;
import java.time.Instant;

import org.camunda.bpm.engine.MismatchingMessageCorrelationException;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.complaintflow.process.complaint.Complaint;
import io.complaintflow.process.complaint.ComplaintHistory;
import io.complaintflow.process.revisit.RevisitSurvey.Scores;

/** The customer's side of a revisit survey: opening it through its token, and answering it once. */
@Service
public class RevisitSurveys {

  private final RevisitSurveyRepository surveys;
  private final SurveyTokens tokens;
  private final ComplaintHistory history;
  private final RuntimeService runtime;
  private final Clock clock;

  public RevisitSurveys(RevisitSurveyRepository surveys, SurveyTokens tokens, ComplaintHistory history,
      RuntimeService runtime, Clock clock) {
    this.surveys = surveys;
    this.tokens = tokens;
    this.history = history;
    this.runtime = runtime;
    this.clock = clock;
  }

  /** What the customer sees before answering. */
  public record Questionnaire(String ticket, String productName, Instant closedAt, Instant expiresAt) {
  }

  /** The survey behind a token, if it can still be answered. */
  @Transactional(readOnly = true)
  public Questionnaire open(String token) {
    RevisitSurvey s = answerable(token);
    Complaint c = history.complaint(s.getComplaintId());
    return new Questionnaire(c.getTicket(), c.getProductName(), c.getClosedAt(), s.getExpiresAt());
  }

  /** Records the answer and lets the revisit go on; a token answers once. */
  @Transactional
  public void answer(String token, Scores scores, String comment) {
    RevisitSurvey s = answerable(token);
    if (surveys.answer(s.getId(), scores.channelEase(), scores.staffAttitude(), scores.handlingTime(),
        scores.handlingResult(), comment, clock.instant()) != 1) {
      throw new SurveyTokenException(SurveyTokenException.Reason.ANSWERED);
    }
    try {
      runtime.createMessageCorrelation(RevisitProcess.MSG_SURVEY_ANSWERED)
          .processInstanceVariableEquals(RevisitProcess.Vars.SURVEY_ID, s.getId())
          .correlate();
    } catch (MismatchingMessageCorrelationException e) {
      // the answer time ran out this very moment and staff are calling instead: the survey is closed
      throw new SurveyTokenException(SurveyTokenException.Reason.EXPIRED);
    }
  }

  private RevisitSurvey answerable(String token) {
    if (token == null || token.length() < 20 || token.length() > 100) {
      throw new SurveyTokenException(SurveyTokenException.Reason.UNKNOWN);
    }
    RevisitSurvey s = surveys.findByTokenHash(tokens.hash(token))
        .orElseThrow(() -> new SurveyTokenException(SurveyTokenException.Reason.UNKNOWN));
    if (s.getAnsweredAt() != null) {
      throw new SurveyTokenException(SurveyTokenException.Reason.ANSWERED);
    }
    if (s.isExpired(clock.instant())) {
      throw new SurveyTokenException(SurveyTokenException.Reason.EXPIRED);
    }
    return s;
  }
}
