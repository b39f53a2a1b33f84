// A consistency check of the whole database: a full scan, for operators
// (summitctl fsck) and tests, never on a request path.
#ifndef SUMMIT_STORAGE_FSCK_H_
#define SUMMIT_STORAGE_FSCK_H_

#include <cstdint>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "storage/database.h"

namespace summit::storage {

struct FsckReport {
  // One line per fault found, at most kMaxProblems of them.
  std::vector<std::string> problems;
  // Faults found, including those beyond the listed ones.
  int64_t problem_count = 0;
  int64_t summits = 0;
  int64_t index_entries = 0;
  int64_t participants = 0;
  int64_t sectors = 0;
  int64_t trade_flows = 0;

  static constexpr size_t kMaxProblems = 1000;
  bool ok() const { return problem_count == 0; }
};

// Walks every column family and reports: index entries without their record,
// records without their index entries, undecodable keys or values,
// participant or sector counts that disagree with the summits, and trade
// roll-ups that disagree with the trade rows. Fails only
// when the database cannot be read. Use a secondary on a live database.
absl::StatusOr<FsckReport> Fsck(const Database& db);

}  // namespace summit::storage

#endif  // SUMMIT_STORAGE_FSCK_H_
