package io.complaintflow.process.sla;

/**
 * The service levels promised for one complaint, as ISO-8601 durations of working time (see
 * {@link io.complaintflow.process.calendar.BusinessCalendar#workingDuration}).
 *
 * @param firstResponse until a staff member has contacted the customer and registered the facts
 * @param resolution until the complaint is resolved, counted from its receipt
 */
public record SlaTargets(String firstResponse, String resolution) {
}
