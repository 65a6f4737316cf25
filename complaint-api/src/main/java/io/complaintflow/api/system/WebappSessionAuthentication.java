package io.complaintflow.api.system;

import java.io.IOException;
import java.util.List;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.webapp.impl.security.auth.Authentication;
import org.camunda.bpm.webapp.impl.security.auth.AuthenticationUtil;
import org.camunda.bpm.webapp.impl.security.auth.Authentications;
import org.springframework.http.HttpHeaders;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

/**
 * Lets the Cockpit SLA dashboard read the staff API with the Cockpit login: a {@code GET} to {@code /api/staff/**}
 * without credentials, from a browser whose Camunda webapp session is signed in to this engine, runs as that user with
 * their groups as roles, if (checked now, against the engine, not the session's cache) the user still exists and may
 * open Cockpit.
 *
 * <p>Only reads: a session cookie travels with any request the browser makes, including ones a foreign page
 * triggers (CSRF), so anything that changes state keeps requiring HTTP Basic. Reads are safe: without CORS headers a
 * foreign page cannot see the answer. Requests with an {@code Authorization} header are left to HTTP Basic, and
 * nothing outside {@code /api/staff/} looks at the session.
 */
class WebappSessionAuthentication extends OncePerRequestFilter {

  static final String STAFF_API = "/api/staff/";

  private final String engineName;
  private final IdentityService identity;
  private final AuthorizationService authorizations;

  WebappSessionAuthentication(String engineName, IdentityService identity, AuthorizationService authorizations) {
    this.engineName = engineName;
    this.identity = identity;
    this.authorizations = authorizations;
  }

  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    String method = request.getMethod();
    String path = request.getRequestURI().substring(request.getContextPath().length());
    return !("GET".equals(method) || "HEAD".equals(method)) || !path.startsWith(STAFF_API)
        || request.getHeader(HttpHeaders.AUTHORIZATION) != null;
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    String user = webappUser(request.getSession(false));
    if (user != null && SecurityContextHolder.getContext().getAuthentication() == null) {
      List<String> groups = identity.createGroupQuery().groupMember(user).list().stream().map(Group::getId).toList();
      boolean cockpit = identity.createUserQuery().userId(user).count() == 1
          && authorizations.isUserAuthorized(user, groups, Permissions.ACCESS, Resources.APPLICATION, "cockpit");
      if (cockpit) {
        List<GrantedAuthority> roles = groups.stream()
            .<GrantedAuthority>map(g -> new SimpleGrantedAuthority(StaffRoles.role(g))).toList();
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(user, null, roles));
        SecurityContextHolder.setContext(context);
      }
    }
    chain.doFilter(request, response);
  }

  private String webappUser(HttpSession session) {
    if (session == null) {
      return null;
    }
    Authentications authentications = AuthenticationUtil.getAuthsFromSession(session);
    Authentication authentication = authentications == null ? null
        : authentications.getAuthenticationForProcessEngine(engineName);
    return authentication == null ? null : authentication.getIdentityId();
  }
}
