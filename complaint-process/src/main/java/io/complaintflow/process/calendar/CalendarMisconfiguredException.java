package io.complaintflow.process.calendar;

/** The business calendar's configuration cannot be right; the application refuses to start with it. */
public class CalendarMisconfiguredException extends IllegalArgumentException {

  public CalendarMisconfiguredException(String message) {
    super("complaintflow.calendar: " + message);
  }
}
