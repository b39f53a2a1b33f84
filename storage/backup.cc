#include "storage/backup.h"

#include <filesystem>
#include <memory>
#include <system_error>
#include <utility>
#include <vector>

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

// The engine of the existing backup directory `backup_dir` and its backups,
// oldest first; NOT_FOUND when there is no such directory or no backup in
// it (opening an engine would create the directory).
absl::StatusOr<std::pair<std::unique_ptr<rocksdb::BackupEngine>,
                         std::vector<rocksdb::BackupInfo>>>
OpenBackups(const std::string& backup_dir) {
  if (!std::filesystem::is_directory(backup_dir)) {
    return absl::NotFoundError(absl::StrCat("no backup directory ", backup_dir));
  }
  ASSIGN_OR_RETURN(std::unique_ptr<rocksdb::BackupEngine> engine,
                   OpenBackupEngine(backup_dir));
  std::vector<rocksdb::BackupInfo> infos;
  engine->GetBackupInfo(&infos);
  if (infos.empty()) return absl::NotFoundError(absl::StrCat("no backup in ", backup_dir));
  return std::make_pair(std::move(engine), std::move(infos));
}

}  // namespace

absl::StatusOr<std::vector<BackupInfo>> ListBackups(const std::string& backup_dir) {
  ASSIGN_OR_RETURN(auto opened, OpenBackups(backup_dir));
  std::vector<BackupInfo> backups;
  for (const rocksdb::BackupInfo& info : opened.second) backups.push_back(ToBackupInfo(info));
  return backups;
}

absl::Status VerifyBackups(const std::string& backup_dir) {
  ASSIGN_OR_RETURN(auto opened, OpenBackups(backup_dir));
  for (const rocksdb::BackupInfo& info : opened.second) {
    const rocksdb::Status verified =
        opened.first->VerifyBackup(info.backup_id, /*verify_with_checksum=*/true);
    if (!verified.ok()) {
      return absl::DataLossError(absl::StrCat("backup ", info.backup_id, " in ", backup_dir,
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
  ASSIGN_OR_RETURN(auto opened, OpenBackups(backup_dir));
  const rocksdb::BackupInfo* chosen = &opened.second.back();
  if (id != 0) {
    chosen = nullptr;
    for (const rocksdb::BackupInfo& info : opened.second) {
      if (info.backup_id == id) chosen = &info;
    }
    if (chosen == nullptr) {
      return absl::NotFoundError(absl::StrCat("no backup ", id, " in ", backup_dir));
    }
  }
  RETURN_IF_ERROR(FromRocks(opened.first->RestoreDBFromBackup(rocksdb::RestoreOptions(),
                                                              chosen->backup_id, db_path,
                                                              db_path),
                            absl::StrCat("restoring backup ", chosen->backup_id, " into ",
                                         db_path)));
  // A backup holds no IDENTITY file; opening the database once writes one
  // (followers read it) and checks the schema version.
  RETURN_IF_ERROR(Database::OpenPrimary(db_path).status());
  return ToBackupInfo(*chosen);
}

}  // namespace summit::storage
