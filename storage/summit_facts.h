// What a stored summit implies beyond its own record: its index entries and
// its contributions to participant and sector aggregates. Writes and fsck
// both derive them here, so they cannot disagree.
#ifndef SUMMIT_STORAGE_SUMMIT_FACTS_H_
#define SUMMIT_STORAGE_SUMMIT_FACTS_H_

#include <map>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "storage/schema.h"
#include "summit/v1/resources.pb.h"

namespace summit::storage {

struct IndexEntry {
  ColumnFamily family;
  std::string key;
  std::string value;

  friend bool operator<(const IndexEntry& a, const IndexEntry& b) {
    return std::tie(a.family, a.key) < std::tie(b.family, b.key);
  }
  friend bool operator==(const IndexEntry& a, const IndexEntry& b) {
    return a.family == b.family && a.key == b.key && a.value == b.value;
  }
};

struct SummitFacts {
  std::string summit_id;
  // participant_id -> the participant's entry in the summit.
  std::map<std::string, const v1::SummitParticipant*> participants;
  // sector_id -> number of the summit's agreements covering it; every
  // sector the summit touched (in `sectors` or an agreement) is present.
  std::map<std::string, int> sectors;
  // Every index entry, sorted, without duplicates; the BASIC view in
  // kSummitBasics among them.
  std::vector<IndexEntry> index_entries;
};

// The BASIC view of `summit` (see SummitView in query_service.proto): what a
// list shows, without agreements, amounts, related engagements, statements,
// spans and mentions. Stored beside the full record by every write.
v1::Summit BasicSummit(const v1::Summit& summit);

// Derives the facts of `summit`, which must outlive the result.
// INVALID_ARGUMENT, naming the field path, when a resource name in it is
// malformed.
absl::StatusOr<SummitFacts> DeriveSummitFacts(const v1::Summit& summit);

// Key of kArticles for `source_id`, and its value.
std::string ArticleKey(absl::string_view source_id);
std::string ArticleValue(absl::string_view summit_id, absl::string_view content_sha256);

}  // namespace summit::storage

#endif  // SUMMIT_STORAGE_SUMMIT_FACTS_H_
