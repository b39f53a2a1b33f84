// The bearer-token check of summit_ingest's write and admin RPCs.
#ifndef SUMMIT_INGEST_SERVICE_BEARER_AUTH_H_
#define SUMMIT_INGEST_SERVICE_BEARER_AUTH_H_

#include <string>
#include <utility>

#include "grpcpp/grpcpp.h"

namespace summit::ingest {

// Thread-safe; immutable after construction.
class BearerAuth final {
 public:
  // An empty `token` turns the check off.
  explicit BearerAuth(std::string token) : token_(std::move(token)) {}

  // OK, or UNAUTHENTICATED when a token is configured and the call does not
  // carry "authorization: Bearer <token>". Compares in constant time.
  grpc::Status Check(const grpc::CallbackServerContext& context) const;

 private:
  const std::string token_;
};

// Finishes a unary call with `status` on its default reactor.
grpc::ServerUnaryReactor* FinishWith(grpc::CallbackServerContext* context,
                                     grpc::Status status);

}  // namespace summit::ingest

#endif  // SUMMIT_INGEST_SERVICE_BEARER_AUTH_H_
