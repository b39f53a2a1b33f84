// What summit_ingest counts for Prometheus, beside the per-RPC metrics:
//   summit_ingest_articles_total{outcome}  created, updated, merged,
//                                          unchanged, not_a_summit, rejected
//   summit_ingest_trade_rows_total{result} accepted, rejected
//   summit_ingest_trade_batch_seconds      one trade batch's validation and
//                                          atomic write
#ifndef SUMMIT_INGEST_SERVICE_INGEST_METRICS_H_
#define SUMMIT_INGEST_SERVICE_INGEST_METRICS_H_

#include "absl/status/statusor.h"
#include "absl/time/time.h"
#include "prometheus/counter.h"
#include "prometheus/family.h"
#include "prometheus/histogram.h"
#include "prometheus/registry.h"
#include "summit/v1/ingest_service.pb.h"

namespace summit::ingest {

// Thread-safe.
class IngestMetrics final {
 public:
  // Registers the families in `registry`, which must outlive this.
  explicit IngestMetrics(prometheus::Registry& registry);

  // One report's result: its outcome, or "rejected" for an error.
  void CountArticle(const absl::StatusOr<v1::IngestArticleResponse>& result);
  // One trade batch: its rows written and refused, and how long it took.
  void CountTradeBatch(int accepted, int rejected, absl::Duration took);

 private:
  prometheus::Family<prometheus::Counter>& articles_;
  prometheus::Family<prometheus::Counter>& trade_rows_;
  prometheus::Histogram& trade_batch_;
};

}  // namespace summit::ingest

#endif  // SUMMIT_INGEST_SERVICE_INGEST_METRICS_H_
