package io.complaintflow.process.sla;

import java.util.List;

/**
 * Tells the people concerned of the SLA warnings just given (implemented by the notifications module). Called in the
 * sweep's transaction: what it writes commits or rolls back with the warnings.
 */
public interface SlaWarningNotices {

  /** @param warnings given in one sweep transaction, most urgent first */
  void warned(List<SlaWarning> warnings);
}
