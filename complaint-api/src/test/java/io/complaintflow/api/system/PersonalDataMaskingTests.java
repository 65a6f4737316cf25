package io.complaintflow.api.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.joran.JoranConfigurator;
import ch.qos.logback.classic.util.LogbackMDCAdapter;

/** Phone numbers, e-mail addresses and ID numbers never reach a log line unmasked. */
@ExtendWith(OutputCaptureExtension.class)
class PersonalDataMaskingTests {

  private static final String LINE = "客户 王建国 电话 13800138000 / +86 139-1234-5678,邮箱 wang.jianguo@example.com,"
      + "身份证 11010519491231002X,座机 010-62345678,工单 CF-20261120-0001,金额 1234567.89";

  @Test
  void masksPersonalDataInEveryLogLine(CapturedOutput output) {
    Logger log = LoggerFactory.getLogger("io.complaintflow.test");

    log.info("Registered: {}", LINE);
    log.warn("Delivery failed", new IllegalStateException("550 mailbox unavailable: lisi@example.org, 13912345678"));

    String out = output.getOut();
    assertThat(out).contains("138****8000", "+86 139****5678", "w***@example.com", "110105********002X",
        "010-****5678", "l***@example.org", "139****5678");
    assertThat(out).doesNotContain("13800138000", "1234-5678", "wang.jianguo@", "11010519491231002X", "62345678",
        "lisi@example.org", "13912345678");
    assertThat(out).as("what is not personal data stays").contains("王建国", "CF-20261120-0001", "1234567.89");
  }

  @Test
  void masksWithTheApplicationsOwnLogbackConfiguration() throws Exception {
    // logback-spring.xml, as the application loads it (the tests run with logback-test.xml)
    LoggerContext context = new LoggerContext();
    context.setMDCAdapter(new LogbackMDCAdapter());
    JoranConfigurator configurator = new JoranConfigurator();
    configurator.setContext(context);
    ByteArrayOutputStream captured = new ByteArrayOutputStream();
    PrintStream original = System.out;
    System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
    try {
      configurator.doConfigure(getClass().getResource("/logback-spring.xml"));
      context.getLogger("io.complaintflow.test").info("Registered: {}", LINE);
    } finally {
      context.stop();
      System.setOut(original);
    }
    String out = captured.toString(StandardCharsets.UTF_8);
    assertThat(out).contains("INFO", "io.complaintflow.test", "138****8000", "w***@example.com", "110105********002X");
    assertThat(out).doesNotContain("13800138000", "wang.jianguo@", "11010519491231002X");
  }

  @Test
  void leavesOrdinaryTextAlone() {
    String text = "Notification 42 attempt 3 of 8 failed; next attempt at 2026-11-23T10:00:00Z, order 123456789012";
    assertThat(PersonalDataMask.mask(text)).isEqualTo(text);
    assertThat(PersonalDataMask.mask("没有个人信息")).isEqualTo("没有个人信息");
    assertThat(PersonalDataMask.mask(null)).isNull();
  }
}
