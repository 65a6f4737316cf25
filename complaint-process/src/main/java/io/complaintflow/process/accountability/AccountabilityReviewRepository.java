package io.complaintflow.process.accountability;

import java.util.List;

import org.springframework.data.repository.ListCrudRepository;

public interface AccountabilityReviewRepository extends ListCrudRepository<AccountabilityReview, Long> {

  List<AccountabilityReview> findByComplaintIdOrderByOpenedAt(Long complaintId);

  List<AccountabilityReview> findByBatchIncidentIdOrderByOpenedAt(Long batchIncidentId);

  List<AccountabilityReview> findAllByOrderByOpenedAtDesc();
}
