package io.complaintflow.api.system;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Sign-in to the staff API with an OIDC provider's access tokens ({@code complaintflow.security.oidc.*}). It is on
 * when Spring Boot's resource server has a key source: {@code spring.security.oauth2.resourceserver.jwt.issuer-uri},
 * {@code jwk-set-uri} or {@code public-key-location}.
 *
 * @param userClaim the claim holding the Camunda user id
 */
@ConfigurationProperties("complaintflow.security.oidc")
public record StaffTokenSettings(@DefaultValue("preferred_username") String userClaim) {
}
