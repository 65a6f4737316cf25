package io.complaintflow.api.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.interfaces.RSAPrivateKey;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;

import org.camunda.bpm.engine.identity.User;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;

import io.complaintflow.api.Api.Answer;
import io.complaintflow.api.ApiIntegrationTest;
import io.complaintflow.api.Submissions;

/**
 * The staff API with an OIDC provider plugged in (own application context): the provider's public key is a PEM file
 * ({@code spring.security.oauth2.resourceserver.jwt.public-key-location}), tokens are signed here with its private key.
 */
class OidcStaffAccessTests extends ApiIntegrationTest {

  private static final KeyPair PROVIDER = rsa();
  private static final KeyPair STRANGER = rsa();
  private static final Path PUBLIC_KEY = publicKeyFile(PROVIDER);

  @DynamicPropertySource
  static void provider(DynamicPropertyRegistry r) {
    r.add("camunda.bpm.process-engine-name", () -> "oidc");
    r.add("spring.security.oauth2.resourceserver.jwt.public-key-location", () -> PUBLIC_KEY.toUri().toString());
  }

  @BeforeEach
  void outsider() {
    // a Camunda user in no staff group
    if (identity.createUserQuery().userId("outsider").count() == 0) {
      User u = identity.newUser("outsider");
      u.setFirstName("Out");
      u.setLastName("Sider");
      u.setPassword("outsider-password");
      identity.saveUser(u);
    }
  }

  @Test
  void acceptsAValidTokenForACamundaUserWithTheirGroupsAsRoles() {
    String ticket = file(Submissions.valid()).json().path("ticket").asText();

    Answer detail = api.get("/api/staff/complaints/" + ticket).header("Authorization", bearer(token("zhangwei"))).send();

    assertThat(detail.status()).isEqualTo(200);
    assertThat(detail.json().path("summary").path("ticket").asText()).isEqualTo(ticket);
    assertThat(detail.json().path("summary").path("customerName").asText()).isEqualTo("王建国");
    // a supervisor's group opens the notification outbox
    assertThat(api.get("/api/staff/notifications").header("Authorization", bearer(token("liuyang"))).send().status())
        .isEqualTo(200);
  }

  @Test
  void refusesAUserWithoutTheGroupWith403() {
    Answer agent = api.get("/api/staff/notifications").header("Authorization", bearer(token("zhangwei"))).send();
    assertThat(agent.status()).isEqualTo(403);
    assertThat(agent.header("Content-Type")).startsWith("application/problem+json");
    assertThat(agent.json().path("status").asInt()).isEqualTo(403);

    Answer outsider = api.get("/api/staff/complaints").header("Authorization", bearer(token("outsider"))).send();
    assertThat(outsider.status()).isEqualTo(403);
    assertThat(outsider.json().path("type").asText()).endsWith("/forbidden");
  }

  @Test
  void refusesAnExpiredTokenWith401() {
    Instant past = Instant.now().minusSeconds(3600);
    assertUnauthenticated(sign(PROVIDER, claims("zhangwei", past.minusSeconds(300), past)));
  }

  @Test
  void refusesATokenSignedWithAnotherKeyWith401() {
    assertUnauthenticated(sign(STRANGER, claims("zhangwei", Instant.now(), Instant.now().plusSeconds(300))));
  }

  @Test
  void refusesATokenForAnUnknownUserOrWithoutTheClaimWith401() {
    assertUnauthenticated(token("nosuchuser"));
    assertUnauthenticated(sign(PROVIDER, new JWTClaimsSet.Builder().subject("zhangwei").issueTime(new Date())
        .expirationTime(Date.from(Instant.now().plusSeconds(300))).build()));
  }

  @Test
  void refusesGarbageAsABearerTokenWith401() {
    assertUnauthenticated("not-a-jwt");
    assertUnauthenticated(token("zhangwei").replace('.', '!'));
  }

  @Test
  void keepsHttpBasicAndLeavesCustomersAlone() {
    assertThat(api.get("/api/staff/complaints").as("zhangwei", "demo").send().status()).isEqualTo(200);
    assertThat(api.get("/api/staff/complaints").send().status()).isEqualTo(401);
    // a bearer token is no way into a customer's complaint
    Answer filed = file(Submissions.valid());
    Answer status = api.get("/api/complaints/" + filed.json().path("ticket").asText())
        .header("Authorization", bearer(token("zhangwei"))).send();
    assertThat(status.status()).isEqualTo(401);
    assertThat(status.json().path("type").asText()).endsWith("/token-required");
  }

  private void assertUnauthenticated(String token) {
    Answer answer = api.get("/api/staff/complaints").header("Authorization", bearer(token)).send();
    assertThat(answer.status()).isEqualTo(401);
    assertThat(answer.header("Content-Type")).startsWith("application/problem+json");
    assertThat(answer.json().path("status").asInt()).isEqualTo(401);
    assertThat(answer.json().path("type").asText()).endsWith("/unauthenticated");
    assertThat(answer.header("WWW-Authenticate")).startsWith("Bearer");
  }

  private static String bearer(String token) {
    return "Bearer " + token;
  }

  private static String token(String user) {
    return sign(PROVIDER, claims(user, Instant.now(), Instant.now().plusSeconds(300)));
  }

  private static JWTClaimsSet claims(String user, Instant issued, Instant expires) {
    return new JWTClaimsSet.Builder().subject("sub-" + user).claim("preferred_username", user)
        .issuer("https://sso.example.com/realms/complaintflow").issueTime(Date.from(issued))
        .expirationTime(Date.from(expires)).build();
  }

  private static String sign(KeyPair key, JWTClaimsSet claims) {
    try {
      SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.RS256), claims);
      jwt.sign(new RSASSASigner((RSAPrivateKey) key.getPrivate()));
      return jwt.serialize();
    } catch (JOSEException e) {
      throw new IllegalStateException(e);
    }
  }

  private static KeyPair rsa() {
    try {
      KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
      g.initialize(2048);
      return g.generateKeyPair();
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private static Path publicKeyFile(KeyPair key) {
    try {
      Path file = Files.createTempFile("oidc-provider", ".pem");
      file.toFile().deleteOnExit();
      Files.writeString(file, "-----BEGIN PUBLIC KEY-----\n"
          + Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(key.getPublic().getEncoded())
          + "\n-----END PUBLIC KEY-----\n");
      return file;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
