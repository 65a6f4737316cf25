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
 * Lets the engine render a page of tasks that {@link TasklistFilterAnswers} has already shown the user may read, and
 * whose surroundings the user may read as a whole ({@link TasklistFilterAnswers#mayRenderProvenPage}), without
 * checking each row again.
 *
 * <p>The engine's filter endpoint renders a page with four queries, each joined with the authorization table: the
 * filter's task query (limited to the page's ids), its count, the variables of the page's tasks and process
 * instances, and the assignees and process definitions it embeds. With 100,000 open tasks (and as many task grants)
 * that join is most of the time of a page. While {@link #render} runs, exactly those commands run without it; every
 * other command (reading the filter itself, the webapps' session checks) is checked as always.
 */
final class ProvenPage extends CommandInterceptor {

  private static final ThreadLocal<Boolean> RENDERING = new ThreadLocal<>();

  /** Runs {@code rendering} (the engine's filter endpoint, on this thread) for a proven page. */
  static <T> T render(Callable<T> rendering) throws Exception {
    RENDERING.set(Boolean.TRUE);
    try {
      return rendering.call();
    } finally {
      RENDERING.remove();
    }
  }

  @Override
  public <T> T execute(Command<T> command) {
    if (!Boolean.TRUE.equals(RENDERING.get()) || !rendersThePage(command)) {
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
    return command instanceof ExecuteFilterListPageCmd || command instanceof ExecuteFilterCountCmd
        || command instanceof VariableInstanceQueryImpl || command instanceof UserQueryImpl
        || command instanceof ProcessDefinitionQueryImpl;
  }
}
