package io.complaintflow.process.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

import org.junit.jupiter.api.Test;

/** Reporting periods, their previous periods and the months they touch, in the business time zone. */
class PeriodTests {

  private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

  @Test
  void theDefaultPeriodIsTheLastCalendarMonthInTheBusinessTimeZone() {
    // 2026-12-01 07:00 in Shanghai is still 30 November in UTC
    Period p = Period.lastMonth(Instant.parse("2026-11-30T23:00:00Z"), SHANGHAI);
    assertThat(p).isEqualTo(Period.of(LocalDate.parse("2026-11-01"), LocalDate.parse("2026-12-01"), SHANGHAI));
  }

  @Test
  void wholeMonthsCompareWithTheMonthsBeforeThem() {
    Period november = Period.of(LocalDate.parse("2026-11-01"), LocalDate.parse("2026-12-01"), SHANGHAI);
    Period quarter = Period.of(LocalDate.parse("2026-07-01"), LocalDate.parse("2026-10-01"), SHANGHAI);

    assertThat(november.previous(SHANGHAI))
        .isEqualTo(Period.of(LocalDate.parse("2026-10-01"), LocalDate.parse("2026-11-01"), SHANGHAI));
    assertThat(quarter.previous(SHANGHAI))
        .isEqualTo(Period.of(LocalDate.parse("2026-04-01"), LocalDate.parse("2026-07-01"), SHANGHAI));
  }

  @Test
  void anyOtherPeriodComparesWithThePeriodOfEqualLengthBeforeIt() {
    Period tenDays = Period.of(LocalDate.parse("2026-11-11"), LocalDate.parse("2026-11-21"), SHANGHAI);
    assertThat(tenDays.previous(SHANGHAI))
        .isEqualTo(Period.of(LocalDate.parse("2026-11-01"), LocalDate.parse("2026-11-11"), SHANGHAI));
  }

  @Test
  void aPeriodTouchesTheMonthsItOverlaps() {
    assertThat(Period.of(LocalDate.parse("2026-10-15"), LocalDate.parse("2026-12-01"), SHANGHAI).months(SHANGHAI))
        .containsExactly("2026-10", "2026-11");
    assertThatThrownBy(() -> Period.of(LocalDate.parse("2026-10-15"), LocalDate.parse("2026-10-15"), SHANGHAI))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
