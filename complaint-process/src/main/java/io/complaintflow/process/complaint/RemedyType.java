package io.complaintflow.process.complaint;

/** What we offer the customer (seed 002: 退费、退货、赔偿、赠送、问题解决、书面道歉; seed 002 A: 以旧换新、上门维修、指导使用). */
public enum RemedyType {
  REFUND, RETURN, EXCHANGE, COMPENSATION, VOUCHER, REPAIR, WRITTEN_APOLOGY, GUIDANCE
}
