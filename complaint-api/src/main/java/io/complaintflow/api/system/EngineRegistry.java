package io.complaintflow.api.system;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngines;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.springframework.stereotype.Component;

/**
 * Keeps Camunda's static engine registry to the engine this application built.
 *
 * <p>The engine REST API and the webapps find their engine in {@link ProcessEngines}. Its first lookup scans the
 * classpath for {@code camunda.cfg.xml} and builds and registers every engine such a file describes. One named
 * {@code default} takes this application's place, and from then on the REST API, Tasklist and Cockpit answer from
 * that engine's database, with none of our users, grants or complaints. The modules' process tests ship such a file
 * (an in-memory engine), so the application's integration tests ran into it; a library jar in production could do the
 * same. Once this application's engine is built, the registry counts as initialised and never scans.
 */
@Component
class EngineRegistry extends AbstractProcessEnginePlugin {

  @Override
  public void postProcessEngineBuild(ProcessEngine engine) {
    Initialised.mark();
  }

  /** Reaches the registry's flag, which only its subclasses may set. */
  private abstract static class Initialised extends ProcessEngines {

    static void mark() {
      isInitialized = true;
    }
  }
}
