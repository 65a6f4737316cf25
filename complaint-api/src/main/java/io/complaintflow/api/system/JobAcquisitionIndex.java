package io.complaintflow.api.system;

import javax.sql.DataSource;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Lets the job executor find due jobs by an index when many jobs wait. Every open complaint keeps SLA timers waiting
 * in {@code ACT_RU_JOB}, about two per complaint; the engine's acquisition query asks for jobs whose due date is
 * {@code null} or past, which no index answers, so each acquisition read the whole table (at 100,000 open complaints
 * the SLA warnings fired at 11 a second on H2, against 64 at 2,000).
 *
 * <p>So every job gets a due date ({@code ensureJobDueDateNotNull}: a job due at once is due "now" instead of
 * {@code null}, and the acquisition asks for {@code DUEDATE_ <= now} only), jobs written before without one get "now",
 * and {@code ACT_RU_JOB} gets an index on {@code DUEDATE_}. Both are done after the engine made or updated its schema,
 * at every start (idempotent); the engine's own tables are not Flyway's to change.
 */
@Component
class JobAcquisitionIndex extends AbstractProcessEnginePlugin {

  static final String INDEX = "complaintflow_job_due_ix";
  private static final Logger log = LoggerFactory.getLogger(JobAcquisitionIndex.class);

  private final DataSource dataSource;

  JobAcquisitionIndex(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    configuration.setEnsureJobDueDateNotNull(true);
  }

  @Override
  public void postProcessEngineBuild(ProcessEngine engine) {
    JdbcTemplate jdbc = new JdbcTemplate(dataSource);
    int undated = jdbc.update("update ACT_RU_JOB set DUEDATE_ = CURRENT_TIMESTAMP where DUEDATE_ is null");
    if (undated > 0) {
      log.info("{} waiting job(s) without a due date are now due (the job executor only looks at due dates)", undated);
    }
    try {
      jdbc.execute("create index if not exists " + INDEX + " on ACT_RU_JOB (DUEDATE_)");
    } catch (DataAccessException e) {
      // two nodes starting at once on PostgreSQL: the other one made it
      log.info("Index {} not created here ({}); the job executor works without it, only slower", INDEX,
          e.getMostSpecificCause().getMessage());
    }
  }
}
