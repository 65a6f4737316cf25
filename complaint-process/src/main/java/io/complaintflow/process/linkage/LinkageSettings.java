package io.complaintflow.process.linkage;

import java.time.Duration;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Department linkage configuration ({@code complaintflow.linkage.*}).
 *
 * @param defaultReplyWithin reply deadline (working time) when the owner gives none
 * @param reminderShare share of the reply window after which the department is reminded
 * @param departmentHeads the head of each department (department code → user id), told when a reply is overdue
 */
@ConfigurationProperties("complaintflow.linkage")
public record LinkageSettings(@DefaultValue("PT8H") Duration defaultReplyWithin,
    @DefaultValue("0.75") double reminderShare, @DefaultValue({}) Map<String, String> departmentHeads) {

  public LinkageSettings {
    if (!(reminderShare > 0 && reminderShare < 1)) {
      throw new IllegalArgumentException("complaintflow.linkage.reminder-share must lie between 0 and 1");
    }
  }
}
