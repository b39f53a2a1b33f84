#include "ingest_service/bearer_auth.h"

#include <string>
#include <utility>

#include "absl/strings/str_cat.h"
#include "openssl/crypto.h"

namespace summit::ingest {

grpc::Status BearerAuth::Check(const grpc::CallbackServerContext& context) const {
  if (token_.empty()) return grpc::Status::OK;
  const std::string expected = absl::StrCat("Bearer ", token_);
  const auto& metadata = context.client_metadata();
  auto it = metadata.find("authorization");
  if (it == metadata.end()) {
    return grpc::Status(grpc::StatusCode::UNAUTHENTICATED,
                        "authorization: missing; send \"Bearer <token>\"");
  }
  const grpc::string_ref given = it->second;
  if (given.size() != expected.size() ||
      CRYPTO_memcmp(given.data(), expected.data(), expected.size()) != 0) {
    return grpc::Status(grpc::StatusCode::UNAUTHENTICATED, "authorization: wrong token");
  }
  return grpc::Status::OK;
}

grpc::ServerUnaryReactor* FinishWith(grpc::CallbackServerContext* context,
                                     grpc::Status status) {
  grpc::ServerUnaryReactor* reactor = context->DefaultReactor();
  reactor->Finish(std::move(status));
  return reactor;
}

}  // namespace summit::ingest
