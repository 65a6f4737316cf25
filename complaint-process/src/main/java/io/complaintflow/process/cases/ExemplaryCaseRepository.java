package io.complaintflow.process.cases;

import java.util.Collection;

import org.springframework.data.repository.ListCrudRepository;

public interface ExemplaryCaseRepository extends ListCrudRepository<ExemplaryCase, Long> {

  boolean existsByComplaintIdAndStatusIn(long complaintId, Collection<ExemplaryCase.Status> statuses);
}
