package io.complaintflow.process.accountability;

/** Why a complaint or batch incident gets an accountability review (问责原因). */
public enum AccountabilityTrigger {
  ESCALATED("升级到经理及以上"), BREACHED("超过服务时限"), BATCH("批量投诉"), UNSATISFIED("回访不满意");

  private final String title;

  AccountabilityTrigger(String title) {
    this.title = title;
  }

  /** What staff call it (zh-CN), as shown in task forms. */
  public String title() {
    return title;
  }
}
