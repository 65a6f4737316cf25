package io.complaintflow.process.batch;

import java.util.List;
import java.util.Optional;

import org.springframework.data.repository.ListCrudRepository;

public interface BatchIncidentRepository extends ListCrudRepository<BatchIncident, Long> {

  Optional<BatchIncident> findByOpenKey(String openKey);

  List<BatchIncident> findAllByOrderByOpenedAtDesc();
}
