package io.complaintflow.process.calendar;

import java.time.DayOfWeek;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The organisation's working time, from configuration ({@code complaintflow.calendar.*}).
 *
 * @param zone time zone in which working hours and dates are read
 * @param workingHours periods of a working day, {@code "09:00-12:00"}, in order, not overlapping
 * @param workingDays days of the week that are normally worked
 * @param holidays public holidays: single dates ({@code 2026-10-01}) or ranges ({@code 2026-10-01..2026-10-07})
 * @param makeUpWorkingDays days normally off that are worked instead (调休), same notation
 */
@ConfigurationProperties("complaintflow.calendar")
public record CalendarSettings(
    @DefaultValue("Asia/Shanghai") ZoneId zone,
    @DefaultValue({"09:00-12:00", "13:00-18:00"}) List<String> workingHours,
    @DefaultValue({"MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY", "FRIDAY"}) Set<DayOfWeek> workingDays,
    @DefaultValue({}) List<String> holidays,
    @DefaultValue({}) List<String> makeUpWorkingDays) {
}
