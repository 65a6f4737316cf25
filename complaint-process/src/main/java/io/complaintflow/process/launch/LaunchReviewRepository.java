package io.complaintflow.process.launch;

import java.util.Collection;
import java.util.List;

import org.springframework.data.repository.ListCrudRepository;

public interface LaunchReviewRepository extends ListCrudRepository<LaunchReview, Long> {

  List<LaunchReview> findAllByOrderBySubmittedAtDescIdDesc();

  boolean existsByProductCodeAndStatusIn(String productCode, Collection<LaunchReview.Status> statuses);
}
