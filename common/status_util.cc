#include "common/status_util.h"

#include <string>

#include "absl/strings/str_cat.h"
#include "common/quote.h"

namespace summit::common {
namespace {

// The cast below relies on absl and gRPC numbering the canonical codes alike.
static_assert(
    static_cast<int>(absl::StatusCode::kOk) == grpc::StatusCode::OK &&
    static_cast<int>(absl::StatusCode::kInvalidArgument) ==
        grpc::StatusCode::INVALID_ARGUMENT &&
    static_cast<int>(absl::StatusCode::kNotFound) == grpc::StatusCode::NOT_FOUND &&
    static_cast<int>(absl::StatusCode::kFailedPrecondition) ==
        grpc::StatusCode::FAILED_PRECONDITION &&
    static_cast<int>(absl::StatusCode::kAborted) == grpc::StatusCode::ABORTED &&
    static_cast<int>(absl::StatusCode::kUnavailable) == grpc::StatusCode::UNAVAILABLE &&
    static_cast<int>(absl::StatusCode::kDataLoss) == grpc::StatusCode::DATA_LOSS &&
    static_cast<int>(absl::StatusCode::kUnauthenticated) ==
        grpc::StatusCode::UNAUTHENTICATED);

}  // namespace

grpc::Status ToGrpcStatus(const absl::Status& status) {
  if (status.ok()) return grpc::Status::OK;
  const absl::string_view message = status.message();
  return grpc::Status(static_cast<grpc::StatusCode>(status.code()),
                      message.size() <= kMaxStatusMessageBytes
                          ? std::string(message)
                          : absl::StrCat(Utf8Prefix(message, kMaxStatusMessageBytes),
                                         "... (message truncated)"));
}

}  // namespace summit::common
