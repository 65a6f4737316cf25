package io.complaintflow.api.tasklist;

import java.util.LinkedHashSet;
import java.util.Set;

import org.camunda.bpm.engine.impl.cfg.TransactionState;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.interceptor.Session;
import org.camunda.bpm.engine.impl.interceptor.SessionFactory;

/**
 * What one engine command changed that the {@link TasklistReadModel} holds: collected while the command runs (from
 * history events and the engine's task manager), applied when its transaction commits. By then the engine has
 * flushed its own rows, so the model copies them from the engine's tables in the same transaction: it commits or
 * rolls back with them, and a command the engine's optimistic locking refuses changes nothing here.
 */
class TasklistChanges implements Session {

  private final TasklistReadModel model;
  private final Set<String> tasks = new LinkedHashSet<>();
  private final Set<String> processInstances = new LinkedHashSet<>();
  private boolean everything;
  private boolean grants;

  private TasklistChanges(TasklistReadModel model) {
    this.model = model;
  }

  /** The changes of the command running on this thread. */
  static TasklistChanges current() {
    return Context.getCommandContext().getSession(TasklistChanges.class);
  }

  void task(String taskId) {
    if (taskId != null) {
      tasks.add(taskId);
    }
  }

  void processInstance(String processInstanceId) {
    if (processInstanceId != null) {
      processInstances.add(processInstanceId);
    }
  }

  /** Tasks changed that cannot be named cheaply (a process definition was suspended or activated). */
  void everything() {
    everything = true;
  }

  /** Authorizations were changed through the AuthorizationService (or with a user or group). */
  void grants() {
    grants = true;
  }

  private void apply() {
    if (grants) {
      model.grantsChanged();
    }
    if (!model.filled()) {
      // not filled yet: the fill at start-up copies everything
      return;
    }
    if (everything) {
      model.refreshAll();
      return;
    }
    model.refreshProcessInstances(processInstances);
    model.refreshTasks(tasks);
  }

  @Override
  public void flush() {
    // applied when the transaction commits, after the engine's own flush
  }

  @Override
  public void close() {
  }

  /** Opens one per command context and has it applied when the command's transaction commits. */
  static class Factory implements SessionFactory {

    private final TasklistReadModel model;

    Factory(TasklistReadModel model) {
      this.model = model;
    }

    @Override
    public Class<?> getSessionType() {
      return TasklistChanges.class;
    }

    @Override
    public Session openSession() {
      TasklistChanges changes = new TasklistChanges(model);
      CommandContext command = Context.getCommandContext();
      command.getTransactionContext().addTransactionListener(TransactionState.COMMITTING, c -> changes.apply());
      return changes;
    }
  }
}
