// The summits two countries met at, for the query families that read a
// country pair's summits (sectors, trade statistics).
#ifndef SUMMIT_QUERY_SERVICE_PAIR_SUMMITS_H_
#define SUMMIT_QUERY_SERVICE_PAIR_SUMMITS_H_

#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "storage/summit_store.h"
#include "summit/v1/resources.pb.h"

namespace summit::query {

// The summits of countries `a` and `b`, oldest first, from their pair index
// (not their related engagements); a summit deleted since the scan is
// skipped. Empty when they have none.
absl::StatusOr<std::vector<v1::Summit>> PairSummits(const storage::SummitStore& store,
                                                    const std::string& a,
                                                    const std::string& b);

}  // namespace summit::query

#endif  // SUMMIT_QUERY_SERVICE_PAIR_SUMMITS_H_
