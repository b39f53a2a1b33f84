// summit.v1.IngestService: the only writer of the database.
#ifndef SUMMIT_INGEST_SERVICE_INGEST_SERVICE_IMPL_H_
#define SUMMIT_INGEST_SERVICE_INGEST_SERVICE_IMPL_H_

#include "storage/database.h"
#include "summit/v1/ingest_service.grpc.pb.h"

namespace summit {

// Callback-API implementation of IngestService over a primary Database.
// RPCs not overridden yet answer UNIMPLEMENTED.
class IngestServiceImpl final : public v1::IngestService::CallbackService {
 public:
  // `db` must be a primary and outlive the service.
  explicit IngestServiceImpl(storage::Database* db) : db_(db) {}

 private:
  storage::Database* const db_;
};

}  // namespace summit

#endif  // SUMMIT_INGEST_SERVICE_INGEST_SERVICE_IMPL_H_
