package io.complaintflow.process.complaint;

/** Customer tier as the organisation grades it; VIP customers get the green channel (绿色通道). */
public enum CustomerTier {
  STANDARD, GOLD, VIP
}
