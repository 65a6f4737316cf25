package io.complaintflow.process.batch;

import static io.complaintflow.process.batch.BatchIncidentProcess.Vars;

import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;

import io.complaintflow.process.accountability.AccountabilityReviews;
import io.complaintflow.process.complaint.Complaint;
import io.complaintflow.process.complaint.ComplaintEventType;
import io.complaintflow.process.complaint.ComplaintHistory;
import io.complaintflow.process.complaint.ComplaintStatus;
import io.complaintflow.process.forms.FormInput;
import io.complaintflow.process.handling.ComplaintClosure;
import io.complaintflow.process.handling.HandlingProcess;
import io.complaintflow.process.reply.ForbiddenPhrases;
import io.complaintflow.process.staff.Department;

/**
 * Early warning of batch complaints (预警通报机制, seed 002 J.2) and the steps of {@code bpmn/batch-incident.bpmn}: when
 * complaints about the same product and category reach the configured count within the window, a batch incident
 * starts; its complaints, and new ones while it is open, are linked to it and see its scripted answer; resolving it
 * closes them together, each customer told, and an accountability review follows.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(EarlyWarningSettings.class)
public class BatchIncidents {

  private final BatchIncidentRepository incidents;
  private final ComplaintHistory history;
  private final EarlyWarningSettings settings;
  private final RuntimeService runtime;
  private final JdbcClient jdbc;
  private final ForbiddenPhrases phrases;
  private final Clock clock;

  public BatchIncidents(BatchIncidentRepository incidents, ComplaintHistory history, EarlyWarningSettings settings,
      RuntimeService runtime, JdbcClient jdbc, ForbiddenPhrases phrases, Clock clock) {
    this.incidents = incidents;
    this.history = history;
    this.settings = settings;
    this.runtime = runtime;
    this.jdbc = jdbc;
    this.phrases = phrases;
    this.clock = clock;
  }

  /** What makes complaints "the same": the product (its code, else its name) and the category. */
  static String keyOf(Complaint c) {
    String product = c.getProductCode() != null ? "code:" + c.getProductCode() : "name:" + c.getProductName().strip();
    return product + "|" + c.getCategory();
  }

  /** 核对批量投诉预警 (handling process, after classification). */
  @Bean
  public JavaDelegate earlyWarningDelegate() {
    return execution -> {
      Complaint c = complaint(execution);
      if (c.getCategory() == null || c.getBatchIncidentId() != null) {
        return;
      }
      String key = keyOf(c);
      BatchIncident open = incidents.findByOpenKey(key).orElse(null);
      if (open != null) {
        link(c, open, execution);
        return;
      }
      Instant now = clock.instant();
      List<Long> similar = similarUnlinked(c, now.minus(settings.window()));
      if (similar.size() < settings.threshold()) {
        return;
      }
      BatchIncident incident = incidents.save(BatchIncident.open(key, c.getProductCode(), c.getProductName(),
          c.getCategory(), c.getDepartment() != null ? c.getDepartment() : Department.CUSTOMER_SERVICE.name(),
          similar.size(), now));
      for (long id : similar) {
        if (id == c.getId()) {
          link(c, incident, execution);
        } else {
          link(history.complaint(id), incident, null);
        }
      }
      Department department = Department.of(incident.getDepartment());
      Map<String, Object> vars = new HashMap<>();
      vars.put(Vars.INCIDENT_ID, incident.getId());
      vars.put(Vars.DEPARTMENT, department.name());
      vars.put(Vars.DEPARTMENT_GROUP, department.group());
      vars.put(Vars.DEPARTMENT_TITLE, department.title());
      vars.put(Vars.PRODUCT_NAME, incident.getProductName());
      vars.put(Vars.CATEGORY, incident.getCategory());
      vars.put(Vars.COMPLAINT_COUNT, similar.size());
      runtime.startProcessInstanceByKey(BatchIncidentProcess.KEY, "BATCH-" + incident.getId(), vars);
    };
  }

  /** Complaints about the same product and category received since {@code since}, not yet in an incident. */
  private List<Long> similarUnlinked(Complaint c, Instant since) {
    String sql = "select id from complaint where category = :category and received_at >= :since"
        + " and batch_incident_id is null and "
        + (c.getProductCode() != null ? "product_code = :product" : "product_code is null and product_name = :product")
        + " order by received_at";
    return jdbc.sql(sql)
        .param("category", c.getCategory())
        .param("since", java.sql.Timestamp.from(since))
        .param("product", c.getProductCode() != null ? c.getProductCode() : c.getProductName().strip())
        .query(Long.class).list();
  }

  /** Links a complaint to the incident and shows its handler what is known. */
  private void link(Complaint c, BatchIncident incident, DelegateExecution current) {
    c.linkToBatch(incident.getId());
    c = history.record(c, ComplaintEventType.BATCH_LINKED, ComplaintHistory.SYSTEM, "#" + incident.getId());
    String notice = notice(incident, incident.getComplaintsAtOpening());
    if (current != null) {
      current.setVariable(HandlingProcess.Vars.BATCH_INCIDENT_ID, incident.getId());
      current.setVariable(HandlingProcess.Vars.BATCH_NOTICE, notice);
    } else if (handledNow(c)) {
      runtime.setVariable(c.getProcessInstanceId(), HandlingProcess.Vars.BATCH_INCIDENT_ID, incident.getId());
      runtime.setVariable(c.getProcessInstanceId(), HandlingProcess.Vars.BATCH_NOTICE, notice);
    }
  }

  private boolean handledNow(Complaint c) {
    return c.getStatus() != ComplaintStatus.CLOSED && c.getProcessInstanceId() != null
        && runtime.createProcessInstanceQuery().processInstanceId(c.getProcessInstanceId()).count() > 0;
  }

  private static String notice(BatchIncident i, int count) {
    return "本投诉属于批量投诉事件 #" + i.getId() + "(" + i.getProductName() + ",同类投诉 " + count + " 件以上),由"
        + Department.of(i.getDepartment()).title() + "统一查明原因。"
        + (i.getScriptedAnswer() == null ? "统一答复口径正在制定中。" : "统一答复口径:" + i.getScriptedAnswer());
  }

  private List<Complaint> children(long incidentId) {
    return jdbc.sql("select id from complaint where batch_incident_id = :id order by received_at")
        .param("id", incidentId).query(Long.class).list().stream().map(history::complaint).toList();
  }

  /** 随批量事件结案 (handling process, event sub-process): the incident's resolution is the complaint's. */
  @Bean
  public JavaDelegate closeWithBatchIncidentDelegate(ComplaintClosure closure) {
    return execution -> {
      Complaint c = complaint(execution);
      BatchIncident incident = incident(c.getBatchIncidentId());
      c.resolveWithBatch(incident.getResolution(), clock.instant());
      history.record(c, ComplaintEventType.BATCH_RESOLVED, ComplaintHistory.SYSTEM, incident.getResolution());
      closure.close(execution, "RESOLVED");
    };
  }

  /** 关闭批量事件: each complaint of the incident still being handled closes with it. */
  @Bean
  public JavaDelegate closeBatchIncidentDelegate() {
    return execution -> {
      BatchIncident incident = incident(execution);
      incident.close((String) execution.getVariable("batchClosedBy"), clock.instant());
      incidents.save(incident);
      for (Complaint c : children(incident.getId())) {
        if (handledNow(c)) {
          runtime.createMessageCorrelation(HandlingProcess.MSG_BATCH_INCIDENT_RESOLVED)
              .processInstanceId(c.getProcessInstanceId())
              .correlate();
        }
      }
    };
  }

  /** 发起批量事件问责. */
  @Bean
  public JavaDelegate startBatchAccountabilityDelegate(AccountabilityReviews reviews) {
    return execution -> {
      BatchIncident incident = incident(execution);
      reviews.startForBatch(incident.getId(), incident.getDepartment(),
          incident.getProductName() + " 批量投诉");
    };
  }

  /** The scripted answer, the department's resolution, the supervisors' confirmation. */
  @Bean
  public TaskListener batchSteps() {
    return this::taskCompleted;
  }

  private void taskCompleted(DelegateTask task) {
    FormInput form = FormInput.of(task);
    String actor = FormInput.completedBy(task);
    BatchIncident incident = incident(task);
    switch (task.getTaskDefinitionKey()) {
      case "Task_PrepareScriptedAnswer" -> {
        String answer = form.requiredText(Vars.SCRIPTED_ANSWER, "统一答复口径", 2000);
        phrases.requireClean(Vars.SCRIPTED_ANSWER, "统一答复口径", answer);
        incident.answer(form.text(Vars.CAUSE, "已知原因", 2000), answer);
        incidents.save(incident);
        List<Complaint> children = children(incident.getId());
        String notice = notice(incident, children.size());
        for (Complaint c : children) {
          if (handledNow(c)) {
            runtime.setVariable(c.getProcessInstanceId(), HandlingProcess.Vars.BATCH_NOTICE, notice);
            history.record(c, ComplaintEventType.BATCH_ANSWER, actor, answer);
          }
        }
      }
      case "Task_ResolveBatchIssue" -> {
        String cause = form.requiredText(Vars.CAUSE, "问题原因", 2000);
        String resolution = form.requiredText(Vars.RESOLUTION, "解决结果(告知客户)", 2000);
        phrases.requireClean(Vars.RESOLUTION, "解决结果(告知客户)", resolution);
        incident.resolve(cause, resolution);
        incidents.save(incident);
      }
      case "Task_ConfirmBatchClosure" -> {
        String decision = form.requiredChoice(Vars.CLOSURE_DECISION, "确认意见", Set.of("CLOSE", "RETURN"));
        if ("RETURN".equals(decision)) {
          form.requiredText("batchClosureNote", "退回意见", 1000);
        }
        task.setVariable("batchClosedBy", actor);
      }
      default -> throw new IllegalStateException("no batch incident step for task " + task.getTaskDefinitionKey());
    }
  }

  private Complaint complaint(VariableScope scope) {
    return history.complaint(((Number) scope.getVariable(HandlingProcess.Vars.COMPLAINT_ID)).longValue());
  }

  private BatchIncident incident(VariableScope scope) {
    return incident(((Number) scope.getVariable(Vars.INCIDENT_ID)).longValue());
  }

  private BatchIncident incident(long id) {
    return incidents.findById(id).orElseThrow(() -> new IllegalStateException("no batch incident " + id));
  }
}
