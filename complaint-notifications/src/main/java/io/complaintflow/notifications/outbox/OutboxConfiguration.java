package io.complaintflow.notifications.outbox;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(DispatchSettings.class)
class OutboxConfiguration {

  /** Meters go to the application's registry (Actuator), or nowhere when there is none. */
  @Bean
  OutboxMetrics outboxMetrics(ObjectProvider<MeterRegistry> registry) {
    return new OutboxMetrics(registry.getIfAvailable(SimpleMeterRegistry::new));
  }
}
