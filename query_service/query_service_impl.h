// summit.v1.QueryService: typed answers from a secondary of the database.
#ifndef SUMMIT_QUERY_SERVICE_QUERY_SERVICE_IMPL_H_
#define SUMMIT_QUERY_SERVICE_QUERY_SERVICE_IMPL_H_

#include "storage/database.h"
#include "summit/v1/query_service.grpc.pb.h"

namespace summit {

// Callback-API implementation of QueryService over a secondary Database.
// RPCs not overridden yet answer UNIMPLEMENTED.
class QueryServiceImpl final : public v1::QueryService::CallbackService {
 public:
  // `db` must be a secondary and outlive the service.
  explicit QueryServiceImpl(storage::Database* db) : db_(db) {}

 private:
  storage::Database* const db_;
};

}  // namespace summit

#endif  // SUMMIT_QUERY_SERVICE_QUERY_SERVICE_IMPL_H_
