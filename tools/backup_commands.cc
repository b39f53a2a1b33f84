#include "tools/backup_commands.h"

#include <iostream>
#include <memory>
#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/time/clock.h"
#include "storage/backup.h"
#include "storage/database.h"
#include "summit/v1/admin_service.grpc.pb.h"

namespace summit {

namespace {

constexpr int kBackupFailedVerification = 1;
constexpr int kBackupCannotRun = 2;

// "backup 3: 42 files, 1234567 bytes, taken 2026-12-08T01:02:03Z".
std::string Describe(uint32_t id, uint32_t files, uint64_t bytes, int64_t unix_seconds) {
  return absl::StrCat("backup ", id, ": ", files, " files, ", bytes, " bytes, taken ",
                      absl::FormatTime("%Y-%m-%dT%H:%M:%SZ",
                                       absl::FromUnixSeconds(unix_seconds),
                                       absl::UTCTimeZone()));
}

std::string Describe(const storage::BackupInfo& info) {
  return Describe(info.id, info.file_count, info.size_bytes, info.unix_seconds);
}

}  // namespace

int BackupThroughService(const LoadOptions& options) {
  auto stub = v1::AdminService::NewStub(
      grpc::CreateChannel(options.ingest_addr, grpc::InsecureChannelCredentials()));
  grpc::ClientContext context;
  PrepareCall(context, options, absl::Now() + options.timeout);
  v1::CreateBackupResponse response;
  const grpc::Status status =
      stub->CreateBackup(&context, v1::CreateBackupRequest(), &response);
  if (!status.ok()) {
    std::cerr << "summitctl backup: " << CallError(options, status) << "\n";
    return kBackupCannotRun;
  }
  const v1::Backup& backup = response.backup();
  std::cout << Describe(backup.backup_id(), static_cast<uint32_t>(backup.file_count()),
                        static_cast<uint64_t>(backup.size_bytes()),
                        backup.create_time().seconds())
            << " (in the service's --backup_dir)\n";
  return EXIT_SUCCESS;
}

int BackupOffline(const std::string& db_path, const std::string& backup_dir) {
  absl::StatusOr<std::unique_ptr<storage::Database>> db =
      storage::Database::OpenPrimary(db_path);
  if (!db.ok()) {
    std::cerr << "summitctl backup: --db: " << db.status().message()
              << "\n  (a running summit_ingest holds its database: back it up with "
                 "--ingest_addr instead, into the service's --backup_dir)\n";
    return kBackupCannotRun;
  }
  absl::StatusOr<storage::BackupInfo> info = (*db)->CreateBackup(backup_dir);
  if (!info.ok()) {
    std::cerr << "summitctl backup: " << info.status().message() << "\n";
    return kBackupCannotRun;
  }
  std::cout << Describe(*info) << " (in " << backup_dir << ")\n";
  return EXIT_SUCCESS;
}

int VerifyBackupDir(const std::string& backup_dir) {
  absl::StatusOr<std::vector<storage::BackupInfo>> backups =
      storage::ListBackups(backup_dir);
  if (!backups.ok()) {
    std::cerr << "summitctl backup --verify: " << backups.status().message() << "\n";
    return kBackupCannotRun;
  }
  const absl::Status verified = storage::VerifyBackups(backup_dir);
  for (const storage::BackupInfo& info : *backups) std::cout << Describe(info) << "\n";
  if (!verified.ok()) {
    std::cerr << "summitctl backup --verify: " << verified.message() << "\n";
    return absl::IsDataLoss(verified) ? kBackupFailedVerification : kBackupCannotRun;
  }
  std::cout << backup_dir << ": " << backups->size()
            << " backups, every file present with its checksum\n";
  return EXIT_SUCCESS;
}

int RestoreBackupDir(const std::string& backup_dir, uint32_t backup_id,
                     const std::string& db_path) {
  absl::StatusOr<storage::BackupInfo> info =
      storage::RestoreBackup(backup_dir, backup_id, db_path);
  if (!info.ok()) {
    std::cerr << "summitctl restore: " << info.status().message() << "\n";
    return kBackupCannotRun;
  }
  std::cout << "restored " << Describe(*info) << " into " << db_path << "\n";
  return EXIT_SUCCESS;
}

}  // namespace summit
