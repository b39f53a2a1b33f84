// summitctl backup and restore (RocksDB backups, see storage/backup.h).
#ifndef SUMMIT_TOOLS_BACKUP_COMMANDS_H_
#define SUMMIT_TOOLS_BACKUP_COMMANDS_H_

#include <cstdint>
#include <string>

#include "tools/loaders.h"

namespace summit {

// Exit codes: 0 done; 1 the backup directory failed verification; 2 the
// command could not run (bad flags, an unreadable directory, a failed call).

// Takes a backup through the running summit_ingest at
// `options.ingest_addr` (AdminService.CreateBackup, into its --backup_dir).
int BackupThroughService(const LoadOptions& options);

// Takes a backup of the database at `db_path` into `backup_dir` directly,
// when no summit_ingest holds it.
int BackupOffline(const std::string& db_path, const std::string& backup_dir);

// Verifies every backup of `backup_dir` against its checksums and lists
// them.
int VerifyBackupDir(const std::string& backup_dir);

// Restores backup `backup_id` (0: the latest) of `backup_dir` into the new
// directory `db_path`.
int RestoreBackupDir(const std::string& backup_dir, uint32_t backup_id,
                     const std::string& db_path);

}  // namespace summit

#endif  // SUMMIT_TOOLS_BACKUP_COMMANDS_H_
