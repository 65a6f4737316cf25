package io.complaintflow.process.cases;

import static io.complaintflow.process.cases.CaseReviewProcess.Vars;

import java.time.Clock;
import java.util.Set;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

import io.complaintflow.process.cases.ExemplaryCase.Status;
import io.complaintflow.process.forms.FormInput;
import io.complaintflow.process.forms.FormInputException;

/**
 * The steps of {@code bpmn/case-review.bpmn}: the supervisor approves, sends back or rejects a nominated case
 * (审核典型案例); the nominator reworks it (修改案例).
 */
@Component("caseReviewSteps")
public class CaseReviewSteps implements TaskListener {

  private final ExemplaryCaseRepository cases;
  private final Clock clock;

  public CaseReviewSteps(ExemplaryCaseRepository cases, Clock clock) {
    this.cases = cases;
    this.clock = clock;
  }

  @Override
  public void notify(DelegateTask task) {
    FormInput form = FormInput.of(task);
    String actor = FormInput.completedBy(task);
    long id = ((Number) task.getVariable(Vars.CASE_ID)).longValue();
    ExemplaryCase c = cases.findById(id).orElseThrow(() -> new IllegalStateException("no exemplary case " + id));
    switch (task.getTaskDefinitionKey()) {
      case "Task_ReviewCase" -> {
        String decision = form.requiredChoice(Vars.DECISION, "审核结论", Set.of("APPROVE", "REWORK", "REJECT"));
        String note = form.text(Vars.REVIEW_NOTE, "审核意见", 1000);
        if (note == null && !"APPROVE".equals(decision)) {
          throw new FormInputException(Vars.REVIEW_NOTE, "退回修改或不采用时,请填写「审核意见」",
              "'" + Vars.REVIEW_NOTE + "' is required to send a case back or reject it");
        }
        Status status = switch (decision) {
          case "APPROVE" -> Status.APPROVED;
          case "REWORK" -> Status.REWORK;
          default -> Status.REJECTED;
        };
        c.review(status, actor, note, clock.instant());
      }
      case "Task_ReworkCase" -> c.rework(new ExemplaryCase.Text(form.requiredText(Vars.TITLE, "案例标题", 200),
          form.requiredText(Vars.STORY, "事情经过", 4000), form.requiredText(Vars.HANDLING, "处理", 4000),
          form.requiredText(Vars.ANALYSIS, "分析及预防", 4000)));
      default -> throw new IllegalStateException("no case review step for task " + task.getTaskDefinitionKey());
    }
    cases.save(c);
  }
}
