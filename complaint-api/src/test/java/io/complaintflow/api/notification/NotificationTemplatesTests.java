package io.complaintflow.api.notification;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import io.complaintflow.api.ApiIntegrationTest;
import io.complaintflow.api.Submissions;
import io.complaintflow.notifications.Template;
import io.complaintflow.notifications.template.MessageModels;
import io.complaintflow.notifications.template.RenderedMessage;
import io.complaintflow.notifications.template.TemplateRenderer;
import io.complaintflow.process.complaint.Complaint;
import io.complaintflow.process.complaint.ComplaintRepository;
import io.complaintflow.process.reply.ForbiddenPhrases;
import io.complaintflow.process.reply.ReplySettings.ForbiddenPhrase;

/**
 * Every text customers receive, in every language and part, is free of the forbidden phrases (禁语) configured in
 * {@code complaintflow.replies.forbidden-phrases}; rendered from a real complaint with everything staff may fill in.
 */
class NotificationTemplatesTests extends ApiIntegrationTest {

  @Autowired
  TemplateRenderer renderer;
  @Autowired
  MessageModels models;
  @Autowired
  ForbiddenPhrases forbiddenPhrases;
  @Autowired
  ComplaintRepository complaints;

  @Test
  void noCustomerTemplateContainsAForbiddenPhraseInAnyLanguageOrPart() {
    assertThat(forbiddenPhrases.all()).hasSizeGreaterThanOrEqualTo(10);
    Complaint complaint = workedComplaint();
    List<String> problems = new ArrayList<>();
    for (Template t : Template.values()) {
      if (t.audience() != Template.Audience.CUSTOMER) {
        continue;
      }
      for (String language : List.of("zh-CN", "en")) {
        for (String closure : List.of("RESOLVED", "MALICIOUS")) {
          Map<String, Object> model = new HashMap<>(models.customer(complaint, language, Map.of(
              "reply", "经核实,您反映的情况与购买记录不符,我们维持原处理意见。", "actionsTaken", "新电饭煲已寄出。")));
          model.put("closureReason", closure);
          RenderedMessage m = renderer.render(t, language, model, true);
          for (Map.Entry<String, String> part : Map.of("subject", m.subject(), "short", m.shortText(), "text", m.text(),
              "html", m.html().replaceAll("<[^>]+>", " ")).entrySet()) {
            forbiddenPhrases.find(part.getValue()).ifPresent(p -> problems.add(t + " " + language + " " + part.getKey()
                + ": " + p.phrase()));
          }
        }
      }
    }
    assertThat(problems).isEmpty();
  }

  @Test
  void theCheckFindsAForbiddenPhraseThatStaffSlippedIntoARemedy() {
    Complaint worked = workedComplaint();
    jdbc.update("update complaint set remedy_summary = ? where id = ?", "这个要求 肯定 不行。", worked.getId());
    Complaint complaint = complaints.findById(worked.getId()).orElseThrow();
    RenderedMessage m = renderer.render(Template.REMEDY_PROPOSED, "zh-CN", models.customer(complaint, "zh-CN", Map.of()),
        true);

    assertThat(forbiddenPhrases.find(m.text())).map(ForbiddenPhrase::phrase).contains("肯定不行");
    assertThat(forbiddenPhrases.find(m.shortText())).isPresent();
  }

  @Test
  void customerTemplatesReadTheComplaintInTheBusinessTimeZone() {
    Complaint complaint = workedComplaint();

    Map<String, Object> zh = models.customer(complaint, "zh-CN", Map.of());
    Map<String, Object> en = models.customer(complaint, "en", Map.of());

    assertThat(zh).containsEntry("ticket", complaint.getTicket()).containsEntry("statusText", "已提出处理方案,待确认")
        .containsEntry("remedyTypeText", "换货").containsEntry("remedyAmount", "50.00 元")
        .containsEntry("promisedReplyAt", "2026年12月1日 10:00");
    assertThat(en).containsEntry("statusText", "Remedy proposed, awaiting your answer")
        .containsEntry("remedyAmount", "CNY 50.00").containsEntry("promisedReplyAt", "1 Dec 2026, 10:00");
    assertThat((String) zh.get("trackingUrl")).startsWith("http://localhost:8080/api/complaints/" + complaint.getTicket()
        + "?token=");
  }

  /**
   * A complaint as it is when most customer messages go out: reply promised, remedy proposed (written to its row as
   * the handling steps would).
   */
  private Complaint workedComplaint() {
    String ticket = file(Submissions.valid()).json().path("ticket").asText();
    jdbc.update("update complaint set status = 'REMEDY_PROPOSED', promised_reply_at = ?, delay_reason = ?, "
        + "remedy_type = 'EXCHANGE', remedy_amount = ?, remedy_summary = ? where ticket = ?",
        java.time.OffsetDateTime.parse("2026-12-01T02:00:00Z"), "需要仓库确认同型号库存", new BigDecimal("50"),
        "为您免费更换一台新的电饭煲,并赠送 50 元代金券。", ticket);
    return complaints.findByTicket(ticket).orElseThrow();
  }
}
