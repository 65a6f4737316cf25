package io.complaintflow.process.analysis;

import java.util.List;

import org.springframework.data.repository.ListCrudRepository;

public interface AnalysisReportRepository extends ListCrudRepository<AnalysisReport, Long> {

  List<AnalysisReport> findAllByOrderByGeneratedAtDescIdDesc();
}
