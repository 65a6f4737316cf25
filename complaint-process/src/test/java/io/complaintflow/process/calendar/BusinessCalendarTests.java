package io.complaintflow.process.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** The mainland-China 2026 calendar of the default configuration: 09:00–12:00 and 13:00–18:00, Monday to Friday. */
class BusinessCalendarTests {

  static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
  static final Set<DayOfWeek> WEEKDAYS = Set.of(DayOfWeek.MONDAY, DayOfWeek.TUESDAY, DayOfWeek.WEDNESDAY,
      DayOfWeek.THURSDAY, DayOfWeek.FRIDAY);

  /** 国务院办公厅关于2026年部分节假日安排的通知 (2025-11-04). */
  static final BusinessCalendar CALENDAR = BusinessCalendar.from(new CalendarSettings(SHANGHAI,
      List.of("09:00-12:00", "13:00-18:00"), WEEKDAYS,
      List.of("2026-01-01..2026-01-03", "2026-02-15..2026-02-23", "2026-04-04..2026-04-06", "2026-05-01..2026-05-05",
          "2026-06-19..2026-06-21", "2026-09-25..2026-09-27", "2026-10-01..2026-10-07"),
      List.of("2026-01-04", "2026-02-14", "2026-02-28", "2026-05-09", "2026-09-20", "2026-10-10")));

  static Instant at(String localDateTime) {
    return LocalDateTime.parse(localDateTime).atZone(SHANGHAI).toInstant();
  }

  @Test
  void addsWorkingHoursWithinOneDay() {
    assertThat(CALENDAR.plus(at("2026-11-24T09:30"), "PT2H")).isEqualTo(at("2026-11-24T11:30"));
  }

  @Test
  void skipsTheLunchBreak() {
    assertThat(CALENDAR.plus(at("2026-11-24T11:00"), "PT2H")).isEqualTo(at("2026-11-24T14:00"));
  }

  @Test
  void carriesOverTheEveningToTheNextMorning() {
    assertThat(CALENDAR.plus(at("2026-11-24T17:00"), "PT4H")).isEqualTo(at("2026-11-25T12:00"));
  }

  @Test
  void startsCountingAtTheNextWorkingMorningWhenReceivedAtNight() {
    assertThat(CALENDAR.plus(at("2026-11-24T22:15"), "PT1H")).isEqualTo(at("2026-11-25T10:00"));
  }

  @Test
  void skipsTheWeekend() {
    // Friday 16:00 + 4 working hours = Monday 11:00
    assertThat(CALENDAR.plus(at("2026-11-27T16:00"), "PT4H")).isEqualTo(at("2026-11-30T11:00"));
  }

  @Test
  void skipsTheNationalDayHolidayAndWorksTheMakeUpSaturday() {
    // Wednesday 30 September 17:00 + 2h: 1–7 October are off, Thursday 8 October is the next working day
    assertThat(CALENDAR.plus(at("2026-09-30T17:00"), "PT2H")).isEqualTo(at("2026-10-08T10:00"));
    // Friday 9 October 17:00 + 2h: Saturday 10 October is a make-up working day (调休)
    assertThat(CALENDAR.plus(at("2026-10-09T17:00"), "PT2H")).isEqualTo(at("2026-10-10T10:00"));
  }

  @Test
  void worksTheSundayBeforeNationalDay() {
    assertThat(CALENDAR.isWorkingDay(LocalDate.parse("2026-09-20"))).isTrue();
    assertThat(CALENDAR.isWorkingDay(LocalDate.parse("2026-09-21"))).isTrue();
    assertThat(CALENDAR.isWorkingDay(LocalDate.parse("2026-09-25"))).isFalse();
  }

  @Test
  void spansTheSpringFestival() {
    // Friday 13 February 17:00 + 8h: Saturday 14 is worked (调休), then 15–23 February off, back on Tuesday 24
    assertThat(CALENDAR.plus(at("2026-02-13T17:00"), "PT8H")).isEqualTo(at("2026-02-14T17:00"));
    assertThat(CALENDAR.plus(at("2026-02-14T17:00"), "PT2H")).isEqualTo(at("2026-02-24T10:00"));
  }

  @Test
  void subtractsWorkingTimeBackwardsOverLunchNightsAndHolidays() {
    assertThat(CALENDAR.minusWorkingTime(at("2026-11-24T14:00"), Duration.ofHours(2))).isEqualTo(at("2026-11-24T11:00"));
    assertThat(CALENDAR.minusWorkingTime(at("2026-11-30T10:00"), Duration.ofHours(3))).isEqualTo(at("2026-11-27T16:00"));
    assertThat(CALENDAR.minusWorkingTime(at("2026-10-08T10:00"), Duration.ofHours(2))).isEqualTo(at("2026-09-30T17:00"));
    assertThat(CALENDAR.minusWorkingTime(at("2026-11-24T20:00"), Duration.ofMinutes(30))).isEqualTo(at("2026-11-24T17:30"));
  }

  @Test
  void countsADayAsOneWorkingDayOfHours() {
    assertThat(CALENDAR.workingDayLength()).isEqualTo(Duration.ofHours(8));
    assertThat(CALENDAR.plus(at("2026-11-24T10:00"), "P1D")).isEqualTo(at("2026-11-25T10:00"));
    assertThat(CALENDAR.plus(at("2026-11-27T10:00"), "P2DT1H")).isEqualTo(at("2026-12-01T11:00"));
  }

  @Test
  void measuresWorkingTimeBetweenTwoInstantsAndNegativeWhenOverdue() {
    assertThat(CALENDAR.workingTimeBetween(at("2026-11-27T17:00"), at("2026-11-30T10:00")))
        .isEqualTo(Duration.ofHours(2));
    assertThat(CALENDAR.workingTimeBetween(at("2026-11-30T10:00"), at("2026-11-27T17:00")))
        .isEqualTo(Duration.ofHours(-2));
    assertThat(CALENDAR.workingTimeBetween(at("2026-09-30T12:30"), at("2026-10-08T09:30")))
        .isEqualTo(Duration.ofMinutes(5 * 60 + 30));
  }

  @Test
  void findsTheNextWorkingInstant() {
    assertThat(CALENDAR.nextWorkingInstant(at("2026-11-28T08:00"))).isEqualTo(at("2026-11-30T09:00"));
    assertThat(CALENDAR.nextWorkingInstant(at("2026-11-24T12:30"))).isEqualTo(at("2026-11-24T13:00"));
    assertThat(CALENDAR.nextWorkingInstant(at("2026-11-24T10:00"))).isEqualTo(at("2026-11-24T10:00"));
    assertThat(CALENDAR.isWorkingTime(at("2026-11-24T12:30"))).isFalse();
  }

  @Test
  void knowsWhichYearsItsHolidaysCover() {
    assertThat(CALENDAR.coveredYears()).containsExactly(2026);
  }

  @Nested
  class RefusesMisconfiguration {

    @Test
    void aDateThatIsBothHolidayAndMakeUpDay() {
      assertThatThrownBy(() -> calendar(List.of("09:00-18:00"), List.of("2026-10-10"), List.of("2026-10-10")))
          .isInstanceOf(CalendarMisconfiguredException.class).hasMessageContaining("2026-10-10");
    }

    @Test
    void aMakeUpDayThatIsAnOrdinaryWorkingDay() {
      assertThatThrownBy(() -> calendar(List.of("09:00-18:00"), List.of(), List.of("2026-11-24")))
          .isInstanceOf(CalendarMisconfiguredException.class).hasMessageContaining("ordinary working days");
    }

    @Test
    void overlappingOrReversedWorkingPeriods() {
      assertThatThrownBy(() -> calendar(List.of("09:00-13:00", "12:00-18:00"), List.of(), List.of()))
          .isInstanceOf(CalendarMisconfiguredException.class).hasMessageContaining("overlaps");
      assertThatThrownBy(() -> calendar(List.of("18:00-09:00"), List.of(), List.of()))
          .isInstanceOf(CalendarMisconfiguredException.class).hasMessageContaining("ends before it starts");
    }

    @Test
    void malformedEntries() {
      assertThatThrownBy(() -> calendar(List.of("9h-18h"), List.of(), List.of()))
          .isInstanceOf(CalendarMisconfiguredException.class).hasMessageContaining("9h-18h");
      assertThatThrownBy(() -> calendar(List.of("09:00-18:00"), List.of("2026-13-01"), List.of()))
          .isInstanceOf(CalendarMisconfiguredException.class).hasMessageContaining("2026-13-01");
      assertThatThrownBy(() -> calendar(List.of("09:00-18:00"), List.of("2026-10-07..2026-10-01"), List.of()))
          .isInstanceOf(CalendarMisconfiguredException.class).hasMessageContaining("2026-10-07..2026-10-01");
    }

    @Test
    void noWorkingTimeAtAll() {
      assertThatThrownBy(() -> calendar(List.of(), List.of(), List.of()))
          .isInstanceOf(CalendarMisconfiguredException.class).hasMessageContaining("working-hours is empty");
    }

    private BusinessCalendar calendar(List<String> hours, List<String> holidays, List<String> makeUps) {
      return BusinessCalendar.from(new CalendarSettings(SHANGHAI, hours, WEEKDAYS, holidays, makeUps));
    }
  }
}
