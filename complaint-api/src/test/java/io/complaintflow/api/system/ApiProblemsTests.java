package io.complaintflow.api.system;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.io.IOException;
import org.apache.catalina.connector.ClientAbortException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.context.support.StaticMessageSource;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.mock.web.MockHttpServletRequest;

/** What an unexpected exception becomes: an incident for a fault of ours, nothing for a client that went away. */
class ApiProblemsTests {

  private final Logger logger = (Logger) LoggerFactory.getLogger(ApiProblems.class);
  private final ListAppender<ILoggingEvent> logged = new ListAppender<>();
  private ApiProblems problems;

  @BeforeEach
  void listen() {
    StaticMessageSource messages = new StaticMessageSource();
    messages.addMessage("problem.internal-error.detail", LocaleContextHolder.getLocale(), "故障编号 {0}");
    problems = new ApiProblems(messages);
    logged.start();
    logger.addAppender(logged);
  }

  @AfterEach
  void stopListening() {
    logger.detachAppender(logged);
  }

  @Test
  void aFaultOfOursIsAnIncidentTheClientCanQuote() {
    ResponseEntity<ProblemDetail> answer = problems.unexpected(new IllegalStateException("boom"),
        new MockHttpServletRequest("GET", "/api/staff/complaints"));

    assertThat(answer.getStatusCode().value()).isEqualTo(500);
    assertThat(logged.list).singleElement().satisfies(event -> {
      assertThat(event.getLevel()).isEqualTo(Level.ERROR);
      String incident = String.valueOf(event.getArgumentArray()[0]);
      assertThat(event.getFormattedMessage()).isEqualTo("Incident " + incident + ": GET /api/staff/complaints failed");
      assertThat(answer.getBody().getDetail()).isEqualTo("故障编号 " + incident).doesNotContain("boom");
    });
  }

  @Test
  void aBrowserLeavingMidAnswerIsNoIncident() {
    ResponseEntity<ProblemDetail> answer = problems.unexpected(
        new ClientAbortException(new IOException("Broken pipe")),
        new MockHttpServletRequest("GET", "/camunda/app/cockpit/scripts/sla-dashboard.js"));

    assertThat(answer).isNull();
    assertThat(logged.list).noneMatch(event -> event.getLevel().isGreaterOrEqual(Level.WARN));
  }
}
