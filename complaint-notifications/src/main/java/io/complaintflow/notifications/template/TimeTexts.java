package io.complaintflow.notifications.template;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Date;
import java.util.Locale;

/**
 * Times as customers and staff read them: in the business time zone, {@code 2026年11月24日 14:00} in Chinese,
 * {@code 24 Nov 2026, 14:00} in English.
 */
public final class TimeTexts {

  private static final DateTimeFormatter CHINESE = DateTimeFormatter.ofPattern("yyyy年M月d日 HH:mm", Locale.SIMPLIFIED_CHINESE);
  private static final DateTimeFormatter ENGLISH = DateTimeFormatter.ofPattern("d MMM yyyy, HH:mm", Locale.ENGLISH);

  private final ZoneId zone;

  public TimeTexts(ZoneId zone) {
    this.zone = zone;
  }

  public String format(Instant instant, String language) {
    if (instant == null) {
      return null;
    }
    DateTimeFormatter f = Languages.ENGLISH.equals(Languages.normalize(language)) ? ENGLISH : CHINESE;
    return f.format(instant.atZone(zone));
  }

  /**
   * A time-like value as a text: {@link Date} (process variables), {@link Instant}, {@link OffsetDateTime},
   * {@link ZonedDateTime}, {@link LocalDateTime} (read in the business zone) or an ISO-8601 text of one of them.
   * Anything else is returned as its string; {@code null} stays {@code null}.
   */
  public String formatAny(Object value, String language) {
    Instant instant = toInstant(value);
    if (instant != null) {
      return format(instant, language);
    }
    return value == null ? null : value.toString();
  }

  Instant toInstant(Object value) {
    if (value instanceof Date d) {
      return d.toInstant();
    }
    if (value instanceof Instant i) {
      return i;
    }
    if (value instanceof OffsetDateTime o) {
      return o.toInstant();
    }
    if (value instanceof ZonedDateTime z) {
      return z.toInstant();
    }
    if (value instanceof LocalDateTime l) {
      return l.atZone(zone).toInstant();
    }
    if (value instanceof CharSequence text) {
      String s = text.toString().trim();
      try {
        return OffsetDateTime.parse(s).toInstant();
      } catch (DateTimeParseException e) {
        // not with an offset
      }
      try {
        return LocalDateTime.parse(s).atZone(zone).toInstant();
      } catch (DateTimeParseException e) {
        return null;
      }
    }
    return null;
  }
}
