package io.complaintflow.api.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;

class PersonalDataTests {

  private final PersonalData wang = new PersonalData(Arrays.asList("王建国", "138 0013 8000", "13800138000",
      "wang@example.com", null, "王"));

  @Test
  void erasesTheCustomersNamePhoneAndEmail() {
    assertThat(wang.scrub("尊敬的王建国:请致电 138 0013 8000 或回复 wang@example.com"))
        .isEqualTo("尊敬的[已匿名]:请致电 [已匿名] 或回复 [已匿名]");
  }

  @Test
  void erasesAnythingThatLooksLikeAnIdNumberAMobileOrAnEmail() {
    assertThat(wang.scrub("身份证 11010519491231002X,旧证 110105491231002,手机 +86 139-1234-5678,邮箱 a.b@c.cn"))
        .isEqualTo("身份证 [已匿名],旧证 [已匿名],手机 [已匿名],邮箱 [已匿名]");
  }

  @Test
  void keepsTicketsDatesAmountsAndOneLetterTokens() {
    String text = "工单 CF-20261123-000042,2026-10-08T16:00 退款 1380.00 元,王经理已处理,订单号 2026112312345678901234";
    assertThat(wang.scrub(text)).isEqualTo(text);
    assertThat(wang.scrub(null)).isNull();
  }

  @Test
  void scrubKnownLeavesOtherCustomersNumbers() {
    assertThat(wang.scrubKnown("王建国 13800138000, 李四 13912345678")).isEqualTo("[已匿名] [已匿名], 李四 13912345678");
    assertThat(wang.known()).doesNotContain("王").containsAll(List.of("王建国", "wang@example.com"));
  }
}
