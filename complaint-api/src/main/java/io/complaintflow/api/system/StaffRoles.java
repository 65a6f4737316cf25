package io.complaintflow.api.system;

import java.util.List;

import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;

import io.complaintflow.process.staff.StaffGroups;

/** Spring Security roles are the staff member's Camunda groups: group {@code supervisors} is {@code ROLE_supervisors}. */
public final class StaffRoles {

  public static final String PREFIX = "ROLE_";

  private StaffRoles() {
  }

  public static String role(String group) {
    return PREFIX + group;
  }

  /** The staff user behind a request, or {@code null} for a customer (no or anonymous authentication). */
  public static String staffUserOf(Authentication authentication) {
    if (authentication == null || !authentication.isAuthenticated()
        || authentication instanceof AnonymousAuthenticationToken) {
      return null;
    }
    return authentication.getName();
  }

  /** Groups whose members work with complaints (everyone but pure administrators). */
  public static List<String> staffGroups() {
    return StaffGroups.ALL_STAFF;
  }
}
