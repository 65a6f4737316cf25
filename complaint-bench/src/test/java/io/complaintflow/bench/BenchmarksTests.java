package io.complaintflow.bench;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

class BenchmarksTests {

  @Test
  void filesAValidComplaintOfAnotherCustomerEachTime() throws Exception {
    JsonNode first = Http.JSON.readTree(Benchmarks.complaint(1));
    JsonNode second = Http.JSON.readTree(Benchmarks.complaint(2));

    assertThat(first.at("/customer/phone").asText()).isEqualTo("13900000001").hasSize(11);
    assertThat(second.at("/customer/phone").asText()).isEqualTo("13900000002");
    assertThat(first.at("/customer/name").asText()).isNotEqualTo(second.at("/customer/name").asText());
    assertThat(first.path("channel").asText()).isEqualTo("WEB");
    assertThat(first.path("description").asText()).isNotBlank();
  }

  @Test
  void ratiosAreComplaintFlowOverBare() {
    assertThat(Benchmarks.ratio(50, 100)).isEqualTo("0.50×");
    assertThat(Benchmarks.ratio(150, 100)).isEqualTo("1.50×");
    assertThat(Benchmarks.ratio(Double.NaN, 100)).isEqualTo("–");
    assertThat(Benchmarks.ratio(1, 0)).isEqualTo("–");
  }
}
