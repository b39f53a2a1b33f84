// The wall clock as a protobuf Timestamp, for the output-only times of the
// API (create_time, update_time, ingest_time).
#ifndef SUMMIT_COMMON_CLOCK_H_
#define SUMMIT_COMMON_CLOCK_H_

#include "google/protobuf/timestamp.pb.h"

namespace summit::common {

// The current time with the nanoseconds the system clock gives
// (clock_gettime through absl::Now), not only its microseconds.
google::protobuf::Timestamp TimestampNow();

}  // namespace summit::common

#endif  // SUMMIT_COMMON_CLOCK_H_
