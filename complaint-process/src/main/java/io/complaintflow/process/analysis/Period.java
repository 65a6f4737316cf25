package io.complaintflow.process.analysis;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;

/**
 * A reporting period [from, to). Its previous period, against which trends are shown, has the same length; when the
 * period is a run of whole calendar months (in the business time zone) it is the same number of months before it, so
 * that November compares with October.
 */
public record Period(Instant from, Instant to) {

  public Period {
    if (!from.isBefore(to)) {
      throw new IllegalArgumentException("a period ends after it starts: " + from + " .. " + to);
    }
  }

  /** The calendar month before the one {@code now} falls in. */
  public static Period lastMonth(Instant now, ZoneId zone) {
    YearMonth month = YearMonth.from(now.atZone(zone)).minusMonths(1);
    return of(month.atDay(1), month.plusMonths(1).atDay(1), zone);
  }

  /** From the start of {@code from} to the start of {@code to} (exclusive), in {@code zone}. */
  public static Period of(LocalDate from, LocalDate to, ZoneId zone) {
    return new Period(from.atStartOfDay(zone).toInstant(), to.atStartOfDay(zone).toInstant());
  }

  public Period previous(ZoneId zone) {
    ZonedDateTime start = from.atZone(zone);
    ZonedDateTime end = to.atZone(zone);
    if (isMonthStart(start) && isMonthStart(end)) {
      long months = YearMonth.from(start).until(YearMonth.from(end), java.time.temporal.ChronoUnit.MONTHS);
      return new Period(start.minusMonths(months).toInstant(), from);
    }
    return new Period(from.minus(Duration.between(from, to)), from);
  }

  /** The months (yyyy-MM) the period touches, in {@code zone}: where user bases and units shipped are looked up. */
  public List<String> months(ZoneId zone) {
    List<String> months = new ArrayList<>();
    YearMonth last = YearMonth.from(to.minusNanos(1).atZone(zone));
    for (YearMonth m = YearMonth.from(from.atZone(zone)); !m.isAfter(last); m = m.plusMonths(1)) {
      months.add(m.toString());
    }
    return months;
  }

  private static boolean isMonthStart(ZonedDateTime t) {
    return t.getDayOfMonth() == 1 && t.toLocalTime().equals(java.time.LocalTime.MIDNIGHT);
  }
}
