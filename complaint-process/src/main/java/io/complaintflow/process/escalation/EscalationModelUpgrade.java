package io.complaintflow.process.escalation;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.migration.MigrationPlan;
import org.camunda.bpm.engine.migration.MigrationPlanValidationException;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import io.complaintflow.process.complaint.ComplaintRepository;

/**
 * Moves running escalation instances of earlier versions of {@code bpmn/complaint-escalation.bpmn} onto the deployed
 * one, at start: the versions before December 2026 gave the SLA warnings with a timer of their own before each breach
 * timer; now {@code sla.SlaWarningSweep} gives them. A clock still waiting for its warning timer is moved to its
 * breach timer (due again from the model's expression), everything else stays where it is (Camunda's process
 * instance migration, in place, same ids). The complaints so moved are saved once, so that their warning due times
 * are set ({@code sla.SlaWarningSchedule}) and the sweep gives the warnings the timers would have.
 *
 * <p>Without this, those instances would fail at their warning timer (no step {@code slaWarningDelegate} any more)
 * and raise incidents. Once no instance of an earlier version runs, a start costs a query, plus one per earlier
 * version.
 */
@Component
public class EscalationModelUpgrade implements ApplicationRunner {

  private static final Logger log = LoggerFactory.getLogger(EscalationModelUpgrade.class);

  /** Warning timer of an earlier version → the breach timer that now waits in its place. */
  static final List<String[]> WARNING_TIMERS = List.of(
      new String[] {"IntermediateEvent_FirstResponseWarningDue", "IntermediateEvent_FirstResponseDue"},
      new String[] {"IntermediateEvent_ResolutionWarningDue", "IntermediateEvent_ResolutionDue"});

  /** Instances migrated (and complaints saved) in one transaction. */
  static final int CHUNK = 500;

  private final RepositoryService repository;
  private final RuntimeService runtime;
  private final ComplaintRepository complaints;
  private final TransactionTemplate transaction;

  public EscalationModelUpgrade(RepositoryService repository, RuntimeService runtime, ComplaintRepository complaints,
      PlatformTransactionManager transactions) {
    this.repository = repository;
    this.runtime = runtime;
    this.complaints = complaints;
    this.transaction = new TransactionTemplate(transactions);
  }

  @Override
  public void run(ApplicationArguments args) {
    int moved = migrate();
    if (moved > 0) {
      log.info("{} escalation instances moved to the deployed model; their SLA warnings are now the sweep's", moved);
    }
  }

  /**
   * Migrates every running instance of an earlier version with warning timers, {@value #CHUNK} in a transaction, and
   * saves their complaints; returns how many.
   */
  public int migrate() {
    List<ProcessDefinition> versions = repository.createProcessDefinitionQuery()
        .processDefinitionKey(EscalationProcess.KEY).list();
    ProcessDefinition latest = versions.stream().max(Comparator.comparingInt(ProcessDefinition::getVersion))
        .orElse(null);
    if (latest == null) {
      return 0;
    }
    int moved = 0;
    for (ProcessDefinition earlier : versions) {
      if (earlier.getVersion() >= latest.getVersion()
          || runtime.createProcessInstanceQuery().processDefinitionId(earlier.getId()).count() == 0
          || !hasWarningTimers(earlier)) {
        continue;
      }
      MigrationPlan plan;
      try {
        plan = plan(earlier, latest);
      } catch (MigrationPlanValidationException e) {
        log.warn("Escalation instances of version {} stay on it: {}", earlier.getVersion(), e.getMessage());
        continue;
      }
      List<ProcessInstance> chunk;
      while (!(chunk = runtime.createProcessInstanceQuery().processDefinitionId(earlier.getId())
          .listPage(0, CHUNK)).isEmpty()) {
        List<ProcessInstance> instances = chunk;
        try {
          transaction.executeWithoutResult(status -> moveTo(plan, instances));
        } catch (RuntimeException e) {
          // e.g. a timer of one of them fired meanwhile: the next start tries again
          log.warn("Escalation instances of version {} not moved this time: {}", earlier.getVersion(), e.toString());
          break;
        }
        moved += chunk.size();
      }
    }
    return moved;
  }

  private void moveTo(MigrationPlan plan, List<ProcessInstance> instances) {
    List<Long> complaintIds = new ArrayList<>();
    for (ProcessInstance pi : instances) {
      if (runtime.getVariable(pi.getId(), EscalationProcess.Vars.COMPLAINT_ID) instanceof Number id) {
        complaintIds.add(id.longValue());
      }
    }
    runtime.newMigration(plan).processInstanceIds(instances.stream().map(ProcessInstance::getId).toList())
        .skipCustomListeners().execute();
    complaints.saveAll(complaints.findAllById(complaintIds));
  }

  private MigrationPlan plan(ProcessDefinition earlier, ProcessDefinition latest) {
    String[] first = WARNING_TIMERS.get(0);
    String[] resolution = WARNING_TIMERS.get(1);
    return runtime.createMigrationPlan(earlier.getId(), latest.getId()).mapEqualActivities()
        .mapActivities(first[0], first[1]).updateEventTrigger()
        .mapActivities(resolution[0], resolution[1]).updateEventTrigger()
        .build();
  }

  private boolean hasWarningTimers(ProcessDefinition definition) {
    return repository.getBpmnModelInstance(definition.getId()).getModelElementById(WARNING_TIMERS.get(0)[0]) != null;
  }
}
