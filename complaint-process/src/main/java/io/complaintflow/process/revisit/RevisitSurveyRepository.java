package io.complaintflow.process.revisit;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.data.jdbc.repository.query.Modifying;
import org.springframework.data.jdbc.repository.query.Query;
import org.springframework.data.repository.ListCrudRepository;
import org.springframework.data.repository.query.Param;

public interface RevisitSurveyRepository extends ListCrudRepository<RevisitSurvey, Long> {

  Optional<RevisitSurvey> findByTokenHash(String tokenHash);

  List<RevisitSurvey> findByComplaintIdOrderByOpenedAt(Long complaintId);

  /** Records the customer's answer unless the survey was answered already: 1 when recorded, 0 otherwise. */
  @Modifying
  @Query("update revisit_survey set answered_at = :at, answered_by = 'customer', reached = true, "
      + "channel_ease = :channelEase, staff_attitude = :staffAttitude, handling_time = :handlingTime, "
      + "handling_result = :handlingResult, comment = :comment where id = :id and answered_at is null")
  int answer(@Param("id") long id, @Param("channelEase") int channelEase, @Param("staffAttitude") int staffAttitude,
      @Param("handlingTime") int handlingTime, @Param("handlingResult") int handlingResult,
      @Param("comment") String comment, @Param("at") Instant at);
}
