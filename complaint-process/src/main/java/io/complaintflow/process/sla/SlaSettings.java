package io.complaintflow.process.sla;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * SLA clock configuration ({@code complaintflow.sla.*}). The targets themselves are in {@code dmn/sla-targets.dmn}.
 *
 * @param warningShare share of a target after which the responsible people are warned (0.75: a quarter remains)
 * @param escalateToManagerAfter working time after a resolution breach at which a manager is brought in
 * @param escalateToDirectorAfter working time after a resolution breach at which the director is brought in
 * @param customerInformationWait how long (working time) the owner waits for missing information from the customer
 *     before going on without it
 * @param warningSweep how the warnings are given ({@link SlaWarningSweep})
 */
@ConfigurationProperties("complaintflow.sla")
public record SlaSettings(@DefaultValue("0.75") double warningShare,
    @DefaultValue("PT4H") Duration escalateToManagerAfter,
    @DefaultValue("PT8H") Duration escalateToDirectorAfter,
    @DefaultValue("PT24H") Duration customerInformationWait,
    @DefaultValue WarningSweep warningSweep) {

  /**
   * {@code complaintflow.sla.warning-sweep.*}.
   *
   * @param enabled whether this node sweeps (by default, when it runs the job executor)
   * @param interval how often; a warning is given at most this long after it fell due, plus the sweep's own time
   * @param batchSize how many warnings one transaction gives at most
   */
  public record WarningSweep(@DefaultValue("true") boolean enabled, @DefaultValue("1s") Duration interval,
      @DefaultValue("1000") int batchSize) {

    public WarningSweep {
      if (interval.compareTo(Duration.ZERO) <= 0 || batchSize < 1) {
        throw new IllegalArgumentException("complaintflow.sla.warning-sweep: interval and batch-size must be positive");
      }
    }
  }

  public SlaSettings {
    if (!(warningShare > 0 && warningShare < 1)) {
      throw new IllegalArgumentException("complaintflow.sla.warning-share must lie between 0 and 1, not " + warningShare);
    }
    if (escalateToManagerAfter.isNegative() || escalateToDirectorAfter.compareTo(escalateToManagerAfter) <= 0) {
      throw new IllegalArgumentException("complaintflow.sla: escalate-to-director-after must come after "
          + "escalate-to-manager-after, both positive");
    }
    if (customerInformationWait.compareTo(Duration.ZERO) <= 0) {
      throw new IllegalArgumentException("complaintflow.sla.customer-information-wait must be positive");
    }
  }
}
