#include "ingest_service/admin_service_impl.h"

#include "common/raw_rpc.h"
#include "common/status_macros.h"
#include "spdlog/spdlog.h"

namespace summit::ingest {

grpc::ServerUnaryReactor* AdminServiceImpl::CreateBackup(
    grpc::CallbackServerContext* context, const grpc::ByteBuffer* request,
    grpc::ByteBuffer* response) {
  if (grpc::Status status = auth_.Check(*context); !status.ok()) {
    return FinishWith(context, status);
  }
  return common::AnswerUnary<v1::CreateBackupRequest>(
      context, *request, response,
      [this](const v1::CreateBackupRequest&) -> absl::StatusOr<v1::CreateBackupResponse> {
        if (backup_dir_.empty()) {
          return absl::FailedPreconditionError(
              "backups are off: start summit_ingest with --backup_dir");
        }
        ASSIGN_OR_RETURN(storage::BackupInfo info, db_->CreateBackup(backup_dir_));
        spdlog::info("backup {} taken into {}: {} files, {} bytes", info.id, backup_dir_,
                     info.file_count, info.size_bytes);
        v1::CreateBackupResponse answer;
        v1::Backup* backup = answer.mutable_backup();
        backup->set_backup_id(info.id);
        backup->mutable_create_time()->set_seconds(info.unix_seconds);
        backup->set_size_bytes(static_cast<int64_t>(info.size_bytes));
        backup->set_file_count(static_cast<int32_t>(info.file_count));
        return answer;
      });
}

}  // namespace summit::ingest
