// The one place absl::Status becomes grpc::Status, at the RPC boundary.
#ifndef SUMMIT_COMMON_STATUS_UTIL_H_
#define SUMMIT_COMMON_STATUS_UTIL_H_

#include "absl/status/status.h"
#include "grpcpp/support/status.h"

namespace summit {

// Same code (absl and gRPC share the canonical codes), same message.
grpc::Status ToGrpcStatus(const absl::Status& status);

}  // namespace summit

#endif  // SUMMIT_COMMON_STATUS_UTIL_H_
