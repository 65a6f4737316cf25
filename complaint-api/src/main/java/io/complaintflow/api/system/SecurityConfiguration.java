package io.complaintflow.api.system;

import java.io.IOException;
import java.util.List;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.rest.security.auth.ProcessEngineAuthenticationFilter;
import org.camunda.bpm.engine.rest.security.auth.impl.ContainerBasedAuthenticationProvider;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.server.resource.web.BearerTokenResolver;
import org.springframework.security.oauth2.server.resource.web.DefaultBearerTokenResolver;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.web.servlet.LocaleResolver;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.complaintflow.process.staff.StaffGroups;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Who may call what.
 * <ul>
 * <li>Customers, unauthenticated: file a complaint, follow it with its tracking token, confirm or reopen it, read the
 * product catalogue. Staff may file with their credentials; they then own the complaint.</li>
 * <li>Staff ({@code /api/staff/**}, {@code /engine-rest/**}): HTTP Basic against the Camunda identity; the engine REST
 * API then runs with the user's Camunda authorizations. The notification outbox ({@code /api/staff/notifications})
 * is for supervisors, managers, directors and administrators; erasing a customer's personal data
 * ({@code /api/staff/customers/**}, irreversible) for managers, directors and administrators.</li>
 * <li>Optionally (when a {@link JwtDecoder} is configured: {@code spring.security.oauth2.resourceserver.jwt.*}), the
 * staff API also accepts an OIDC provider's access token, {@code Authorization: Bearer …}, for a Camunda user named in
 * a claim ({@link StaffTokenAuthentication}).</li>
 * <li>Camunda webapps ({@code /camunda/**}): their own login and CSRF protection, same accounts.</li>
 * <li>Actuator: health and readiness are public (load balancers); {@code /actuator/prometheus} needs HTTP Basic of a
 * user in group {@code monitoring} (or an administrator): the figures hold no personal data but business volumes;
 * anything else is for administrators.</li>
 * <li>The Cockpit SLA dashboard reads the staff API with the Cockpit login ({@link WebappSessionAuthentication}:
 * {@code GET} only, users who may open Cockpit).</li>
 * </ul>
 * The API is stateless, so Spring's CSRF protection (for cookie sessions) is off; anything else under {@code /api}
 * is denied.
 */
@Configuration(proxyBeanMethods = false)
@EnableMethodSecurity
class SecurityConfiguration {

  @Bean
  SecurityFilterChain securityFilterChain(HttpSecurity http, MessageSource messages, ObjectMapper json,
      LocaleResolver locales, ProcessEngine engine, IdentityService identity, AuthorizationService authorizations,
      ObjectProvider<JwtDecoder> jwtDecoder, StaffTokenSettings tokens) throws Exception {
    String[] staff = StaffGroups.ALL_STAFF.toArray(String[]::new);
    http
        .csrf(AbstractHttpConfigurer::disable)
        .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
        .authorizeHttpRequests(a -> a
            .requestMatchers(HttpMethod.POST, "/api/complaints", "/api/complaints/*/resolution-confirmation",
                "/api/complaints/*/reopen", "/api/complaints/*/information").permitAll()
            .requestMatchers(HttpMethod.GET, "/api/complaints/*", "/api/products").permitAll()
            .requestMatchers(HttpMethod.GET, "/api/revisits/*").permitAll()
            .requestMatchers(HttpMethod.POST, "/api/revisits/*").permitAll()
            .requestMatchers("/api/staff/notifications", "/api/staff/notifications/**").hasAnyRole(
                StaffGroups.SUPERVISORS, StaffGroups.MANAGERS, StaffGroups.DIRECTORS, StaffGroups.ADMINS)
            .requestMatchers("/api/staff/customers/**").hasAnyRole(
                StaffGroups.MANAGERS, StaffGroups.DIRECTORS, StaffGroups.ADMINS)
            .requestMatchers("/api/staff/**").hasAnyRole(staff)
            .requestMatchers("/api/**").denyAll()
            .requestMatchers("/engine-rest/**").authenticated()
            .requestMatchers("/actuator/health", "/actuator/health/**", "/actuator/info").permitAll()
            .requestMatchers("/actuator/prometheus").hasAnyRole(StaffGroups.MONITORING, StaffGroups.ADMINS)
            .requestMatchers("/actuator/**").hasRole(StaffGroups.ADMINS)
            .anyRequest().permitAll())
        .httpBasic(b -> b.realmName("ComplaintFlow")
            .authenticationEntryPoint((req, res, e) -> problem(req, res, messages, json, locales, HttpStatus.UNAUTHORIZED, "unauthenticated")))
        .exceptionHandling(e -> e
            .authenticationEntryPoint((req, res, ex) -> problem(req, res, messages, json, locales, HttpStatus.UNAUTHORIZED, "unauthenticated"))
            .accessDeniedHandler((req, res, ex) -> problem(req, res, messages, json, locales, HttpStatus.FORBIDDEN, "forbidden")))
        .headers(h -> h.frameOptions(f -> f.sameOrigin()));
    JwtDecoder decoder = jwtDecoder.getIfAvailable();
    if (decoder != null) {
      http.oauth2ResourceServer(o -> o
          .bearerTokenResolver(staffApiBearerTokens())
          .jwt(j -> j.decoder(decoder).jwtAuthenticationConverter(new StaffTokenAuthentication(identity, tokens.userClaim())))
          .authenticationEntryPoint((req, res, e) -> {
            res.setHeader("WWW-Authenticate", "Bearer error=\"invalid_token\"");
            new ProblemResponses(messages, json, locales).write(req, res, HttpStatus.UNAUTHORIZED, "unauthenticated",
                List.of());
          }));
    }
    http.addFilterBefore(new WebappSessionAuthentication(engine.getName(), identity, authorizations),
        BasicAuthenticationFilter.class);
    return http.build();
  }

  /** Bearer tokens are read on the staff API only; elsewhere the header is ignored. */
  private static BearerTokenResolver staffApiBearerTokens() {
    DefaultBearerTokenResolver bearer = new DefaultBearerTokenResolver();
    return request -> request.getRequestURI().substring(request.getContextPath().length())
        .startsWith(WebappSessionAuthentication.STAFF_API) ? bearer.resolve(request) : null;
  }

  /** The engine REST API runs each request as the user Spring Security authenticated, with their groups. */
  @Bean
  FilterRegistrationBean<ProcessEngineAuthenticationFilter> engineRestAuthentication() {
    FilterRegistrationBean<ProcessEngineAuthenticationFilter> filter =
        new FilterRegistrationBean<>(new ProcessEngineAuthenticationFilter());
    filter.addUrlPatterns("/engine-rest/*");
    filter.addInitParameter(ProcessEngineAuthenticationFilter.AUTHENTICATION_PROVIDER_PARAM,
        ContainerBasedAuthenticationProvider.class.getName());
    filter.setName("engine-rest-authentication");
    // before the Tasklist read model's filter, which answers as the signed-in user
    filter.setOrder(Ordered.LOWEST_PRECEDENCE - 1);
    return filter;
  }

  private static void problem(HttpServletRequest req, HttpServletResponse res, MessageSource messages, ObjectMapper json,
      LocaleResolver locales, HttpStatus status, String type) throws IOException {
    if (status == HttpStatus.UNAUTHORIZED) {
      res.setHeader("WWW-Authenticate", "Basic realm=\"ComplaintFlow\"");
    }
    new ProblemResponses(messages, json, locales).write(req, res, status, type, List.of());
  }
}
