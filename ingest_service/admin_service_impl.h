// summit.v1.AdminService over the primary database: backups. Served by
// summit_ingest, the process that holds the database, behind the same
// bearer token as the write RPCs.
#ifndef SUMMIT_INGEST_SERVICE_ADMIN_SERVICE_IMPL_H_
#define SUMMIT_INGEST_SERVICE_ADMIN_SERVICE_IMPL_H_

#include <string>
#include <utility>

#include "ingest_service/bearer_auth.h"
#include "storage/database.h"
#include "summit/v1/admin_service.grpc.pb.h"

namespace summit::ingest {

// Every method of AdminService registered raw (see common/raw_rpc.h).
using RawAdminService =
    v1::AdminService::WithRawCallbackMethod_CreateBackup<v1::AdminService::Service>;

class AdminServiceImpl final : public RawAdminService {
 public:
  // `db` must outlive the service. Backups go to `backup_dir`; empty turns
  // them off (FAILED_PRECONDITION). An empty `token` turns the
  // authorization check off.
  AdminServiceImpl(storage::Database* db, std::string backup_dir, std::string token)
      : db_(db), backup_dir_(std::move(backup_dir)), auth_(std::move(token)) {}

  grpc::ServerUnaryReactor* CreateBackup(grpc::CallbackServerContext* context,
                                         const grpc::ByteBuffer* request,
                                         grpc::ByteBuffer* response) override;

 private:
  storage::Database* const db_;
  const std::string backup_dir_;
  const BearerAuth auth_;
};

}  // namespace summit::ingest

#endif  // SUMMIT_INGEST_SERVICE_ADMIN_SERVICE_IMPL_H_
