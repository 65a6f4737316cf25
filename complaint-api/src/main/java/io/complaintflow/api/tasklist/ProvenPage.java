package io.complaintflow.api.tasklist;

import java.util.concurrent.Callable;

import org.camunda.bpm.engine.impl.ProcessDefinitionQueryImpl;
import org.camunda.bpm.engine.impl.UserQueryImpl;
import org.camunda.bpm.engine.impl.VariableInstanceQueryImpl;
import org.camunda.bpm.engine.impl.cmd.ExecuteFilterCountCmd;
import org.camunda.bpm.engine.impl.cmd.ExecuteFilterListPageCmd;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;

/**
 * Lets the engine render a page of tasks that {@link TasklistFilterAnswers} has answered from the read model.
 *
 * <p>The engine's filter endpoint renders a page with four queries: the filter's task query (limited to the page's
 * ids), its count, the variables of the page's tasks and process instances, and the assignees and process definitions
 * it embeds. The count is the read model's, already known: while {@link #render} runs, the engine's count command
 * answers it without a query.
 *
 * <p>For a page the user has been shown to be allowed to read, with surroundings the user may read as a whole
 * ({@link TasklistFilterAnswers#mayRenderProvenPage}): each of those queries is joined with the authorization table,
 * and with 100,000 open tasks (and as many task grants) that join is most of the time of a page. For such a page,
 * exactly those commands run without it; every other command (reading the filter itself, the webapps' session checks)
 * is checked as always.
 */
final class ProvenPage extends CommandInterceptor {

  private record Rendering(boolean proven, long count) {
  }

  private static final ThreadLocal<Rendering> RENDERING = new ThreadLocal<>();

  /**
   * Runs {@code rendering} (the engine's filter endpoint, on this thread) for a page the read model answered, whose
   * filter lists {@code count} tasks in all; {@code proven}: the user may read the page and its surroundings.
   */
  static <T> T render(boolean proven, long count, Callable<T> rendering) throws Exception {
    RENDERING.set(new Rendering(proven, count));
    try {
      return rendering.call();
    } finally {
      RENDERING.remove();
    }
  }

  @Override
  @SuppressWarnings("unchecked")
  public <T> T execute(Command<T> command) {
    Rendering rendering = RENDERING.get();
    if (rendering == null) {
      return next.execute(command);
    }
    if (command instanceof ExecuteFilterCountCmd) {
      return (T) Long.valueOf(rendering.count());
    }
    if (!rendering.proven() || !rendersThePage(command)) {
      return next.execute(command);
    }
    CommandContext context = Context.getCommandContext();
    boolean checking = context.isAuthorizationCheckEnabled();
    context.disableAuthorizationCheck();
    try {
      return next.execute(command);
    } finally {
      if (checking) {
        context.enableAuthorizationCheck();
      }
    }
  }

  private static boolean rendersThePage(Command<?> command) {
    return command instanceof ExecuteFilterListPageCmd || command instanceof VariableInstanceQueryImpl
        || command instanceof UserQueryImpl || command instanceof ProcessDefinitionQueryImpl;
  }
}
