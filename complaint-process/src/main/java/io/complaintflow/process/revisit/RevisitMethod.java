package io.complaintflow.process.revisit;

/** How a closed complaint is revisited (回访方式, seed 002 J.3: 信函、电话、短信、上门). */
public enum RevisitMethod {
  SURVEY("短信/邮件问卷", "客户未在期限内回答问卷,请改为电话回访。"),
  PHONE("电话回访", "请致电客户。"),
  VISIT("上门回访", "请预约时间上门拜访客户。"),
  LETTER("信函回访", "已向客户寄出回访信,收到回信后请登记客户的评分和意见。");

  private final String title;
  private final String hint;

  RevisitMethod(String title, String hint) {
    this.title = title;
    this.hint = hint;
  }

  /** What staff call it (zh-CN). */
  public String title() {
    return title;
  }

  /** What the staff member making the revisit should do (zh-CN). */
  public String hint() {
    return hint;
  }
}
