package io.complaintflow.api.tasklist;

import java.util.ArrayList;
import java.util.List;

import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cmd.DeleteAuthorizationCmd;
import org.camunda.bpm.engine.impl.cmd.DeleteGroupCmd;
import org.camunda.bpm.engine.impl.cmd.DeleteUserCmd;
import org.camunda.bpm.engine.impl.cmd.SaveAuthorizationCmd;
import org.camunda.bpm.engine.impl.history.HistoryLevel;
import org.camunda.bpm.engine.impl.history.event.HistoricIdentityLinkLogEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoricTaskInstanceEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoricVariableUpdateEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoryEvent;
import org.camunda.bpm.engine.impl.history.handler.HistoryEventHandler;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.camunda.bpm.engine.impl.interceptor.SessionFactory;
import org.camunda.bpm.engine.impl.persistence.entity.SuspensionState;
import org.camunda.bpm.engine.impl.persistence.entity.TaskManager;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.interceptor.Session;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.sql.init.dependency.DependsOnDatabaseInitialization;
import org.springframework.stereotype.Component;

/**
 * Keeps the {@link TasklistReadModel} in step with the engine, in the engine's own transactions:
 * <ul>
 * <li>a history event handler beside the engine's database handler: task created, updated (claim, assignment, due date,
 * priority), completed, deleted or migrated; candidate group added or removed; the process variable customerTier
 * set, changed or removed;</li>
 * <li>the engine's task manager, through which every suspension or activation of tasks goes (no history event says
 * so);</li>
 * <li>a command interceptor that notes changes of authorizations made through the AuthorizationService or by deleting
 * a user or group: the read model then answers staff without READ on all tasks only after checking their grants
 * again ({@link TasklistReadModel#assigneesAndCandidatesMayRead()}).</li>
 * </ul>
 * Needs history level full (identity link events); at other levels the read model stays unused. Fills the model from
 * the engine's tables when the engine is built, before the job executor or any request runs, if it is empty (a
 * database that had open tasks before the read model existed).
 */
@Component
@DependsOnDatabaseInitialization
class TasklistSync extends AbstractProcessEnginePlugin {

  private static final Logger log = LoggerFactory.getLogger(TasklistSync.class);

  private final TasklistReadModel model;
  private volatile boolean active;

  TasklistSync(TasklistReadModel model) {
    this.model = model;
  }

  /** Whether the engine reports every change the read model needs (history level full). */
  boolean active() {
    return active;
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    List<HistoryEventHandler> handlers = configuration.getCustomHistoryEventHandlers() == null ? new ArrayList<>()
        : new ArrayList<>(configuration.getCustomHistoryEventHandlers());
    handlers.add(new Handler());
    configuration.setCustomHistoryEventHandlers(handlers);

    List<SessionFactory> sessions = configuration.getCustomSessionFactories() == null ? new ArrayList<>()
        : new ArrayList<>(configuration.getCustomSessionFactories());
    sessions.add(new TasklistChanges.Factory(model));
    sessions.add(new SessionFactory() {
      @Override
      public Class<?> getSessionType() {
        return TaskManager.class;
      }

      @Override
      public Session openSession() {
        return new SuspensionAwareTaskManager();
      }
    });
    configuration.setCustomSessionFactories(sessions);

    List<CommandInterceptor> interceptors = configuration.getCustomPostCommandInterceptorsTxRequired() == null
        ? new ArrayList<>() : new ArrayList<>(configuration.getCustomPostCommandInterceptorsTxRequired());
    interceptors.add(new GrantChanges());
    interceptors.add(new ProvenPage());
    configuration.setCustomPostCommandInterceptorsTxRequired(interceptors);
  }

  @Override
  public void postInit(ProcessEngineConfigurationImpl configuration) {
    active = configuration.getHistoryLevel().getId() >= HistoryLevel.HISTORY_LEVEL_FULL.getId();
    if (!active) {
      log.warn("History level {} reports no candidate group changes: the Tasklist read model is not used",
          configuration.getHistoryLevel().getName());
    }
  }

  @Override
  public void postProcessEngineBuild(ProcessEngine engine) {
    if (active && model.fillIfEmpty()) {
      log.info("Tasklist read model filled from the engine's open tasks");
    }
  }

  /** Notes which tasks and process instances an event concerns. */
  private static class Handler implements HistoryEventHandler {

    @Override
    public void handleEvent(HistoryEvent event) {
      if (event instanceof HistoricTaskInstanceEventEntity task) {
        TasklistChanges.current().task(task.getTaskId());
      } else if (event instanceof HistoricIdentityLinkLogEventEntity link) {
        TasklistChanges.current().task(link.getTaskId());
      } else if (event instanceof HistoricVariableUpdateEventEntity variable
          && StaffTaskFilters.TIER_VARIABLE.equals(variable.getVariableName()) && variable.getTaskId() == null) {
        TasklistChanges.current().processInstance(variable.getProcessInstanceId());
      }
    }

    @Override
    public void handleEvents(List<HistoryEvent> events) {
      events.forEach(this::handleEvent);
    }
  }

  /** The engine's task manager, noting the tasks whose suspension state it changes in bulk. */
  static class SuspensionAwareTaskManager extends TaskManager {

    @Override
    public void updateTaskSuspensionStateByProcessInstanceId(String processInstanceId, SuspensionState state) {
      super.updateTaskSuspensionStateByProcessInstanceId(processInstanceId, state);
      TasklistChanges.current().processInstance(processInstanceId);
    }

    @Override
    public void updateTaskSuspensionStateByProcessDefinitionId(String processDefinitionId, SuspensionState state) {
      super.updateTaskSuspensionStateByProcessDefinitionId(processDefinitionId, state);
      TasklistChanges.current().everything();
    }

    @Override
    public void updateTaskSuspensionStateByProcessDefinitionKey(String processDefinitionKey, SuspensionState state) {
      super.updateTaskSuspensionStateByProcessDefinitionKey(processDefinitionKey, state);
      TasklistChanges.current().everything();
    }

    @Override
    public void updateTaskSuspensionStateByProcessDefinitionKeyAndTenantId(String processDefinitionKey,
        String processDefinitionTenantId, SuspensionState state) {
      super.updateTaskSuspensionStateByProcessDefinitionKeyAndTenantId(processDefinitionKey,
          processDefinitionTenantId, state);
      TasklistChanges.current().everything();
    }

    @Override
    public void updateTaskSuspensionStateByCaseExecutionId(String caseExecutionId, SuspensionState state) {
      super.updateTaskSuspensionStateByCaseExecutionId(caseExecutionId, state);
      TasklistChanges.current().everything();
    }
  }

  /** Notes commands that may take a READ grant on a task from its assignee or candidate group. */
  private static class GrantChanges extends CommandInterceptor {

    @Override
    public <T> T execute(Command<T> command) {
      if (command instanceof SaveAuthorizationCmd || command instanceof DeleteAuthorizationCmd
          || command instanceof DeleteUserCmd || command instanceof DeleteGroupCmd) {
        TasklistChanges.current().grants();
      }
      return next.execute(command);
    }
  }
}
