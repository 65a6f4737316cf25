package io.complaintflow.process.consultation;

import static io.complaintflow.process.consultation.JointConsultationProcess.Vars;

import java.util.Collection;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.complaintflow.process.complaint.Complaint;
import io.complaintflow.process.complaint.ComplaintEventType;
import io.complaintflow.process.complaint.ComplaintHistory;
import io.complaintflow.process.forms.FormInput;
import io.complaintflow.process.staff.Department;

/**
 * The steps of {@code bpmn/joint-consultation.bpmn} (联合会诊, seed 002 J.2): for a hard complaint whose cause no single
 * department can find, each department consulted gives its findings, and a manager records the joint decision.
 */
@Configuration(proxyBeanMethods = false)
public class JointConsultations {

  private final ComplaintHistory history;

  public JointConsultations(ComplaintHistory history) {
    this.history = history;
  }

  /** 登记联合会诊. */
  @Bean
  public JavaDelegate startConsultationDelegate() {
    return execution -> {
      Collection<?> departments = (Collection<?>) execution.getVariable(Vars.DEPARTMENTS);
      String titles = String.join("、", departments.stream().map(d -> Department.of(d.toString()).title()).toList());
      history.record(complaint(execution), ComplaintEventType.CONSULTATION_STARTED,
          (String) execution.getVariable("owner"), titles + ": " + execution.getVariable(Vars.QUESTION));
      execution.setVariable(Vars.OPINIONS, "");
    };
  }

  /** 提交会诊意见 (each department) and 记录会诊结论 (a manager). */
  @Bean
  public TaskListener consultationSteps() {
    return this::taskCompleted;
  }

  private void taskCompleted(DelegateTask task) {
    FormInput form = FormInput.of(task);
    String actor = FormInput.completedBy(task);
    Complaint c = complaint(task);
    switch (task.getTaskDefinitionKey()) {
      case "Task_GiveConsultationFindings" -> {
        String findings = form.requiredText(Vars.FINDINGS, "会诊意见", 2000);
        String department = Department.of((String) task.getVariable(Vars.DEPARTMENT)).title();
        history.record(c, ComplaintEventType.CONSULTATION_OPINION, actor, department + ": " + findings);
        Object earlier = task.getExecution().getProcessInstance().getVariable(Vars.OPINIONS);
        task.getExecution().getProcessInstance().setVariable(Vars.OPINIONS,
            (earlier == null ? "" : earlier + "\n\n") + "【" + department + "】" + findings);
        task.removeVariableLocal(Vars.FINDINGS);
      }
      case "Task_ConcludeConsultation" -> {
        String decision = form.requiredText(Vars.JOINT_DECISION, "会诊结论", 4000);
        history.record(c, ComplaintEventType.CONSULTATION_CONCLUDED, actor, decision);
      }
      default -> throw new IllegalStateException("no consultation step for task " + task.getTaskDefinitionKey());
    }
  }

  private Complaint complaint(VariableScope scope) {
    return history.complaint(((Number) scope.getVariable(Vars.COMPLAINT_ID)).longValue());
  }
}
