package io.complaintflow.api.protection;

import org.springframework.boot.autoconfigure.security.SecurityProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.complaintflow.api.system.ProblemResponses;

/**
 * The filters in front of the API: the body size check before anything else (Spring Security included), the
 * customers' request budgets right after Spring Security.
 */
@Configuration(proxyBeanMethods = false)
class ProtectionConfiguration {

  @Bean
  FilterRegistrationBean<RequestSizeFilter> requestSizeFilter(ProtectionSettings settings, ProblemResponses problems) {
    FilterRegistrationBean<RequestSizeFilter> filter =
        new FilterRegistrationBean<>(new RequestSizeFilter(settings.maxBody().toBytes(), problems));
    filter.addUrlPatterns("/api/*");
    filter.setOrder(SecurityProperties.DEFAULT_FILTER_ORDER - 10);
    filter.setName("request-size-limit");
    return filter;
  }

  @Bean
  FilterRegistrationBean<RateLimitFilter> rateLimitFilter(ProtectionSettings settings, ProblemResponses problems) {
    FilterRegistrationBean<RateLimitFilter> filter =
        new FilterRegistrationBean<>(new RateLimitFilter(settings.rateLimit(), problems));
    filter.addUrlPatterns("/api/complaints", "/api/complaints/*", "/api/revisits/*");
    filter.setOrder(SecurityProperties.DEFAULT_FILTER_ORDER + 10);
    filter.setName("rate-limit");
    filter.setEnabled(settings.rateLimit().enabled());
    return filter;
  }
}
