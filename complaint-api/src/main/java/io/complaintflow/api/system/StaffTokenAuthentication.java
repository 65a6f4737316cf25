package io.complaintflow.api.system;

import java.util.List;

import org.camunda.bpm.engine.IdentityService;
import org.springframework.core.convert.converter.Converter;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

/**
 * A staff member signed in through an OIDC provider: the token (its signature, expiry and issuer checked by Spring's
 * {@code JwtDecoder}) names a Camunda user in a claim ({@code preferred_username} unless configured otherwise); that
 * user must exist in the Camunda identity, and their Camunda groups are their roles, exactly as with HTTP Basic. The
 * token's own scopes and roles are not used: who may do what stays in one place, Camunda Admin.
 */
class StaffTokenAuthentication implements Converter<Jwt, AbstractAuthenticationToken> {

  private final IdentityService identity;
  private final String userClaim;

  StaffTokenAuthentication(IdentityService identity, String userClaim) {
    this.identity = identity;
    this.userClaim = userClaim;
  }

  @Override
  public AbstractAuthenticationToken convert(Jwt jwt) {
    Object claim = jwt.getClaims().get(userClaim);
    String user = claim instanceof String s ? s.strip() : null;
    if (user == null || user.isEmpty() || identity.createUserQuery().userId(user).count() != 1) {
      // the same answer for a missing claim and an unknown user: nothing to learn about which accounts exist
      throw new InvalidBearerTokenException("the token names no ComplaintFlow user");
    }
    List<GrantedAuthority> roles = identity.createGroupQuery().groupMember(user).list().stream()
        .<GrantedAuthority>map(g -> new SimpleGrantedAuthority(StaffRoles.role(g.getId())))
        .toList();
    return new JwtAuthenticationToken(jwt, roles, user);
  }
}
