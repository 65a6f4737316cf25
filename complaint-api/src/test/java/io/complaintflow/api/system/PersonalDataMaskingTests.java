package io.complaintflow.api.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;
import org.slf4j.Logger;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.joran.JoranConfigurator;
import ch.qos.logback.classic.util.LogbackMDCAdapter;

/**
 * Phone numbers, e-mail addresses and ID numbers never reach a log line unmasked. The lines go through the
 * application's own {@code logback-spring.xml} in a logger context of their own: the JVM-wide one is reset by Spring
 * Boot whenever a test's application context closes, which other test classes do at any moment.
 */
class PersonalDataMaskingTests {

  private static final String LINE = "客户 王建国 电话 13800138000 / +86 139-1234-5678,邮箱 wang.jianguo@example.com,"
      + "身份证 11010519491231002X,座机 010-62345678,工单 CF-20261120-0001,金额 1234567.89";

  @Test
  void masksPersonalDataInEveryLogLineAndStackTrace() throws Exception {
    String out = logged(log -> {
      log.info("Registered: {}", LINE);
      log.warn("Delivery failed", new IllegalStateException("550 mailbox unavailable: lisi@example.org, 13912345678"));
    });

    assertThat(out).contains("INFO", "WARN", "io.complaintflow.test", "IllegalStateException");
    assertThat(out).contains("138****8000", "+86 139****5678", "w***@example.com", "110105********002X",
        "010-****5678", "l***@example.org", "139****5678");
    assertThat(out).doesNotContain("13800138000", "1234-5678", "wang.jianguo@", "11010519491231002X", "62345678",
        "lisi@example.org", "13912345678");
    assertThat(out).as("what is not personal data stays").contains("王建国", "CF-20261120-0001", "1234567.89");
  }

  /** What the application's logging configuration writes to the console for the given log statements. */
  private String logged(java.util.function.Consumer<Logger> statements) throws Exception {
    LoggerContext context = new LoggerContext();
    context.setMDCAdapter(new LogbackMDCAdapter());
    JoranConfigurator configurator = new JoranConfigurator();
    configurator.setContext(context);
    ByteArrayOutputStream captured = new ByteArrayOutputStream();
    PrintStream original = System.out;
    System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
    try {
      configurator.doConfigure(getClass().getResource("/logback-spring.xml"));
      statements.accept(context.getLogger("io.complaintflow.test"));
    } finally {
      context.stop();
      System.setOut(original);
    }
    return captured.toString(StandardCharsets.UTF_8);
  }

  @Test
  void leavesOrdinaryTextAlone() {
    String text = "Notification 42 attempt 3 of 8 failed; next attempt at 2026-11-23T10:00:00Z, order 123456789012";
    assertThat(PersonalDataMask.mask(text)).isEqualTo(text);
    assertThat(PersonalDataMask.mask("没有个人信息")).isEqualTo("没有个人信息");
    assertThat(PersonalDataMask.mask(null)).isNull();
  }
}
