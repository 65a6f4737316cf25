package io.complaintflow.api.system;

import java.util.concurrent.atomic.AtomicLong;

import org.camunda.bpm.engine.rest.hal.Hal;
import org.camunda.bpm.engine.rest.mapper.JacksonConfigurator;
import org.glassfish.jersey.internal.spi.ForcedAutoDiscoverable;

import com.fasterxml.jackson.databind.ObjectMapper;

import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.FeatureContext;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.ext.ContextResolver;
import jakarta.ws.rs.ext.Provider;

/**
 * One configured Jackson {@link ObjectMapper} for Camunda's JAX-RS applications: the engine REST API
 * ({@code /engine-rest}) and the webapps' APIs ({@code /camunda/api/...}, what Tasklist and Cockpit call).
 *
 * <p>Camunda's own resolver ({@link JacksonConfigurator}) builds a new mapper at every lookup, and Jersey looks one up
 * for each request body it reads and each answer it writes. A new mapper has empty serializer and deserializer caches,
 * so every request introspected the DTO classes again by reflection: in a profile of a Tasklist filter page that was
 * a tenth of the CPU and much of the garbage. This mapper is configured the same way
 * ({@link JacksonConfigurator#configureObjectMapper}, Camunda's date format, unknown properties ignored, java.time),
 * once, on first use. Jackson mappers are thread-safe once configured, and nothing in Camunda's REST or webapp code
 * changes the mapper it gets (only {@code JacksonConfigurator} configures one).
 *
 * <p>Jersey finds it in every application it starts through {@code META-INF/services} (as a
 * {@link ForcedAutoDiscoverable}), and its priority puts it before Camunda's resolver for the same media types.
 */
@Provider
@Produces({MediaType.APPLICATION_JSON, Hal.APPLICATION_HAL_JSON})
@Priority(Priorities.USER - 1000)
public class SharedRestObjectMapper implements ContextResolver<ObjectMapper> {

  /** How many times Jersey or a resource asked for the mapper (and so did not build one): for tests. */
  static final AtomicLong LOOKUPS = new AtomicLong();

  private static final class Holder {
    static final ObjectMapper MAPPER = JacksonConfigurator.configureObjectMapper(new ObjectMapper());
  }

  @Override
  public ObjectMapper getContext(Class<?> type) {
    LOOKUPS.incrementAndGet();
    return Holder.MAPPER;
  }

  /** Registers the resolver in each Jersey application. */
  public static class Registration implements ForcedAutoDiscoverable {

    @Override
    public void configure(FeatureContext context) {
      if (!context.getConfiguration().isRegistered(SharedRestObjectMapper.class)) {
        context.register(SharedRestObjectMapper.class);
      }
    }
  }
}
