package io.complaintflow.api.tasklist;

import org.camunda.bpm.engine.IdentityService;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/** Puts {@link TasklistFilterEndpoint} last in front of the engine's REST API and the webapps' engine API. */
@Configuration(proxyBeanMethods = false)
class TasklistConfiguration {

  @Bean
  FilterRegistrationBean<TasklistFilterEndpoint> tasklistFilterEndpoint(TasklistFilterAnswers answers,
      IdentityService identity) {
    FilterRegistrationBean<TasklistFilterEndpoint> filter =
        new FilterRegistrationBean<>(new TasklistFilterEndpoint(answers, identity));
    filter.addUrlPatterns("/engine-rest/*", "/camunda/api/engine/*");
    // after the engine REST API's authentication (ordered just before); the webapps' session is read where needed
    filter.setOrder(Ordered.LOWEST_PRECEDENCE);
    filter.setName("tasklist-read-model");
    return filter;
  }
}
