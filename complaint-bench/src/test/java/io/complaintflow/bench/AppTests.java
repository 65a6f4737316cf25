package io.complaintflow.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;

import org.junit.jupiter.api.Test;

class AppTests {

  @Test
  void bareCamundaRunsWithoutComplaintFlowsModules() {
    String saved = System.getProperty("java.class.path");
    try {
      System.setProperty("java.class.path", String.join(File.pathSeparator,
          "/w/complaint-bench/target/classes", "/w/complaint-process/target/classes",
          "/m2/io/complaintflow/complaint-process/0.1.0-SNAPSHOT/complaint-process-0.1.0-SNAPSHOT.jar",
          "/w/complaint-notifications/target/classes", "/w/complaint-api/target/classes",
          "/m2/org/camunda/bpm/camunda-engine/7.24.0/camunda-engine-7.24.0.jar"));

      assertThat(App.bareClasspath()).isEqualTo("/w/complaint-bench/target/classes" + File.pathSeparator
          + "/m2/org/camunda/bpm/camunda-engine/7.24.0/camunda-engine-7.24.0.jar");
    } finally {
      System.setProperty("java.class.path", saved);
    }
  }
}
