// Backups of a database, with RocksDB's BackupEngine: a backup directory
// holds numbered backups that share their table files (each new one copies
// only the files the earlier ones lack), every file with its checksum.
// Database::CreateBackup takes one from the live primary; these functions
// read a backup directory without a database open.
#ifndef SUMMIT_STORAGE_BACKUP_H_
#define SUMMIT_STORAGE_BACKUP_H_

#include <cstdint>
#include <string>
#include <vector>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "storage/database.h"

namespace summit::storage {

// The backups in `backup_dir`, oldest first; NOT_FOUND when it holds none.
absl::StatusOr<std::vector<BackupInfo>> ListBackups(const std::string& backup_dir);

// Checks every backup in `backup_dir`: each file present, of its recorded
// size and checksum. DATA_LOSS naming the first backup that fails, with
// RocksDB's reason; NOT_FOUND when there is no backup. Reads every file.
absl::Status VerifyBackups(const std::string& backup_dir);

// Restores backup `id` of `backup_dir` (0: the latest) into `db_path`,
// which must not exist or be an empty directory (FAILED_PRECONDITION
// otherwise: a restore never overwrites a database). The files are
// checked against their checksums as they are copied; the restored
// database is then opened once, which checks its schema version and gives
// it the IDENTITY file a backup leaves out. Returns the backup restored.
absl::StatusOr<BackupInfo> RestoreBackup(const std::string& backup_dir, uint32_t id,
                                         const std::string& db_path);

}  // namespace summit::storage

#endif  // SUMMIT_STORAGE_BACKUP_H_
