// summit.v1.QueryService: typed answers from a secondary of the database.
#ifndef SUMMIT_QUERY_SERVICE_QUERY_SERVICE_IMPL_H_
#define SUMMIT_QUERY_SERVICE_QUERY_SERVICE_IMPL_H_

#include "query_service/follower_loop.h"
#include "summit/v1/query_service.grpc.pb.h"

namespace summit {

// Callback-API implementation of QueryService over the follower's current
// database. RPCs not overridden yet answer UNIMPLEMENTED.
class QueryServiceImpl final : public v1::QueryService::CallbackService {
 public:
  // `follower` must outlive the service.
  explicit QueryServiceImpl(const FollowerLoop* follower) : follower_(follower) {}

 private:
  const FollowerLoop* const follower_;
};

}  // namespace summit

#endif  // SUMMIT_QUERY_SERVICE_QUERY_SERVICE_IMPL_H_
