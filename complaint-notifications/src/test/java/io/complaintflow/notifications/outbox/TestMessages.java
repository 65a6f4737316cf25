package io.complaintflow.notifications.outbox;

import java.time.Instant;

import io.complaintflow.notifications.DeliveryChannel;

/** Outbox messages as a channel receives them, for channel tests. */
public final class TestMessages {

  public static final Instant CREATED = Instant.parse("2026-11-24T02:00:00Z");

  private TestMessages() {
  }

  public static OutboxMessage message(String key, DeliveryChannel channel, String address, String subject, String text,
      String shortText, String html) {
    return new OutboxMessage(1L, key, 42L, "CF-20261124-000042", "42/customer/42", "ACKNOWLEDGEMENT", channel,
        RecipientKind.CUSTOMER, "42", address, "zh-CN", false, subject, text, shortText, html, OutboxStatus.SENDING, 1,
        CREATED, CREATED, "node-a", CREATED.plusSeconds(120), null, null);
  }

  public static OutboxMessage staffMessage(String key, DeliveryChannel channel, String address, boolean urgent) {
    return new OutboxMessage(2L, key, 42L, "CF-20261124-000042", null, "SLA_BREACHED", channel, RecipientKind.STAFF,
        "liuyang", address, "zh-CN", urgent, "SLA 超时:工单 CF-20261124-000042", "全文\n第二行", "【SLA 超时】摘要", null,
        OutboxStatus.SENDING, 1, CREATED, CREATED, "node-a", CREATED.plusSeconds(120), null, null);
  }
}
