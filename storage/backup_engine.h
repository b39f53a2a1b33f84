// RocksDB's BackupEngine for the storage files that take, list, verify and
// restore backups (database.cc, backup.cc); RocksDB types stay inside
// storage/.
#ifndef SUMMIT_STORAGE_BACKUP_ENGINE_H_
#define SUMMIT_STORAGE_BACKUP_ENGINE_H_

#include <memory>
#include <string>

#include "absl/status/statusor.h"
#include "rocksdb/utilities/backup_engine.h"
#include "storage/database.h"

namespace summit::storage {

// The backup engine of `backup_dir`, created if missing, recording each
// file's checksum and sharing table files between backups.
absl::StatusOr<std::unique_ptr<rocksdb::BackupEngine>> OpenBackupEngine(
    const std::string& backup_dir);

BackupInfo ToBackupInfo(const rocksdb::BackupInfo& info);

}  // namespace summit::storage

#endif  // SUMMIT_STORAGE_BACKUP_ENGINE_H_
