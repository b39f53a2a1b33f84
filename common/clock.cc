#include "common/clock.h"

#include "absl/time/clock.h"
#include "absl/time/time.h"

namespace summit::common {

google::protobuf::Timestamp TimestampNow() {
  const absl::Time now = absl::Now();
  const absl::Time second = absl::FromUnixSeconds(absl::ToUnixSeconds(now));
  google::protobuf::Timestamp timestamp;
  timestamp.set_seconds(absl::ToUnixSeconds(now));
  timestamp.set_nanos(static_cast<int32_t>(absl::ToInt64Nanoseconds(now - second)));
  return timestamp;
}

}  // namespace summit::common
