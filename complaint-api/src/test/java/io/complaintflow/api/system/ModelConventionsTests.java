package io.complaintflow.api.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.repository.DecisionDefinition;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.BusinessRuleTask;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.SequenceFlow;
import org.camunda.bpm.model.bpmn.instance.ServiceTask;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaExecutionListener;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaTaskListener;
import org.camunda.bpm.model.dmn.Dmn;
import org.camunda.bpm.model.dmn.instance.Decision;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.complaintflow.api.ApiIntegrationTest;
import io.complaintflow.process.handling.HandlingProcess;
import io.complaintflow.process.handling.HandlingSteps;

/**
 * Conventions of the models that no compiler checks: every bean an expression names exists (with the method it
 * calls), every user task has a deployed Camunda Form, every business rule task a deployed decision, every element
 * an id that says what it is, and every process and decision (in the files and as deployed) a history time to live.
 */
class ModelConventionsTests extends ApiIntegrationTest {

  private static final Pattern BEAN_CALL = Pattern.compile("\\$\\{(\\w+)(?:\\.(\\w+)\\(([^)]*)\\))?}");
  private static final Pattern ID = Pattern.compile(
      "^(StartEvent|EndEvent|BoundaryEvent|IntermediateEvent|Task|Gateway|SubProcess|CallActivity|SequenceFlow)_[A-Z][A-Za-z0-9]*$");

  static List<BpmnModelInstance> models = new ArrayList<>();
  static Set<String> formIds = new HashSet<>();
  static Set<String> decisionKeys = new HashSet<>();

  @Autowired
  ApplicationContext context;
  @Autowired
  RepositoryService repository;

  @BeforeAll
  static void load() throws IOException {
    PathMatchingResourcePatternResolver resolver = new PathMatchingResourcePatternResolver();
    for (Resource r : resolver.getResources("classpath*:bpmn/*.bpmn")) {
      try (InputStream in = r.getInputStream()) {
        models.add(Bpmn.readModelFromStream(in));
      }
    }
    ObjectMapper json = new ObjectMapper();
    for (Resource r : resolver.getResources("classpath*:forms/*.form")) {
      try (InputStream in = r.getInputStream()) {
        formIds.add(json.readTree(in).path("id").asText());
      }
    }
    for (Resource r : resolver.getResources("classpath*:dmn/*.dmn")) {
      try (InputStream in = r.getInputStream()) {
        Dmn.readModelFromStream(in).getModelElementsByType(Decision.class).forEach(d -> decisionKeys.add(d.getId()));
      }
    }
    assertThat(models).isNotEmpty();
  }

  @Test
  void everyExpressionNamesAnExistingBeanAndMethod() {
    List<String> problems = new ArrayList<>();
    for (BpmnModelInstance m : models) {
      for (ServiceTask t : m.getModelElementsByType(ServiceTask.class)) {
        check(t.getId(), t.getCamundaDelegateExpression(), problems);
        check(t.getId(), t.getCamundaExpression(), problems);
        if (t.getCamundaDelegateExpression() != null) {
          String bean = bean(t.getCamundaDelegateExpression());
          if (bean != null && context.containsBean(bean) && !(context.getBean(bean) instanceof JavaDelegate)) {
            problems.add(t.getId() + ": bean " + bean + " is not a JavaDelegate");
          }
        }
      }
      for (CamundaTaskListener l : m.getModelElementsByType(CamundaTaskListener.class)) {
        String task = l.getParentElement().getParentElement().getAttributeValue("id");
        check(task, l.getCamundaExpression(), problems);
        check(task, l.getCamundaDelegateExpression(), problems);
        String bean = l.getCamundaDelegateExpression() == null ? null : bean(l.getCamundaDelegateExpression());
        if (bean != null && context.containsBean(bean)) {
          Object listener = context.getBean(bean);
          if (!(listener instanceof TaskListener)) {
            problems.add(task + ": bean " + bean + " is not a TaskListener");
          } else if (listener instanceof HandlingSteps && !HandlingSteps.TASK_KEYS.contains(task)) {
            problems.add(task + ": handlingSteps has no step for this task");
          }
        }
      }
      m.getModelElementsByType(CamundaExecutionListener.class).forEach(l ->
          check("execution listener", l.getCamundaExpression(), problems));
    }
    assertThat(problems).isEmpty();
  }

  @Test
  void everyUserTaskHasADeployedFormAndEveryRuleTaskADeployedDecision() {
    List<String> problems = new ArrayList<>();
    for (BpmnModelInstance m : models) {
      for (UserTask t : m.getModelElementsByType(UserTask.class)) {
        if (!"deployment".equals(t.getCamundaFormRefBinding())) {
          problems.add(t.getId() + ": formRefBinding must be 'deployment'");
        }
        if (!formIds.contains(t.getCamundaFormRef())) {
          problems.add(t.getId() + ": no form with id " + t.getCamundaFormRef());
        }
        if (t.getDocumentations().isEmpty()) {
          problems.add(t.getId() + ": no documentation telling staff what to do");
        }
      }
      for (BusinessRuleTask t : m.getModelElementsByType(BusinessRuleTask.class)) {
        if (!decisionKeys.contains(t.getCamundaDecisionRef())) {
          problems.add(t.getId() + ": no decision " + t.getCamundaDecisionRef());
        }
      }
    }
    assertThat(problems).isEmpty();
  }

  @Test
  void everyElementHasAnIdThatSaysWhatItIsAndEveryProcessATimeToLive() {
    List<String> problems = new ArrayList<>();
    for (BpmnModelInstance m : models) {
      m.getModelElementsByType(FlowNode.class).stream().map(FlowNode::getId)
          .filter(id -> !ID.matcher(id).matches()).forEach(id -> problems.add("flow node id " + id));
      m.getModelElementsByType(SequenceFlow.class).stream().map(SequenceFlow::getId)
          .filter(id -> !ID.matcher(id).matches()).forEach(id -> problems.add("sequence flow id " + id));
      for (Process p : m.getModelElementsByType(Process.class)) {
        if (p.getCamundaHistoryTimeToLiveString() == null) {
          problems.add(p.getId() + ": no historyTimeToLive");
        }
        if (!p.getId().endsWith("Process")) {
          problems.add(p.getId() + ": process ids end in Process");
        }
      }
    }
    assertThat(problems).isEmpty();
  }

  /**
   * Retention (PIPL/GDPR): what the engine actually deployed, not only what the files say. Every process and decision
   * definition carries a history time to live, so history cleanup removes their history; decision requirements
   * diagrams and Camunda Forms keep no history of their own (their decisions and the tasks using them do).
   */
  @Test
  void everyDeployedProcessAndDecisionHasAHistoryTimeToLive() {
    List<String> problems = new ArrayList<>();
    List<ProcessDefinition> processes = repository.createProcessDefinitionQuery().list();
    List<DecisionDefinition> decisions = repository.createDecisionDefinitionQuery().list();
    processes.stream().filter(d -> d.getHistoryTimeToLive() == null)
        .forEach(d -> problems.add("process " + d.getKey() + " v" + d.getVersion() + ": no historyTimeToLive"));
    decisions.stream().filter(d -> d.getHistoryTimeToLive() == null)
        .forEach(d -> problems.add("decision " + d.getKey() + " v" + d.getVersion() + ": no historyTimeToLive"));

    assertThat(processes).extracting(ProcessDefinition::getKey).contains(HandlingProcess.KEY);
    assertThat(decisions).extracting(DecisionDefinition::getKey).containsAll(decisionKeys);
    assertThat(repository.createDecisionRequirementsDefinitionQuery().list())
        .allSatisfy(drd -> assertThat(repository.createDecisionDefinitionQuery()
            .decisionRequirementsDefinitionId(drd.getId()).count()).as(drd.getKey()).isPositive());
    assertThat(problems).isEmpty();
  }

  private void check(String element, String expression, List<String> problems) {
    if (expression == null) {
      return;
    }
    Matcher m = BEAN_CALL.matcher(expression.trim());
    if (!m.matches()) {
      problems.add(element + ": expression is not a bean or bean method call: " + expression);
      return;
    }
    String bean = m.group(1);
    if (!context.containsBean(bean)) {
      problems.add(element + ": no bean named " + bean);
      return;
    }
    if (m.group(2) != null) {
      int arity = m.group(3).isBlank() ? 0 : m.group(3).split(",").length;
      Class<?> type = org.springframework.aop.support.AopUtils.getTargetClass(context.getBean(bean));
      boolean found = Arrays.stream(type.getMethods())
          .anyMatch(meth -> meth.getName().equals(m.group(2)) && meth.getParameterCount() == arity);
      if (!found) {
        problems.add(element + ": bean " + bean + " has no method " + m.group(2) + " with " + arity + " arguments");
      }
    }
  }

  private static String bean(String expression) {
    Matcher m = BEAN_CALL.matcher(expression.trim());
    return m.matches() ? m.group(1) : null;
  }
}
