package io.complaintflow.api.revisit;

import java.time.Instant;
import java.util.List;
import java.util.Locale;

import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import io.complaintflow.api.complaint.PlainText;
import io.complaintflow.api.system.ApiProblems.ApiException;
import io.complaintflow.process.revisit.RevisitSurvey.Scores;
import io.complaintflow.process.revisit.RevisitSurveys;
import io.complaintflow.process.revisit.SurveyTokenException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * The customer's revisit survey (回访满意度调查, seed 002 J.3): opened and answered through the single-use link the
 * customer received; no login.
 */
@RestController
@RequestMapping(path = "/api/revisits/{token}", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "revisits", description = "回访满意度调查 / Revisit satisfaction survey")
class RevisitController {

  /** The four points of seed 002 J.3, in the order asked. */
  static final List<String> POINTS = List.of("channelEase", "staffAttitude", "handlingTime", "handlingResult");

  private final RevisitSurveys surveys;
  private final MessageSource messages;

  RevisitController(RevisitSurveys surveys, MessageSource messages) {
    this.surveys = surveys;
    this.messages = messages;
  }

  record Question(String key, String text) {
  }

  record SurveyView(String ticket, String productName, Instant closedAt, Instant answerBefore, String scale,
      List<Question> questions) {
  }

  record SurveyAnswer(
      @NotNull(message = "{validation.required}") @Min(value = 1, message = "{validation.score}")
      @Max(value = 5, message = "{validation.score}") Integer channelEase,
      @NotNull(message = "{validation.required}") @Min(value = 1, message = "{validation.score}")
      @Max(value = 5, message = "{validation.score}") Integer staffAttitude,
      @NotNull(message = "{validation.required}") @Min(value = 1, message = "{validation.score}")
      @Max(value = 5, message = "{validation.score}") Integer handlingTime,
      @NotNull(message = "{validation.required}") @Min(value = 1, message = "{validation.score}")
      @Max(value = 5, message = "{validation.score}") Integer handlingResult,
      @Size(max = 1000, message = "{validation.tooLong}") @PlainText String comment) {
  }

  record Thanks(String ticket, String message) {
  }

  @Operation(summary = "打开回访问卷 / Open the revisit survey",
      description = "The four questions, each answered with a score from 1 (very unsatisfied) to 5 (very satisfied). "
          + "404 for an unknown link, 409 once answered, 410 when the answer time is over.")
  @GetMapping
  SurveyView open(@PathVariable String token, Locale locale) {
    RevisitSurveys.Questionnaire q = questionnaire(token);
    return new SurveyView(q.ticket(), q.productName(), q.closedAt(), q.expiresAt(),
        messages.getMessage("revisit.scale", null, locale),
        POINTS.stream().map(p -> new Question(p, messages.getMessage("revisit.point." + p, null, locale))).toList());
  }

  @Operation(summary = "回答回访问卷 / Answer the revisit survey",
      description = "Each link answers once. A score below the satisfied mark on any point brings the complaint back "
          + "to staff.")
  @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
  Thanks answer(@PathVariable String token, @Valid @RequestBody SurveyAnswer answer, Locale locale) {
    RevisitSurveys.Questionnaire q = questionnaire(token);
    try {
      surveys.answer(token, new Scores(answer.channelEase(), answer.staffAttitude(), answer.handlingTime(),
          answer.handlingResult()), answer.comment() == null || answer.comment().isBlank() ? null
              : answer.comment().strip());
    } catch (SurveyTokenException e) {
      throw problem(e);
    }
    return new Thanks(q.ticket(), messages.getMessage("revisit.thanks", null, locale));
  }

  private RevisitSurveys.Questionnaire questionnaire(String token) {
    try {
      return surveys.open(token);
    } catch (SurveyTokenException e) {
      throw problem(e);
    }
  }

  private static ApiException problem(SurveyTokenException e) {
    return switch (e.reason()) {
      case UNKNOWN -> ApiException.field(HttpStatus.NOT_FOUND, "survey-not-found", "token", "problem.survey.unknown");
      case ANSWERED -> ApiException.field(HttpStatus.CONFLICT, "survey-answered", "token", "problem.survey.answered");
      case EXPIRED -> ApiException.field(HttpStatus.GONE, "survey-expired", "token", "problem.survey.expired");
    };
  }
}
