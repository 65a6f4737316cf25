package io.complaintflow.api.handling;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricActivityInstance;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.servlet.context.ServletWebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import com.fasterxml.jackson.databind.JsonNode;

import io.complaintflow.ComplaintFlowApplication;
import io.complaintflow.api.Api;
import io.complaintflow.api.Api.Answer;
import io.complaintflow.api.Submissions;
import io.complaintflow.process.forms.FormInputException;
import io.complaintflow.process.reply.ForbiddenPhraseException;

/**
 * The platform as it is started for real: the application on its H2 file database, the demo organisation, a complaint
 * filed through the API and worked through by the seeded users with the engine's task service, exactly as Tasklist
 * completes tasks. Then the application is stopped and started again on the same files.
 */
class HandlingEndToEndTests {

  @TempDir
  Path data;

  @Test
  void aComplaintGoesFromIntakeToClosureAndItsRecordSurvivesARestart() {
    String ticket;
    String token;
    try (ConfigurableApplicationContext app = start()) {
      Platform p = new Platform(app);
      Answer filed = p.api.post("/api/complaints", Submissions.valid().json()).send();
      assertThat(filed.status()).isEqualTo(201);
      ticket = filed.json().path("ticket").asText();
      token = filed.json().path("trackingToken").asText();

      // 张伟 calls the customer back, registers the facts, and promises an answer the day after tomorrow
      String promised = LocalDateTime.now(ZoneId.of("Asia/Shanghai")).plusDays(2).withHour(10).withMinute(0)
          .format(DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm"));
      p.work("zhangwei", ticket, "Task_RegisterComplaint", Map.of("facts", "内胆有 3 厘米裂纹,客户已发照片",
          "customerRequest", "换新", "problemType", "PRODUCT_DEFECT", "personalInjury", false,
          "resolvableAtFirstContact", false, "delayReason", "需要仓库确认同型号库存", "promisedReplyAt", promised,
          "suspectedMalicious", false));
      JsonNode status = p.status(ticket, token);
      assertThat(status.path("status").asText()).isEqualTo("IN_PROGRESS");
      assertThat(status.path("promisedReply").path("reason").asText()).isEqualTo("需要仓库确认同型号库存");

      // classification runs in the job executor; the investigation comes back to the owner
      Task investigate = p.awaitTask(ticket, "Task_InvestigateComplaint");
      assertThat(investigate.getAssignee()).isEqualTo("zhangwei");
      assertThat(investigate.getDueDate()).isNotNull();
      p.work("zhangwei", ticket, "Task_InvestigateComplaint", Map.of("findings", "批次 B2611 内胆涂层工艺缺陷",
          "rootCause", "供应商更换了涂层材料", "investigationNextStep", "PROPOSE"));

      // a reply with a forbidden phrase, or without a remedy type, is refused and changes nothing
      Map<String, Object> remedy = new HashMap<>(Map.of("remedyType", "EXCHANGE", "remedyAmount", 0,
          "remedyDescription", "这个要求肯定不行。"));
      assertThatThrownBy(() -> p.work("zhangwei", ticket, "Task_ProposeRemedy", remedy))
          .hasRootCauseInstanceOf(ForbiddenPhraseException.class)
          .hasMessageContaining("肯定不行").hasMessageContaining("remedyDescription");
      remedy.remove("remedyType");
      remedy.put("remedyDescription", "为您免费更换一台新的电饭煲,并赠送 50 元代金券。");
      assertThatThrownBy(() -> p.work("zhangwei", ticket, "Task_ProposeRemedy", remedy))
          .hasRootCauseInstanceOf(FormInputException.class).hasMessageContaining("remedyType");
      assertThat(p.eventTypes(ticket)).doesNotContain("REMEDY_PROPOSED");

      remedy.put("remedyType", "EXCHANGE");
      p.work("zhangwei", ticket, "Task_ProposeRemedy", remedy);
      p.work("zhangwei", ticket, "Task_AgreeRemedyWithCustomer", Map.of("remedyAccepted", true));
      p.work("zhangwei", ticket, "Task_CarryOutRemedy", Map.of("actionsTaken", "新电饭煲已寄出,顺丰单号 SF1234567890。"));
      assertThat(p.status(ticket, token).path("status").asText()).isEqualTo("AWAITING_CONFIRMATION");

      // the customer confirms online: their sign-off closes the complaint
      Answer confirmed = p.api.post("/api/complaints/" + ticket + "/resolution-confirmation",
          "{\"resolved\": true, \"comment\": \"收到了,谢谢\"}").header("X-Tracking-Token", token).send();
      assertThat(confirmed.status()).isEqualTo(200);
      assertThat(confirmed.json().path("status").asText()).isEqualTo("CLOSED");
      assertThat(confirmed.json().path("closureReason").asText()).isEqualTo("RESOLVED");
      assertThat(confirmed.json().path("remedy").path("typeText").asText()).isEqualTo("换货");
      assertThat(confirmed.json().path("reopenableUntil").isTextual()).isTrue();
      assertThat(historyTypes(confirmed.json())).containsExactly("RECEIVED", "REGISTERED", "REPLY_PROMISED",
          "REMEDY_PROPOSED", "REMEDY_ACCEPTED", "REMEDY_CARRIED_OUT", "RESOLUTION_CONFIRMED", "CLOSED");
      assertThat(p.endedAt(ticket)).isEqualTo("EndEvent_ComplaintClosed");
      assertThat(p.eventTypes(ticket)).contains("CLASSIFIED", "INVESTIGATED");
      assertThat(p.jdbc.queryForObject("select owner from complaint where ticket = ?", String.class, ticket))
          .isEqualTo("zhangwei");
      assertThat(p.jdbc.queryForObject("select signed_off_by from complaint where ticket = ?", String.class, ticket))
          .isEqualTo("王建国");

      // a week later the rice cooker fails again: the customer reopens, the complaint goes back to 张伟
      Answer reopened = p.api.post("/api/complaints/" + ticket + "/reopen", "{\"reason\": \"新的这台也出现裂纹\"}")
          .header("X-Tracking-Token", token).send();
      assertThat(reopened.status()).isEqualTo(200);
      assertThat(reopened.json().path("status").asText()).isEqualTo("IN_PROGRESS");
      assertThat(p.awaitTask(ticket, "Task_InvestigateComplaint").getAssignee()).isEqualTo("zhangwei");
    }

    // the application stops and starts again on the same database files
    try (ConfigurableApplicationContext app = start()) {
      Platform p = new Platform(app);
      JsonNode status = p.status(ticket, token);
      assertThat(status.path("status").asText()).isEqualTo("IN_PROGRESS");
      assertThat(historyTypes(status)).endsWith("CLOSED", "REOPENED");
      assertThat(p.jdbc.queryForObject("select reopen_count from complaint where ticket = ?", Integer.class, ticket))
          .isOne();
      Task investigate = p.awaitTask(ticket, "Task_InvestigateComplaint");
      assertThat(investigate.getAssignee()).isEqualTo("zhangwei");
      assertThat(p.runtime.getVariable(investigate.getProcessInstanceId(), "reopenReason")).isEqualTo("新的这台也出现裂纹");
      // the demo organisation was not created twice
      assertThat(p.identity.createUserQuery().userId("zhangwei").count()).isOne();
    }
  }

  @Test
  void staffRecordTheSignOffAndADisputedResolutionIsInvestigatedAgain() {
    try (ConfigurableApplicationContext app = start()) {
      Platform p = new Platform(app);
      Answer filed = p.api.post("/api/complaints", Submissions.valid().with("channel", "STORE").json())
          .as("lina", "demo").send();
      String ticket = filed.json().path("ticket").asText();
      String token = filed.json().path("trackingToken").asText();

      p.work("lina", ticket, "Task_RegisterComplaint", Map.of("facts", "门店购买的空调遥控器失灵", "customerRequest",
          "修好", "problemType", "PRODUCT_DEFECT", "resolvableAtFirstContact", true, "suspectedMalicious", false));
      p.awaitTask(ticket, "Task_ProposeRemedy");
      p.work("lina", ticket, "Task_ProposeRemedy", Map.of("remedyType", "REPAIR",
          "remedyDescription", "明天上午安排师傅上门检修遥控器。", "customerSuggestion", "尽快上门"));
      p.work("lina", ticket, "Task_AgreeRemedyWithCustomer", Map.of("remedyAccepted", true));
      p.work("lina", ticket, "Task_CarryOutRemedy", Map.of("actionsTaken", "已更换遥控器电路板。"));

      // the customer disputes online: back to the owner's investigation
      Answer disputed = p.api.post("/api/complaints/" + ticket + "/resolution-confirmation",
          "{\"resolved\": false, \"comment\": \"还是时灵时不灵\"}").header("X-Tracking-Token", token).send();
      assertThat(disputed.status()).isEqualTo(200);
      assertThat(disputed.json().path("status").asText()).isEqualTo("IN_PROGRESS");
      p.awaitTask(ticket, "Task_InvestigateComplaint");
      p.work("lina", ticket, "Task_InvestigateComplaint", Map.of("findings", "接收器受潮", "investigationNextStep",
          "PROPOSE"));
      p.work("lina", ticket, "Task_ProposeRemedy", Map.of("remedyType", "EXCHANGE",
          "remedyDescription", "为您更换整套遥控器和接收器。"));
      p.work("lina", ticket, "Task_AgreeRemedyWithCustomer", Map.of("remedyAccepted", true));
      p.work("lina", ticket, "Task_CarryOutRemedy", Map.of("actionsTaken", "已更换遥控器和接收器。"));

      // this time the customer signs the store's form; lina records it
      assertThatThrownBy(() -> p.work("lina", ticket, "Task_ConfirmResolution", Map.of("resolutionConfirmed", true)))
          .hasRootCauseInstanceOf(FormInputException.class).hasMessageContaining("signedOffBy");
      p.work("lina", ticket, "Task_ConfirmResolution", Map.of("resolutionConfirmed", true, "signedOffBy", "王建国",
          "confirmationMethod", "SIGNATURE"));

      assertThat(p.status(ticket, token).path("status").asText()).isEqualTo("CLOSED");
      assertThat(p.eventTypes(ticket)).containsSubsequence("RESOLUTION_DISPUTED", "INVESTIGATED", "REMEDY_PROPOSED",
          "RESOLUTION_CONFIRMED", "CLOSED");
      assertThat(p.jdbc.queryForObject("select actor from complaint_event e join complaint c on c.id = e.complaint_id "
          + "where c.ticket = ? and e.type = 'RESOLUTION_CONFIRMED'", String.class, ticket)).isEqualTo("lina");
    }
  }

  private ConfigurableApplicationContext start() {
    return new SpringApplicationBuilder(ComplaintFlowApplication.class).run(
        "--server.port=0",
        "--spring.datasource.url=jdbc:h2:file:" + data.resolve("complaintflow").toAbsolutePath()
            + ";DB_CLOSE_ON_EXIT=FALSE",
        "--camunda.bpm.process-engine-name=e2e",
        "--camunda.bpm.generate-unique-process-application-name=true",
        "--logging.level.org.camunda=WARN", "--logging.level.org.springframework=WARN");
  }

  private static List<String> historyTypes(JsonNode status) {
    List<String> types = new ArrayList<>();
    status.path("history").forEach(h -> types.add(h.path("type").asText()));
    return types;
  }

  /** The running application, from the outside (HTTP) and the inside (engine services, database). */
  static final class Platform {
    final Api api;
    final TaskService tasks;
    final RuntimeService runtime;
    final HistoryService history;
    final IdentityService identity;
    final JdbcTemplate jdbc;

    Platform(ConfigurableApplicationContext app) {
      this.api = new Api(((ServletWebServerApplicationContext) app).getWebServer().getPort());
      this.tasks = app.getBean(TaskService.class);
      this.runtime = app.getBean(RuntimeService.class);
      this.history = app.getBean(HistoryService.class);
      this.identity = app.getBean(IdentityService.class);
      this.jdbc = app.getBean(JdbcTemplate.class);
    }

    JsonNode status(String ticket, String token) {
      Answer a = api.get("/api/complaints/" + ticket).header("X-Tracking-Token", token).send();
      assertThat(a.status()).isEqualTo(200);
      return a.json();
    }

    Task awaitTask(String ticket, String key) {
      Task[] found = new Task[1];
      await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(100)).until(() ->
          (found[0] = tasks.createTaskQuery().processInstanceBusinessKey(ticket).taskDefinitionKey(key)
              .singleResult()) != null);
      return found[0];
    }

    /** Completes a task as the user would in Tasklist: signed in with their groups, claiming it if needed. */
    void work(String user, String ticket, String key, Map<String, Object> form) {
      Task task = awaitTask(ticket, key);
      identity.setAuthentication(user, identity.createGroupQuery().groupMember(user).list().stream()
          .map(Group::getId).toList());
      try {
        if (task.getAssignee() == null) {
          tasks.claim(task.getId(), user);
        }
        tasks.complete(task.getId(), form);
      } finally {
        identity.clearAuthentication();
      }
    }

    List<String> eventTypes(String ticket) {
      return jdbc.queryForList("select e.type from complaint_event e join complaint c on c.id = e.complaint_id "
          + "where c.ticket = ? order by e.occurred_at, e.id", String.class, ticket);
    }

    String endedAt(String ticket) {
      await().atMost(Duration.ofSeconds(10)).until(() -> history.createHistoricProcessInstanceQuery()
          .processInstanceBusinessKey(ticket).finished().count() > 0);
      return history.createHistoricActivityInstanceQuery()
          .processInstanceId(history.createHistoricProcessInstanceQuery().processInstanceBusinessKey(ticket)
              .finished().list().get(0).getId())
          .activityType("noneEndEvent").list().stream().map(HistoricActivityInstance::getActivityId)
          .findFirst().orElse(null);
    }
  }
}
