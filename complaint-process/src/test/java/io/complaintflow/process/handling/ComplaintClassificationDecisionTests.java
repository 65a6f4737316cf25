package io.complaintflow.process.handling;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import io.complaintflow.process.rules.DecisionTables;

/** {@code dmn/complaint-classification.dmn}: both tables, row by row. */
class ComplaintClassificationDecisionTests {

  @Nested
  class CategoryAndDepartment {

    private final DecisionTables table = DecisionTables.load("dmn/complaint-classification.dmn",
        RecordClassificationDelegate.CATEGORY_DECISION);

    @ParameterizedTest(name = "{0} is a {1} complaint for {2}")
    @CsvSource({
        "PRODUCT_DEFECT, QUALITY, QUALITY",
        "SAFETY_HAZARD, QUALITY, QUALITY",
        "FEATURE_MISMATCH, QUALITY, PRODUCT",
        "USAGE_DIFFICULTY, USAGE, PRODUCT",
        "PRICE_DISPUTE, PRICE, PRODUCT",
        "MISLEADING_PROMOTION, PRICE, PRODUCT",
        "LATE_DELIVERY, DELIVERY, LOGISTICS",
        "DAMAGED_IN_TRANSIT, DELIVERY, LOGISTICS",
        "WRONG_ITEM, DELIVERY, LOGISTICS",
        "BILLING_ERROR, BILLING, BILLING",
        "DOUBLE_CHARGE, BILLING, BILLING",
        "REFUND_DELAY, BILLING, BILLING",
        "STAFF_ATTITUDE, SERVICE, CUSTOMER_SERVICE",
        "SLOW_SERVICE, SERVICE, CUSTOMER_SERVICE",
        "BROKEN_PROMISE, SERVICE, CUSTOMER_SERVICE",
        "OTHER, SERVICE, CUSTOMER_SERVICE"})
    void mapsEachProblemTypeToItsCategoryAndDepartment(String problemType, String category, String department) {
      assertThat(table.firstMatch(Map.of("problemType", problemType)))
          .containsEntry("category", category).containsEntry("department", department);
    }

    @Test
    void anUnknownProblemTypeMatchesNoRule() {
      assertThat(table.firstMatch(Map.of("problemType", "ALIENS"))).isNull();
    }
  }

  @Nested
  class Severity {

    private final DecisionTables table = DecisionTables.load("dmn/complaint-classification.dmn",
        RecordClassificationDelegate.SEVERITY_DECISION);

    private Object severity(boolean injury, String problemType, double claimed) {
      Map<String, Object> input = new HashMap<>();
      input.put("personalInjury", injury);
      input.put("problemType", problemType);
      input.put("claimedAmount", claimed);
      return table.firstMatch(input).get("severity");
    }

    @Test
    void anyPersonalInjuryIsCritical() {
      assertThat(severity(true, "STAFF_ATTITUDE", 0)).isEqualTo("CRITICAL");
    }

    @Test
    void aSafetyHazardIsCritical() {
      assertThat(severity(false, "SAFETY_HAZARD", 0)).isEqualTo("CRITICAL");
    }

    @Test
    void aClaimOfFiveThousandOrMoreIsHigh() {
      assertThat(severity(false, "LATE_DELIVERY", 5000)).isEqualTo("HIGH");
      assertThat(severity(false, "LATE_DELIVERY", 4999.99)).isEqualTo("LOW");
    }

    @Test
    void overchargingAndMisleadingPromotionAreHigh() {
      assertThat(severity(false, "DOUBLE_CHARGE", 0)).isEqualTo("HIGH");
      assertThat(severity(false, "MISLEADING_PROMOTION", 0)).isEqualTo("HIGH");
    }

    @Test
    void aMaterialLossIsMedium() {
      assertThat(severity(false, "PRODUCT_DEFECT", 300)).isEqualTo("MEDIUM");
      assertThat(severity(false, "REFUND_DELAY", 0)).isEqualTo("MEDIUM");
    }

    @Test
    void everythingElseIsLow() {
      assertThat(severity(false, "USAGE_DIFFICULTY", 0)).isEqualTo("LOW");
      assertThat(severity(false, "STAFF_ATTITUDE", 0)).isEqualTo("LOW");
    }
  }
}
