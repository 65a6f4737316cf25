package io.complaintflow.api.system;

import java.util.List;

import org.camunda.bpm.engine.IdentityService;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.stereotype.Component;

/**
 * Checks staff credentials against the Camunda identity service (the users Camunda Admin manages), so the API, the
 * engine REST API and the webapps share one set of accounts. Roles are the user's groups.
 *
 * <p>Staff may also sign in to the staff API through an OIDC provider: {@link StaffTokenAuthentication}, README
 * "Security".
 */
@Component
class CamundaIdentityAuthentication implements AuthenticationProvider {

  private final IdentityService identity;

  CamundaIdentityAuthentication(IdentityService identity) {
    this.identity = identity;
  }

  @Override
  public Authentication authenticate(Authentication authentication) {
    String user = authentication.getName();
    Object credentials = authentication.getCredentials();
    if (user == null || user.isBlank() || !(credentials instanceof String password)
        || !identity.checkPassword(user, password)) {
      throw new BadCredentialsException("bad credentials");
    }
    List<GrantedAuthority> roles = identity.createGroupQuery().groupMember(user).list().stream()
        .<GrantedAuthority>map(g -> new SimpleGrantedAuthority(StaffRoles.role(g.getId())))
        .toList();
    return UsernamePasswordAuthenticationToken.authenticated(user, null, roles);
  }

  @Override
  public boolean supports(Class<?> authentication) {
    return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
  }
}
