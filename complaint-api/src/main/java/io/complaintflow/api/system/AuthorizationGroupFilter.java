package io.complaintflow.api.system;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.interceptor.Session;
import org.camunda.bpm.engine.impl.interceptor.SessionFactory;
import org.camunda.bpm.engine.impl.persistence.entity.AuthorizationManager;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Spares the engine a scan of the whole authorization table in every command a signed-in user runs.
 *
 * <p>Before it checks a permission, the engine narrows the user's groups to those that appear in some authorization,
 * with {@code SELECT distinct(GROUP_ID_) FROM ACT_RU_AUTHORIZATION}, once per command. That keeps the {@code
 * GROUP_ID_ IN (…)} lists short for users with hundreds of directory groups. But the engine also writes a grant for
 * every open task's candidate group, so with 100,000 open complaints the table holds over 100,000 rows, and the scan
 * ran about seven times per Tasklist request (a millisecond or more each on PostgreSQL at 20,000).
 *
 * <p>A user with fewer groups than {@code complaintflow.authorization.group-filter-threshold} (default 50) keeps all
 * of them: a group with no authorization matches no row of the {@code IN} list, so every check decides as before.
 * Users with more groups are narrowed as the engine does. The same option as CIB seven's {@code
 * authGroupFilterThreshold} (camunda/camunda-bpm-platform#5485 reports the scan); 0 turns it off.
 */
@Component
class AuthorizationGroupFilter extends AbstractProcessEnginePlugin {

  private final int threshold;

  AuthorizationGroupFilter(@Value("${complaintflow.authorization.group-filter-threshold:50}") int threshold) {
    this.threshold = threshold;
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    List<SessionFactory> sessions = configuration.getCustomSessionFactories() == null ? new ArrayList<>()
        : new ArrayList<>(configuration.getCustomSessionFactories());
    sessions.add(new SessionFactory() {
      @Override
      public Class<?> getSessionType() {
        return AuthorizationManager.class;
      }

      @Override
      public Session openSession() {
        return new FewGroupsAuthorizationManager(threshold);
      }
    });
    configuration.setCustomSessionFactories(sessions);
  }

  /** The engine's authorization manager, which leaves a short list of groups as it is. */
  static class FewGroupsAuthorizationManager extends AuthorizationManager {

    private final int threshold;

    FewGroupsAuthorizationManager(int threshold) {
      this.threshold = threshold;
    }

    @Override
    public List<String> filterAuthenticatedGroupIds(List<String> authenticatedGroupIds) {
      if (authenticatedGroupIds != null && !authenticatedGroupIds.isEmpty()
          && authenticatedGroupIds.size() < threshold && authenticatedGroupIds.stream().noneMatch(Objects::isNull)) {
        return new ArrayList<>(authenticatedGroupIds);
      }
      return super.filterAuthenticatedGroupIds(authenticatedGroupIds);
    }
  }
}
