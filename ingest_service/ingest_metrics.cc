#include "ingest_service/ingest_metrics.h"

#include <string>

#include "absl/strings/ascii.h"
#include "absl/strings/strip.h"
#include "common/metrics.h"

namespace summit::ingest {

IngestMetrics::IngestMetrics(prometheus::Registry& registry)
    : articles_(prometheus::BuildCounter()
                    .Name("summit_ingest_articles_total")
                    .Help("Reports ingested, by outcome (rejected: refused with an error)")
                    .Register(registry)),
      trade_rows_(prometheus::BuildCounter()
                      .Name("summit_ingest_trade_rows_total")
                      .Help("Trade rows received, by result (accepted or rejected)")
                      .Register(registry)),
      trade_batch_(prometheus::BuildHistogram()
                       .Name("summit_ingest_trade_batch_seconds")
                       .Help("Validation and atomic write of one trade batch")
                       .Register(registry)
                       .Add({}, common::LatencyBuckets())) {}

void IngestMetrics::CountArticle(const absl::StatusOr<v1::IngestArticleResponse>& result) {
  std::string outcome = "rejected";
  if (result.ok()) {
    // INGEST_OUTCOME_NOT_A_SUMMIT -> "not_a_summit".
    const std::string name = absl::AsciiStrToLower(v1::IngestOutcome_Name(result->outcome()));
    outcome = std::string(absl::StripPrefix(name, "ingest_outcome_"));
  }
  articles_.Add({{"outcome", outcome}}).Increment();
}

void IngestMetrics::CountTradeBatch(int accepted, int rejected, absl::Duration took) {
  trade_rows_.Add({{"result", "accepted"}}).Increment(accepted);
  trade_rows_.Add({{"result", "rejected"}}).Increment(rejected);
  trade_batch_.Observe(absl::ToDoubleSeconds(took));
}

}  // namespace summit::ingest
