// Methods registered raw (grpc::ByteBuffer in and out), which every method
// of summit's services is, so that a request whose bytes do not parse is
// answered INVALID_ARGUMENT here. gRPC 1.51's generated callback handlers
// answer a failed parse of a unary or server-streaming request with
// UNIMPLEMENTED and no message (grpcpp/impl/codegen/server_callback_handlers.h
// drops the parse status), which tells a client the method does not exist;
// and a client-stream message that does not parse reaches OnReadDone(false),
// as if the client had closed the stream.
#ifndef SUMMIT_COMMON_RAW_RPC_H_
#define SUMMIT_COMMON_RAW_RPC_H_

#include <string>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "common/status_util.h"
#include "google/protobuf/message.h"
#include "grpcpp/support/byte_buffer.h"
#include "grpcpp/support/server_callback.h"

namespace summit::common {

// Parses `bytes` into `message`. When they are not its wire format:
// INVALID_ARGUMENT "`what`: cannot be parsed as a summit.v1.GetSummitRequest",
// followed by " (name is not valid UTF-8)" when a string field's bytes are
// not UTF-8, the path of the first such field.
absl::Status ParseMessage(const grpc::ByteBuffer& bytes, absl::string_view what,
                          google::protobuf::Message& message);

// The wire format of `message`; INTERNAL when it cannot be serialized.
absl::StatusOr<grpc::ByteBuffer> ToByteBuffer(const google::protobuf::Message& message);

// `wire_format`: bytes already in a message's wire format (a stored record).
absl::StatusOr<grpc::ByteBuffer> ToByteBuffer(const std::string& wire_format);

// Answers a raw unary call: parses a `Request` from `request` (what
// ParseMessage calls "request"), then finishes with the error of that or of
// `answer(request)`, else with the response `answer` returns: an
// absl::StatusOr of a message, or of a message's wire format.
template <typename Request, typename Answer>
grpc::ServerUnaryReactor* AnswerUnary(grpc::CallbackServerContext* context,
                                      const grpc::ByteBuffer& request,
                                      grpc::ByteBuffer* response, Answer answer) {
  Request parsed;
  if (absl::Status status = ParseMessage(request, "request", parsed); !status.ok()) {
    return FinishUnary<grpc::ByteBuffer>(context, status, response);
  }
  auto result = answer(parsed);
  if (!result.ok())
    return FinishUnary<grpc::ByteBuffer>(context, result.status(), response);
  return FinishUnary<grpc::ByteBuffer>(context, ToByteBuffer(*result), response);
}

}  // namespace summit::common

#endif  // SUMMIT_COMMON_RAW_RPC_H_
