package io.complaintflow.process.staff;

import java.util.List;

/**
 * The organisation's groups as the processes address them ({@code camunda:candidateGroups="supervisors"}). They are
 * Camunda identity groups; people are put into them in Camunda Admin (or an LDAP directory).
 */
public final class StaffGroups {

  /** Front-line agents (一线客服): register complaints and own them. */
  public static final String AGENTS = "agents";
  /** VIP green-channel desk (VIP 绿色通道专席). */
  public static final String VIP_DESK = "vipDesk";
  /** Customer-service supervisors (客服主管). */
  public static final String SUPERVISORS = "supervisors";
  /** Customer-service managers (客服经理). */
  public static final String MANAGERS = "managers";
  /** Customer-service director (客服总监). */
  public static final String DIRECTORS = "directors";
  /** Departments that answer for their part of a complaint (联动部门). */
  public static final String DEPT_QUALITY = "deptQuality";
  public static final String DEPT_PRODUCT = "deptProduct";
  public static final String DEPT_BILLING = "deptBilling";
  public static final String DEPT_LOGISTICS = "deptLogistics";
  /** Quality managers (质量经理): sign off accountability reviews, read the hot-spot analysis. */
  public static final String QUALITY_MANAGERS = "qualityManagers";
  /** Process owners: maintain the BPMN/DMN models and handling plans (流程负责人). */
  public static final String PROCESS_OWNERS = "processOwners";
  /** Monitoring systems (Prometheus): read /actuator/prometheus, nothing else; no complaint work. */
  public static final String MONITORING = "monitoring";
  /** Camunda's administrators group. */
  public static final String ADMINS = "camunda-admin";

  public static final List<String> ALL_STAFF = List.of(AGENTS, VIP_DESK, SUPERVISORS, MANAGERS, DIRECTORS, DEPT_QUALITY,
      DEPT_PRODUCT, DEPT_BILLING, DEPT_LOGISTICS, QUALITY_MANAGERS, PROCESS_OWNERS);

  /** Groups that watch SLAs and process instances in Cockpit. */
  public static final List<String> COCKPIT_USERS = List.of(SUPERVISORS, MANAGERS, DIRECTORS, QUALITY_MANAGERS,
      PROCESS_OWNERS);

  private StaffGroups() {
  }
}
