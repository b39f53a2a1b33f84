#include "query_service/pair_summits.h"

#include <utility>

#include "common/status_macros.h"

namespace summit::query {

absl::StatusOr<std::vector<v1::Summit>> PairSummits(const storage::SummitStore& store,
                                                    const std::string& a,
                                                    const std::string& b) {
  ASSIGN_OR_RETURN(std::vector<storage::PairEvent> events, store.ScanPairEvents(a, b));
  std::vector<v1::Summit> summits;
  for (const storage::PairEvent& event : events) {
    if (event.event != 0) continue;
    absl::StatusOr<v1::Summit> summit = store.GetSummit(event.summit_id);
    if (absl::IsNotFound(summit.status())) continue;  // Deleted since the scan.
    if (!summit.ok()) return summit.status();
    summits.push_back(*std::move(summit));
  }
  return summits;
}

}  // namespace summit::query
