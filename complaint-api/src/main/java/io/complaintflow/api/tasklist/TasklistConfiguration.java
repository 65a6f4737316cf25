package io.complaintflow.api.tasklist;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/** Puts {@link TasklistFilterEndpoint} last in front of the engine's REST API and the webapps' engine API. */
@Configuration(proxyBeanMethods = false)
class TasklistConfiguration {

  @Bean
  FilterRegistrationBean<TasklistFilterEndpoint> tasklistFilterEndpoint(TasklistFilterAnswers answers) {
    FilterRegistrationBean<TasklistFilterEndpoint> filter =
        new FilterRegistrationBean<>(new TasklistFilterEndpoint(answers));
    filter.addUrlPatterns("/engine-rest/*", "/camunda/api/engine/*");
    // after authentication (the engine REST API's filter is ordered just before; the webapps register theirs first)
    filter.setOrder(Ordered.LOWEST_PRECEDENCE);
    filter.setName("tasklist-read-model");
    return filter;
  }
}
