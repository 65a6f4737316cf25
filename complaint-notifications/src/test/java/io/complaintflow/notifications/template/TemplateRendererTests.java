package io.complaintflow.notifications.template;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import io.complaintflow.notifications.Template;

/**
 * Every template renders in both languages, with all its variables and with none of the optional ones: a one-line
 * subject, a short text, a plain text and an HTML body, and nothing of the template syntax left in them.
 */
class TemplateRendererTests {

  static final TemplateRenderer renderer = new TemplateRenderer();

  static Stream<Arguments> templatesAndLanguages() {
    List<Arguments> all = new ArrayList<>();
    for (Template t : Template.values()) {
      all.add(Arguments.of(t, "zh-CN"));
      all.add(Arguments.of(t, "en"));
    }
    return all.stream();
  }

  @ParameterizedTest(name = "{0} in {1}")
  @MethodSource("templatesAndLanguages")
  void rendersEveryPartWithAllVariables(Template template, String language) {
    RenderedMessage m = renderer.render(template, language, fullModel(language), true);

    assertRendered(m);
    if (template.audience() == Template.Audience.CUSTOMER) {
      assertThat(m.subject()).contains("CF-20261124-000042");
      assertThat(m.text()).contains("王建国").contains("https://service.example.com/");
      assertThat(m.shortText()).contains("CF-20261124-000042");
      assertThat(m.html()).contains("王建国");
    } else {
      assertThat(m.text() + m.html()).contains("https://staff.example.com/camunda/app/tasklist/default/");
    }
    assertThat(m.html()).contains("<title>" + escape(m.subject()) + "</title>").contains("lang=\"" + language + "\"");
  }

  @ParameterizedTest(name = "{0} in {1}")
  @MethodSource("templatesAndLanguages")
  void rendersWithoutTheOptionalVariables(Template template, String language) {
    Map<String, Object> model = new HashMap<>();
    model.put("ticket", "CF-20261124-000042");
    model.put("customerName", "王建国");
    model.put("productName", "智能电饭煲 RC-2026");
    model.put("trackingUrl", "https://service.example.com/api/complaints/CF-20261124-000042?token=abc");
    model.put("surveyUrl", "https://service.example.com/api/complaints/CF-20261124-000042?token=abc");
    model.put("remedyDescription", "为您免费更换一台新的电饭煲。");
    model.put("taskName", "调查投诉原因");
    model.put("tasklistUrl", "https://staff.example.com/camunda/app/tasklist/default/");

    assertRendered(renderer.render(template, language, model, true));
  }

  @Test
  void anSlaWarningDigestListsItsComplaintsAndCountsTheRest() {
    RenderedMessage zh = renderer.render(Template.SLA_WARNING_DIGEST, "zh-CN", fullModel("zh-CN"), true);
    RenderedMessage en = renderer.render(Template.SLA_WARNING_DIGEST, "en", fullModel("en"), true);

    assertThat(zh.subject()).isEqualTo("SLA 预警:12 件投诉解决时限将至");
    assertThat(zh.text()).contains("- 工单 CF-20261124-000042,客户 王建国,2026年11月24日 14:00 到期\n- 工单 CF-20261124-000043\n")
        .contains("另有 10 件");
    assertThat(zh.shortText()).contains("最早于 2026年11月24日 14:00 到期");
    assertThat(zh.html()).contains("<td style=\"padding:4px 16px 4px 0;font-weight:bold;\">CF-20261124-000043</td>");
    assertThat(en.subject()).isEqualTo("SLA warning: 12 complaints, Resolution due soon");
    assertThat(en.text()).contains("- Ticket CF-20261124-000042, customer 王建国, due 24 Nov 2026, 14:00")
        .contains("And 10 more");
    assertThat(en.html()).contains("CF-20261124-000042").contains(">Due<");
  }

  @Test
  void speaksTheRecipientsLanguage() {
    RenderedMessage zh = renderer.render(Template.ACKNOWLEDGEMENT, "zh-CN", fullModel("zh-CN"), false);
    RenderedMessage en = renderer.render(Template.ACKNOWLEDGEMENT, "en-GB", fullModel("en"), false);
    RenderedMessage unknown = renderer.render(Template.ACKNOWLEDGEMENT, "fr", fullModel("zh-CN"), false);

    assertThat(zh.subject()).isEqualTo("您的投诉已受理(工单号 CF-20261124-000042)");
    assertThat(zh.text()).startsWith("尊敬的王建国:").contains("2026年11月24日 14:00");
    assertThat(en.subject()).isEqualTo("We have received your complaint (CF-20261124-000042)");
    assertThat(en.text()).startsWith("Dear 王建国,").contains("24 Nov 2026, 14:00");
    assertThat(unknown.subject()).isEqualTo(zh.subject());
    assertThat(zh.html()).isNull();
  }

  @Test
  void escapesWhatStaffWroteInTheHtmlBody() {
    Map<String, Object> model = fullModel("zh-CN");
    model.put("remedyDescription", "<script>alert('x')</script> & 更换");

    RenderedMessage m = renderer.render(Template.REMEDY_PROPOSED, "zh-CN", model, true);

    assertThat(m.html()).doesNotContain("<script>").contains("&lt;script&gt;").contains("&amp; 更换");
    assertThat(m.text()).contains("<script>alert('x')</script> & 更换");
  }

  @Test
  void freeTextInsideASentenceEndsItOnlyOnce() {
    RenderedMessage zh = renderer.render(Template.REMEDY_CARRIED_OUT, "zh-CN", fullModel("zh-CN"), false);
    RenderedMessage en = renderer.render(Template.REMEDY_CARRIED_OUT, "en", fullModel("en"), false);

    assertThat(zh.shortText()).contains("已按约定处理:新电饭煲已寄出,顺丰单号 SF1234567890。问题是否已解决");
    assertThat(en.shortText()).contains(": 新电饭煲已寄出,顺丰单号 SF1234567890. Please tell us");
  }

  @Test
  void closureTellsAResolvedCustomerHowToReopen() {
    Map<String, Object> model = fullModel("zh-CN");
    String resolved = renderer.render(Template.COMPLAINT_CLOSED, "zh-CN", model, false).text();
    model.put("closureReason", "MALICIOUS");
    String malicious = renderer.render(Template.COMPLAINT_CLOSED, "zh-CN", model, false).text();

    assertThat(resolved).contains("申请重新处理");
    assertThat(malicious).doesNotContain("申请重新处理").contains("处理记录");
  }

  @Test
  void formatsTimesForEachLanguageInTheBusinessZone() {
    TimeTexts times = new TimeTexts(ZoneId.of("Asia/Shanghai"));
    Instant t = Instant.parse("2026-11-24T06:00:00Z");

    assertThat(times.format(t, "zh-CN")).isEqualTo("2026年11月24日 14:00");
    assertThat(times.format(t, "en")).isEqualTo("24 Nov 2026, 14:00");
    assertThat(times.formatAny(java.util.Date.from(t), "zh-CN")).isEqualTo("2026年11月24日 14:00");
    assertThat(times.formatAny("2026-11-24T14:00:00+08:00", "en")).isEqualTo("24 Nov 2026, 14:00");
    assertThat(times.formatAny("2026-11-24T14:00", "en")).isEqualTo("24 Nov 2026, 14:00");
    assertThat(times.formatAny(null, "en")).isNull();
  }

  @Test
  void sharedLabelsExistInBothLanguages() throws IOException {
    Properties zh = load("notifications/messages.properties");
    Properties en = load("notifications/messages_en.properties");

    assertThat(en.stringPropertyNames()).isEqualTo(zh.stringPropertyNames());
    for (io.complaintflow.process.complaint.ComplaintStatus s : io.complaintflow.process.complaint.ComplaintStatus.values()) {
      assertThat(zh.getProperty("status." + s)).isNotBlank();
    }
    for (io.complaintflow.process.complaint.RemedyType r : io.complaintflow.process.complaint.RemedyType.values()) {
      assertThat(zh.getProperty("remedy." + r)).isNotBlank();
    }
  }

  static Map<String, Object> fullModel(String language) {
    boolean en = "en".equals(language);
    Map<String, Object> m = new HashMap<>();
    m.put("ticket", "CF-20261124-000042");
    m.put("customerName", "王建国");
    m.put("productName", "智能电饭煲 RC-2026");
    m.put("status", "IN_PROGRESS");
    m.put("statusText", en ? "In progress" : "处理中");
    m.put("trackingUrl", "https://service.example.com/api/complaints/CF-20261124-000042?token=abc");
    m.put("surveyUrl", "https://service.example.com/survey/CF-20261124-000042");
    m.put("receivedAt", en ? "23 Nov 2026, 10:00" : "2026年11月23日 10:00");
    m.put("firstResponseDueAt", en ? "24 Nov 2026, 14:00" : "2026年11月24日 14:00");
    m.put("promisedReplyAt", en ? "26 Nov 2026, 10:00" : "2026年11月26日 10:00");
    m.put("delayReason", "需要仓库确认同型号库存");
    m.put("remedyType", "EXCHANGE");
    m.put("remedyTypeText", en ? "Exchange" : "换货");
    m.put("remedyAmount", en ? "CNY 50.00" : "50.00 元");
    m.put("remedyDescription", "为您免费更换一台新的电饭煲,并赠送 50 元代金券。");
    m.put("actionsTaken", "新电饭煲已寄出,顺丰单号 SF1234567890。");
    m.put("reply", "经核实,您反映的情况与购买记录不符,我们维持原处理意见。");
    m.put("closedAt", en ? "28 Nov 2026, 16:30" : "2026年11月28日 16:30");
    m.put("closureReason", "RESOLVED");
    m.put("taskName", "调查投诉原因");
    m.put("taskId", "a1b2c3");
    m.put("dueAt", en ? "24 Nov 2026, 14:00" : "2026年11月24日 14:00");
    m.put("level", "managers");
    m.put("levelText", en ? "managers" : "客服经理");
    m.put("detail", "客户要求三倍赔偿,金额 1,200 元");
    m.put("count", 12);
    m.put("clock", "RESOLUTION");
    m.put("clockText", en ? "Resolution due soon" : "解决时限将至");
    m.put("items", List.of(Map.of("ticket", "CF-20261124-000042", "customerName", "王建国",
        "dueAt", en ? "24 Nov 2026, 14:00" : "2026年11月24日 14:00"), Map.of("ticket", "CF-20261124-000043")));
    m.put("more", 10);
    m.put("tasklistUrl", "https://staff.example.com/camunda/app/tasklist/default/#/?task=a1b2c3");
    return m;
  }

  static void assertRendered(RenderedMessage m) {
    assertThat(m.subject()).isNotBlank().doesNotContain("\n");
    assertThat(m.shortText()).isNotBlank().doesNotContain("\n");
    assertThat(m.text()).isNotBlank();
    assertThat(m.html()).startsWith("<!DOCTYPE html>").contains("</html>");
    for (String part : List.of(m.subject(), m.shortText(), m.text(), m.html())) {
      assertThat(part).doesNotContain("${", "[(", "[#", "[/]", "??", "null", " th:", "#{");
    }
    assertThat(m.text()).doesNotContain("\n\n\n");
  }

  private static String escape(String s) {
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
  }

  private static Properties load(String resource) throws IOException {
    Properties p = new Properties();
    try (Reader r = new InputStreamReader(TemplateRendererTests.class.getClassLoader().getResourceAsStream(resource),
        StandardCharsets.UTF_8)) {
      p.load(r);
    }
    return p;
  }
}
