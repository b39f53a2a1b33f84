// Validation of everything a client sends to IngestService, field by field,
// before anything is written. Errors are INVALID_ARGUMENT and start with the
// field path: `flows[3].reporter_code: "XXX" is not an ISO 3166-1 alpha-3
// code`.
#ifndef SUMMIT_INGEST_SERVICE_VALIDATION_H_
#define SUMMIT_INGEST_SERVICE_VALIDATION_H_

#include <cstddef>
#include <optional>
#include <string>

#include "absl/status/status.h"
#include "absl/strings/string_view.h"
#include "common/field_checks.h"
#include "reference/reference_data.h"
#include "summit/v1/resources.pb.h"

namespace summit::ingest {

// What a field may hold.
struct ValidationLimits {
  size_t max_text_bytes = 1 << 20;
};

// An article to ingest: source_id required (1..256 of [A-Za-z0-9._:-]),
// text non-empty valid UTF-8 within the limit, published a valid date.
absl::Status ValidateArticle(const v1::Article& article, absl::string_view field,
                             const ValidationLimits& limits, bool require_source_id);

// A summit record as UpsertSummit receives it, or as the extractor made it:
// names, dates, ISO codes, sectors of the taxonomy, finite non-negative
// amounts, statements by participants.
absl::Status ValidateSummit(const v1::Summit& summit, absl::string_view field,
                            const reference::ReferenceData& data);

// A rejected trade row's field and reason.
struct FieldProblem {
  std::string field;
  std::string reason;
};

// A trade row, whose partner must differ from its reporter; nullopt when
// valid.
std::optional<FieldProblem> ValidateTradeFlow(const v1::TradeFlow& flow,
                                              const reference::ReferenceData& data);

}  // namespace summit::ingest

#endif  // SUMMIT_INGEST_SERVICE_VALIDATION_H_
