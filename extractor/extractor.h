// The extractor: reads one report and returns the summit it reports, with
// the source span of every fact, or the reason it reports none. Pure: no
// I/O, no gRPC; thread-safe.
#ifndef SUMMIT_EXTRACTOR_EXTRACTOR_H_
#define SUMMIT_EXTRACTOR_EXTRACTOR_H_

#include "reference/reference_data.h"
#include "summit/v1/ingest_service.pb.h"
#include "summit/v1/resources.pb.h"

namespace summit::extractor {

class Extractor final {
 public:
  // `data` must outlive the extractor.
  explicit Extractor(
      const reference::ReferenceData& data = reference::ReferenceData::Get())
      : data_(data) {}

  // Extracts the summit `article` reports. Relative dates are resolved
  // against article.published when set, else against the meeting's own
  // absolute date; what stays unresolved is 0 and named in a warning.
  // Spans refer to article.text and carry article.source_id. Never fails:
  // text that reports no meeting of leaders yields no summit and a reason.
  v1::ExtractArticleResponse Extract(const v1::Article& article) const;

 private:
  const reference::ReferenceData& data_;
};

}  // namespace summit::extractor

#endif  // SUMMIT_EXTRACTOR_EXTRACTOR_H_
