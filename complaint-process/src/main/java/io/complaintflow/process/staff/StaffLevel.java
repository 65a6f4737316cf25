package io.complaintflow.process.staff;

import java.util.Collection;

/**
 * The levels of the customer-service line, lowest first. Remedy authority (授权机制) and escalation (升级机制) climb
 * them one at a time.
 */
public enum StaffLevel {
  AGENT(StaffGroups.AGENTS, "一线客服"), SUPERVISOR(StaffGroups.SUPERVISORS, "主管"),
  MANAGER(StaffGroups.MANAGERS, "经理"), DIRECTOR(StaffGroups.DIRECTORS, "总监");

  private final String group;
  private final String title;

  StaffLevel(String group, String title) {
    this.group = group;
    this.title = title;
  }

  /** What staff call this level (zh-CN), as shown in task forms. */
  public String title() {
    return title;
  }

  /** The Camunda group whose members act at this level. */
  public String group() {
    return group;
  }

  /** The level above, or {@code null} at the top. */
  public StaffLevel next() {
    return this == DIRECTOR ? null : values()[ordinal() + 1];
  }

  public boolean isBelow(StaffLevel other) {
    return ordinal() < other.ordinal();
  }

  /** The highest level a member of these groups acts at (the VIP desk acts at agent level). */
  public static StaffLevel highestOf(Collection<String> groups) {
    StaffLevel level = AGENT;
    for (StaffLevel l : values()) {
      if (groups.contains(l.group)) {
        level = l;
      }
    }
    return level;
  }
}
