package io.complaintflow.process.calendar;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.Period;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * Working time of the organisation: working hours, working days, public holidays and make-up working days (调休).
 * Every SLA target and every timer of the platform is computed here, so "4 working hours" means the same thing for
 * the promise made to the customer, the task due date in Tasklist and the escalation timer.
 *
 * <p>Durations in working time: hours and minutes count working time; a day counts as one working day's worth of
 * working hours ({@code P1D} at 10:00 on a Tuesday with 8 working hours a day is 10:00 on Wednesday).
 */
public final class BusinessCalendar {

  /** How far ahead a computation may search before concluding that no working time exists. */
  private static final int MAX_DAYS_SEARCHED = 3 * 366;

  private final ZoneId zone;
  private final List<WorkingPeriod> periods;
  private final Set<DayOfWeek> workingDays;
  private final Set<LocalDate> holidays;
  private final Set<LocalDate> makeUpWorkingDays;
  private final SortedSet<Integer> coveredYears;
  private final Duration workingDayLength;

  /** One period of a working day, e.g. 09:00–12:00. */
  public record WorkingPeriod(LocalTime start, LocalTime end) {
  }

  public BusinessCalendar(ZoneId zone, List<WorkingPeriod> periods, Set<DayOfWeek> workingDays,
      Set<LocalDate> holidays, Set<LocalDate> makeUpWorkingDays) {
    this.zone = zone;
    this.periods = List.copyOf(periods);
    this.workingDays = workingDays.isEmpty() ? EnumSet.noneOf(DayOfWeek.class) : EnumSet.copyOf(workingDays);
    this.holidays = Set.copyOf(holidays);
    this.makeUpWorkingDays = Set.copyOf(makeUpWorkingDays);
    validate();
    this.workingDayLength = this.periods.stream()
        .map(p -> Duration.between(p.start(), p.end()))
        .reduce(Duration.ZERO, Duration::plus);
    this.coveredYears = new TreeSet<>();
    holidays.forEach(d -> coveredYears.add(d.getYear()));
  }

  /** Reads and checks the configuration; a misconfiguration is an error with the offending entry, never a guess. */
  public static BusinessCalendar from(CalendarSettings settings) {
    List<WorkingPeriod> periods = new ArrayList<>();
    for (String entry : settings.workingHours()) {
      periods.add(parsePeriod(entry));
    }
    return new BusinessCalendar(settings.zone(), periods, settings.workingDays(),
        parseDates("holidays", settings.holidays()), parseDates("make-up-working-days", settings.makeUpWorkingDays()));
  }

  public ZoneId zone() {
    return zone;
  }

  /** Working time in one ordinary working day. */
  public Duration workingDayLength() {
    return workingDayLength;
  }

  /** Years for which public holidays are configured; beyond them only weekends are days off. */
  public SortedSet<Integer> coveredYears() {
    return coveredYears;
  }

  public boolean isWorkingDay(LocalDate date) {
    if (makeUpWorkingDays.contains(date)) {
      return true;
    }
    return !holidays.contains(date) && workingDays.contains(date.getDayOfWeek());
  }

  public boolean isWorkingTime(Instant instant) {
    ZonedDateTime t = instant.atZone(zone);
    if (!isWorkingDay(t.toLocalDate())) {
      return false;
    }
    LocalTime time = t.toLocalTime();
    return periods.stream().anyMatch(p -> !time.isBefore(p.start()) && time.isBefore(p.end()));
  }

  /** Parses an ISO-8601 duration such as {@code PT4H} or {@code P2DT4H} as working time (days are working days). */
  public Duration workingDuration(String iso) {
    String text = iso.trim().toUpperCase();
    int t = text.indexOf('T');
    Period days = Period.ZERO;
    Duration time = Duration.ZERO;
    try {
      if (t < 0) {
        days = Period.parse(text);
      } else {
        String datePart = text.substring(0, t);
        if (!"P".equals(datePart)) {
          days = Period.parse(datePart);
        }
        time = Duration.parse("P" + text.substring(t));
      }
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException("not an ISO-8601 duration: " + iso, e);
    }
    if (days.getYears() != 0 || days.getMonths() != 0) {
      throw new IllegalArgumentException("working durations take days, hours and minutes, not months or years: " + iso);
    }
    return workingDayLength.multipliedBy(days.getDays()).plus(time);
  }

  /** The instant at which {@code amount} of working time has passed since {@code start}. */
  public Instant addWorkingTime(Instant start, Duration amount) {
    if (amount.isNegative()) {
      throw new IllegalArgumentException("negative working time: " + amount);
    }
    if (amount.isZero()) {
      return start;
    }
    Duration remaining = amount;
    ZonedDateTime cursor = start.atZone(zone);
    LocalDate date = cursor.toLocalDate();
    for (int i = 0; i < MAX_DAYS_SEARCHED; i++, date = date.plusDays(1)) {
      if (!isWorkingDay(date)) {
        continue;
      }
      for (WorkingPeriod p : periods) {
        ZonedDateTime from = max(date.atTime(p.start()).atZone(zone), cursor);
        ZonedDateTime to = date.atTime(p.end()).atZone(zone);
        if (!to.isAfter(from)) {
          continue;
        }
        Duration available = Duration.between(from, to);
        if (remaining.compareTo(available) <= 0) {
          return from.plus(remaining).toInstant();
        }
        remaining = remaining.minus(available);
      }
    }
    throw new IllegalStateException("no working time within " + MAX_DAYS_SEARCHED + " days after " + start);
  }

  /** The instant {@code amount} of working time before {@code end}. */
  public Instant minusWorkingTime(Instant end, Duration amount) {
    if (amount.isNegative()) {
      throw new IllegalArgumentException("negative working time: " + amount);
    }
    if (amount.isZero()) {
      return end;
    }
    Duration remaining = amount;
    ZonedDateTime cursor = end.atZone(zone);
    LocalDate date = cursor.toLocalDate();
    for (int i = 0; i < MAX_DAYS_SEARCHED; i++, date = date.minusDays(1)) {
      if (!isWorkingDay(date)) {
        continue;
      }
      for (int p = periods.size() - 1; p >= 0; p--) {
        WorkingPeriod period = periods.get(p);
        ZonedDateTime from = date.atTime(period.start()).atZone(zone);
        ZonedDateTime to = min(date.atTime(period.end()).atZone(zone), cursor);
        if (!to.isAfter(from)) {
          continue;
        }
        Duration available = Duration.between(from, to);
        if (remaining.compareTo(available) <= 0) {
          return to.minus(remaining).toInstant();
        }
        remaining = remaining.minus(available);
      }
    }
    throw new IllegalStateException("no working time within " + MAX_DAYS_SEARCHED + " days before " + end);
  }

  /** {@link #addWorkingTime} with an ISO-8601 working duration, e.g. {@code PT4H} or {@code P2D}. */
  public Instant plus(Instant start, String isoWorkingDuration) {
    return addWorkingTime(start, workingDuration(isoWorkingDuration));
  }

  /** The first instant at or after {@code instant} that is working time. */
  public Instant nextWorkingInstant(Instant instant) {
    return addWorkingTime(instant, Duration.ofNanos(1)).minusNanos(1);
  }

  /**
   * Working time between two instants; negative when {@code to} lies before {@code from} (time overdue).
   */
  public Duration workingTimeBetween(Instant from, Instant to) {
    if (to.isBefore(from)) {
      return workingTimeBetween(to, from).negated();
    }
    ZonedDateTime a = from.atZone(zone);
    ZonedDateTime b = to.atZone(zone);
    Duration total = Duration.ZERO;
    for (LocalDate date = a.toLocalDate(); !date.isAfter(b.toLocalDate()); date = date.plusDays(1)) {
      if (!isWorkingDay(date)) {
        continue;
      }
      for (WorkingPeriod p : periods) {
        ZonedDateTime s = max(date.atTime(p.start()).atZone(zone), a);
        ZonedDateTime e = min(date.atTime(p.end()).atZone(zone), b);
        if (e.isAfter(s)) {
          total = total.plus(Duration.between(s, e));
        }
      }
    }
    return total;
  }

  private void validate() {
    if (periods.isEmpty()) {
      throw new CalendarMisconfiguredException("working-hours is empty: there would be no working time at all");
    }
    if (workingDays.isEmpty() && makeUpWorkingDays.isEmpty()) {
      throw new CalendarMisconfiguredException("working-days is empty: there would be no working day at all");
    }
    WorkingPeriod previous = null;
    for (WorkingPeriod p : periods) {
      if (!p.end().isAfter(p.start())) {
        throw new CalendarMisconfiguredException("working period " + p.start() + "-" + p.end() + " ends before it starts");
      }
      if (previous != null && p.start().isBefore(previous.end())) {
        throw new CalendarMisconfiguredException("working period " + p.start() + "-" + p.end()
            + " overlaps or precedes " + previous.start() + "-" + previous.end() + "; list periods in order");
      }
      previous = p;
    }
    Set<LocalDate> both = new HashSet<>(holidays);
    both.retainAll(makeUpWorkingDays);
    if (!both.isEmpty()) {
      throw new CalendarMisconfiguredException("dates listed both as holiday and as make-up working day: " + sorted(both));
    }
    List<LocalDate> ordinary = makeUpWorkingDays.stream().filter(d -> workingDays.contains(d.getDayOfWeek())).toList();
    if (!ordinary.isEmpty()) {
      throw new CalendarMisconfiguredException("make-up working days must be days normally off, but these are ordinary "
          + "working days: " + sorted(ordinary));
    }
  }

  private static WorkingPeriod parsePeriod(String entry) {
    String[] parts = entry.split("-");
    if (parts.length != 2) {
      throw new CalendarMisconfiguredException("working-hours entry '" + entry + "' is not of the form HH:mm-HH:mm");
    }
    try {
      return new WorkingPeriod(LocalTime.parse(parts[0].trim()), LocalTime.parse(parts[1].trim()));
    } catch (DateTimeParseException e) {
      throw new CalendarMisconfiguredException("working-hours entry '" + entry + "' is not of the form HH:mm-HH:mm");
    }
  }

  private static Set<LocalDate> parseDates(String property, List<String> entries) {
    Set<LocalDate> dates = new HashSet<>();
    for (String entry : entries) {
      try {
        String[] range = entry.split("\\.\\.");
        LocalDate first = LocalDate.parse(range[0].trim());
        LocalDate last = range.length == 2 ? LocalDate.parse(range[1].trim()) : first;
        if (range.length > 2 || last.isBefore(first) || first.plusDays(60).isBefore(last)) {
          throw new CalendarMisconfiguredException(property + " entry '" + entry
              + "' is not a date or a range first..last of at most 60 days");
        }
        first.datesUntil(last.plusDays(1)).forEach(dates::add);
      } catch (DateTimeParseException e) {
        throw new CalendarMisconfiguredException(property + " entry '" + entry + "' is not a date (yyyy-MM-dd) or a "
            + "range (yyyy-MM-dd..yyyy-MM-dd)");
      }
    }
    return dates;
  }

  private static List<LocalDate> sorted(Collection<LocalDate> dates) {
    return dates.stream().sorted(Comparator.naturalOrder()).toList();
  }

  private static ZonedDateTime max(ZonedDateTime a, ZonedDateTime b) {
    return a.isAfter(b) ? a : b;
  }

  private static ZonedDateTime min(ZonedDateTime a, ZonedDateTime b) {
    return a.isBefore(b) ? a : b;
  }
}
