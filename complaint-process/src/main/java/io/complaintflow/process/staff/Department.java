package io.complaintflow.process.staff;

import java.util.Arrays;

/**
 * The departments a complaint can be the responsibility of (classification table output {@code department}), with the
 * group whose members answer for them.
 */
public enum Department {
  QUALITY(StaffGroups.DEPT_QUALITY, "质量部"),
  PRODUCT(StaffGroups.DEPT_PRODUCT, "产品部"),
  BILLING(StaffGroups.DEPT_BILLING, "计费财务部"),
  LOGISTICS(StaffGroups.DEPT_LOGISTICS, "物流部"),
  CUSTOMER_SERVICE(StaffGroups.SUPERVISORS, "客服部");

  private final String group;
  private final String title;

  Department(String group, String title) {
    this.group = group;
    this.title = title;
  }

  public String group() {
    return group;
  }

  /** What staff call the department (zh-CN). */
  public String title() {
    return title;
  }

  public static Department of(String code) {
    return Arrays.stream(values()).filter(d -> d.name().equals(code)).findFirst()
        .orElseThrow(() -> new IllegalArgumentException("unknown department " + code));
  }
}
