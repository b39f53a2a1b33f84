// The one place absl::Status becomes grpc::Status, at the RPC boundary.
#ifndef SUMMIT_COMMON_STATUS_UTIL_H_
#define SUMMIT_COMMON_STATUS_UTIL_H_

#include <cstddef>
#include <utility>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "grpcpp/server_context.h"
#include "grpcpp/support/server_callback.h"
#include "grpcpp/support/status.h"

namespace summit::common {

// The longest status message sent; a longer one is cut (see quote.h for why
// messages must stay short).
inline constexpr size_t kMaxStatusMessageBytes = 1024;

// Same code (absl and gRPC share the canonical codes), same message, cut to
// kMaxStatusMessageBytes with "... (message truncated)" after the cut.
grpc::Status ToGrpcStatus(const absl::Status& status);

// Finishes a unary callback call: `result`'s error, or OK with its value
// moved into `response`.
template <typename Response>
grpc::ServerUnaryReactor* FinishUnary(grpc::CallbackServerContext* context,
                                      absl::StatusOr<Response> result,
                                      Response* response) {
  grpc::ServerUnaryReactor* reactor = context->DefaultReactor();
  if (!result.ok()) {
    reactor->Finish(ToGrpcStatus(result.status()));
  } else {
    *response = *std::move(result);
    reactor->Finish(grpc::Status::OK);
  }
  return reactor;
}

}  // namespace summit::common

#endif  // SUMMIT_COMMON_STATUS_UTIL_H_
