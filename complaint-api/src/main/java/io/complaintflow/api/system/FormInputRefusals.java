package io.complaintflow.api.system;

import java.util.Set;

import org.camunda.bpm.engine.rest.dto.ExceptionDto;
import org.camunda.bpm.engine.rest.exception.ExceptionHandlerHelper;
import org.camunda.bpm.engine.rest.exception.RestException;
import org.camunda.bpm.engine.rest.exception.RestExceptionHandler;
import org.glassfish.jersey.server.ServerProperties;
import org.springframework.boot.web.embedded.tomcat.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.complaintflow.process.forms.FormInputException;
import io.complaintflow.process.reply.ForbiddenPhraseException;
import jakarta.annotation.Priority;
import jakarta.servlet.ServletRegistration;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/**
 * When a task form's input is refused (our task listeners throw {@link FormInputException} or
 * {@link ForbiddenPhraseException}, whose bilingual messages name the field), Tasklist shows just that message,
 * not the engine's "ENGINE-03051 There was an exception while invoking the TaskListener. Message: …" around it, and
 * the answer is a 400 (the input was wrong), not a 500.
 *
 * <p>The mapper is added to the webapps' engine REST API ({@code /camunda/api/engine}, servlet "Engine Api" registered
 * by the Camunda starter), which Tasklist submits forms to. It runs after the starter's initializer: a Tomcat context
 * customizer's initializer comes after Spring Boot's own.
 */
@Configuration(proxyBeanMethods = false)
class FormInputRefusals {

  static final String WEBAPP_ENGINE_API = "Engine Api";

  @Bean
  WebServerFactoryCustomizer<TomcatServletWebServerFactory> formInputRefusalsInTasklist() {
    return factory -> factory.addContextCustomizers(context -> context.addServletContainerInitializer(
        (classes, servletContext) -> {
          ServletRegistration engineApi = servletContext.getServletRegistration(WEBAPP_ENGINE_API);
          if (engineApi != null) {
            engineApi.setInitParameter(ServerProperties.PROVIDER_CLASSNAMES, Mapper.class.getName());
          }
        }, Set.of()));
  }

  /**
   * Our refusals as 400 with their own message; everything else as the engine REST API answers it. Tasklist's form
   * submission and task completion wrap the engine's exception into a {@link RestException} ("Cannot submit task form
   * …: ENGINE-03051 …"), which is what reaches the mapper.
   */
  @Provider
  @Priority(1)
  public static class Mapper implements ExceptionMapper<RestException> {

    @Override
    public Response toResponse(RestException exception) {
      for (Throwable t = exception; t != null; t = t.getCause() == t ? null : t.getCause()) {
        if (t instanceof FormInputException || t instanceof ForbiddenPhraseException) {
          ExceptionDto dto = ExceptionHandlerHelper.getInstance().fromException(t);
          return Response.status(Response.Status.BAD_REQUEST).entity(dto).type(MediaType.APPLICATION_JSON_TYPE)
              .build();
        }
      }
      return new RestExceptionHandler().toResponse(exception);
    }
  }
}
