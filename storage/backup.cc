#include "storage/backup.h"

#include <filesystem>
#include <memory>
#include <system_error>

#include "absl/strings/str_cat.h"
#include "common/status_macros.h"
#include "rocksdb/env.h"
#include "storage/backup_engine.h"
#include "storage/rocks_status.h"

namespace summit::storage {

absl::StatusOr<std::unique_ptr<rocksdb::BackupEngine>> OpenBackupEngine(
    const std::string& backup_dir) {
  rocksdb::BackupEngineOptions options(backup_dir);
  options.share_table_files = true;
  options.share_files_with_checksum = true;
  rocksdb::BackupEngine* engine = nullptr;
  RETURN_IF_ERROR(
      FromRocks(rocksdb::BackupEngine::Open(rocksdb::Env::Default(), options, &engine),
                absl::StrCat("opening backup directory ", backup_dir)));
  return std::unique_ptr<rocksdb::BackupEngine>(engine);
}

BackupInfo ToBackupInfo(const rocksdb::BackupInfo& info) {
  BackupInfo backup;
  backup.id = info.backup_id;
  backup.unix_seconds = info.timestamp;
  backup.size_bytes = info.size;
  backup.file_count = info.number_files;
  return backup;
}

namespace {

// The backups of `engine`, oldest first; NOT_FOUND naming `backup_dir` when
// there are none.
absl::StatusOr<std::vector<rocksdb::BackupInfo>> Backups(rocksdb::BackupEngine& engine,
                                                         const std::string& backup_dir) {
  std::vector<rocksdb::BackupInfo> infos;
  engine.GetBackupInfo(&infos);
  if (infos.empty()) return absl::NotFoundError(absl::StrCat("no backup in ", backup_dir));
  return infos;
}

}  // namespace

absl::StatusOr<std::vector<BackupInfo>> ListBackups(const std::string& backup_dir) {
  if (!std::filesystem::is_directory(backup_dir)) {
    return absl::NotFoundError(absl::StrCat("no backup directory ", backup_dir));
  }
  ASSIGN_OR_RETURN(std::unique_ptr<rocksdb::BackupEngine> engine,
                   OpenBackupEngine(backup_dir));
  ASSIGN_OR_RETURN(std::vector<rocksdb::BackupInfo> infos, Backups(*engine, backup_dir));
  std::vector<BackupInfo> backups;
  for (const rocksdb::BackupInfo& info : infos) backups.push_back(ToBackupInfo(info));
  return backups;
}

absl::Status VerifyBackups(const std::string& backup_dir) {
  ASSIGN_OR_RETURN(std::vector<BackupInfo> backups, ListBackups(backup_dir));
  ASSIGN_OR_RETURN(std::unique_ptr<rocksdb::BackupEngine> engine,
                   OpenBackupEngine(backup_dir));
  for (const BackupInfo& backup : backups) {
    const rocksdb::Status verified =
        engine->VerifyBackup(backup.id, /*verify_with_checksum=*/true);
    if (!verified.ok()) {
      return absl::DataLossError(absl::StrCat("backup ", backup.id, " in ", backup_dir,
                                              " is damaged: ", verified.ToString()));
    }
  }
  return absl::OkStatus();
}

absl::StatusOr<BackupInfo> RestoreBackup(const std::string& backup_dir, uint32_t id,
                                         const std::string& db_path) {
  std::error_code error;
  if (std::filesystem::exists(db_path, error) &&
      !std::filesystem::is_empty(db_path, error)) {
    return absl::FailedPreconditionError(
        absl::StrCat(db_path, " is not empty; restore into a new directory"));
  }
  ASSIGN_OR_RETURN(std::vector<BackupInfo> backups, ListBackups(backup_dir));
  const BackupInfo* chosen = &backups.back();
  if (id != 0) {
    chosen = nullptr;
    for (const BackupInfo& backup : backups) {
      if (backup.id == id) chosen = &backup;
    }
    if (chosen == nullptr) {
      return absl::NotFoundError(absl::StrCat("no backup ", id, " in ", backup_dir));
    }
  }
  ASSIGN_OR_RETURN(std::unique_ptr<rocksdb::BackupEngine> engine,
                   OpenBackupEngine(backup_dir));
  RETURN_IF_ERROR(FromRocks(
      engine->RestoreDBFromBackup(rocksdb::RestoreOptions(), chosen->id, db_path, db_path),
      absl::StrCat("restoring backup ", chosen->id, " into ", db_path)));
  // A backup holds no IDENTITY file; opening the database once writes one
  // (followers read it) and checks the schema version.
  RETURN_IF_ERROR(Database::OpenPrimary(db_path).status());
  return *chosen;
}

}  // namespace summit::storage
