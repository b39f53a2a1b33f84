// What QueryService answers, without gRPC: reads through the follower's
// current database. Thread-safe.
#ifndef SUMMIT_QUERY_SERVICE_QUERIER_H_
#define SUMMIT_QUERY_SERVICE_QUERIER_H_

#include <string>

#include "absl/status/statusor.h"
#include "query_service/follower_loop.h"
#include "reference/reference_data.h"
#include "summit/v1/resources.pb.h"

namespace summit {

class Querier final {
 public:
  // `follower` must outlive the querier.
  explicit Querier(const FollowerLoop* follower)
      : follower_(follower), data_(ReferenceData::Get()) {}

  // One summit by resource name. INVALID_ARGUMENT for a malformed name,
  // NOT_FOUND naming it when absent, UNAVAILABLE before the database opens.
  absl::StatusOr<v1::Summit> GetSummit(const std::string& name) const;

  // One participant with its counts and first/last summit dates.
  absl::StatusOr<v1::Participant> GetParticipant(const std::string& name) const;

  // One sector of the taxonomy with its summit and agreement counts (0 when
  // no summit touches it); NOT_FOUND for a sector the taxonomy lacks.
  absl::StatusOr<v1::Sector> GetSector(const std::string& name) const;

 private:
  absl::StatusOr<std::shared_ptr<storage::Database>> Db() const;

  const FollowerLoop* const follower_;
  const ReferenceData& data_;
};

}  // namespace summit

#endif  // SUMMIT_QUERY_SERVICE_QUERIER_H_
