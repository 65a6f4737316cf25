package io.complaintflow.api.system;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;

import io.complaintflow.ComplaintFlowApplication;
import io.complaintflow.process.calendar.CalendarMisconfiguredException;

/** A business calendar that cannot be right stops the application at start-up, naming the entry. */
class CalendarStartupTests {

  @Test
  void refusesToStartWithADayThatIsBothHolidayAndMakeUpWorkingDay() {
    assertThatThrownBy(() -> new SpringApplicationBuilder(ComplaintFlowApplication.class).run(
        "--server.port=0", "--spring.datasource.url=jdbc:h2:mem:calendar-startup",
        "--camunda.bpm.process-engine-name=calendar-startup", "--complaintflow.demo.enabled=false",
        "--complaintflow.calendar.holidays[0]=2026-10-01..2026-10-07",
        "--complaintflow.calendar.make-up-working-days[0]=2026-10-07",
        // no web server: the Camunda webapps keep their application context in a static field, which a web context
        // closing here would clear under the other tests' running application
        "--spring.main.web-application-type=none").close())
        .rootCause()
        .isInstanceOf(CalendarMisconfiguredException.class)
        .hasMessageContaining("2026-10-07")
        .hasMessageContaining("complaintflow.calendar");
  }
}
