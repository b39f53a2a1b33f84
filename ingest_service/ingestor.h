// What IngestService does, without gRPC: validates, extracts, merges reports
// of one meeting into one summit, and writes through the stores. The only
// writer of the database. Thread-safe: extraction runs in the caller's
// thread; each write's reads, merge and commit run as one critical section
// of the summit store (SummitStore::Update), so concurrent reports of one
// meeting end in one summit whatever their order.
#ifndef SUMMIT_INGEST_SERVICE_INGESTOR_H_
#define SUMMIT_INGEST_SERVICE_INGESTOR_H_

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "extractor/extractor.h"
#include "ingest_service/validation.h"
#include "storage/database.h"
#include "storage/summit_store.h"
#include "storage/trade_store.h"
#include "summit/v1/ingest_service.pb.h"

namespace summit::ingest {

// Rows one IngestTradeFlows batch may hold (the API's documented limit).
inline constexpr int kMaxTradeBatchRows = 10000;

class Ingestor final {
 public:
  // `db` must be a primary and outlive the ingestor.
  Ingestor(storage::Database* db, ValidationLimits limits);

  // Extraction only; INVALID_ARGUMENT for an invalid article.
  absl::StatusOr<v1::ExtractArticleResponse> ExtractArticle(
      const v1::Article& article) const;

  // Extracts and stores, idempotently: the same source_id and text change
  // nothing (UNCHANGED); new text replaces that report's contribution
  // (UPDATED); a report of a stored meeting (same countries, date within a
  // day) is merged into it (MERGED). All in one atomic write.
  absl::StatusOr<v1::IngestArticleResponse> IngestArticle(const v1::Article& article);

  // Creates or replaces a curated summit, validated as extracted ones are.
  absl::StatusOr<v1::UpsertSummitResponse> UpsertSummit(const v1::Summit& summit);

  // NOT_FOUND when there is no such summit.
  absl::Status DeleteSummit(const std::string& name);

  // Writes the valid rows of one batch atomically and lists the others in
  // `response` (indexes counted from `first_index`, field paths within the
  // batch). An error means nothing of the batch was written:
  // INVALID_ARGUMENT beyond kMaxTradeBatchRows, OUT_OF_RANGE when the
  // stream would pass the int32 row count.
  absl::Status IngestTradeBatch(const v1::IngestTradeFlowsRequest& batch, int batch_index,
                                int64_t first_index,
                                v1::IngestTradeFlowsResponse& response);

 private:
  // The change that stores report `source_id` (text digest `sha`) as
  // `extracted` (nullopt: not a summit), decided from the stored state;
  // runs under the store's writer lock. Sets the response's outcome (and
  // its summit when UNCHANGED) and `target_id`, the summit it goes to.
  absl::StatusOr<storage::SummitChange> DecideArticle(
      const std::string& source_id, const std::string& sha,
      const std::optional<v1::Summit>& extracted, v1::IngestArticleResponse& response,
      std::string& target_id) const;

  const reference::ReferenceData& data_;
  const extractor::Extractor extractor_;
  const ValidationLimits limits_;
  storage::SummitStore summits_;
  storage::TradeStore trade_;
};

// `into` with the facts of `from` added once each.
void MergeSummit(const v1::Summit& from, v1::Summit& into);

// The API's form of what the extractor read (ExtractArticle's answer).
v1::ExtractArticleResponse ToExtractArticleResponse(extractor::Extraction extraction);

}  // namespace summit::ingest

#endif  // SUMMIT_INGEST_SERVICE_INGESTOR_H_
