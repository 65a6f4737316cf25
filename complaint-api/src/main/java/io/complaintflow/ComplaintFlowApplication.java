package io.complaintflow;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * ComplaintFlow: customer-complaint handling on Camunda 7. This class sits in the root package so that the
 * capabilities of every module ({@code io.complaintflow.process.*}, {@code io.complaintflow.notifications.*},
 * {@code io.complaintflow.api.*}) are found.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class ComplaintFlowApplication {

  public static void main(String[] args) {
    SpringApplication.run(ComplaintFlowApplication.class, args);
  }
}
