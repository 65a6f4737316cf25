package io.complaintflow.process.handling;

import java.time.Period;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Configuration of the handling process ({@code complaintflow.handling.*}).
 *
 * @param reopenPeriod how long after closure the customer may reopen a resolved complaint (calendar days)
 */
@ConfigurationProperties("complaintflow.handling")
public record HandlingSettings(@DefaultValue("P30D") Period reopenPeriod) {
}
