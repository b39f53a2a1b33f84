// The RocksDB database both services share. summit_ingest opens it as the
// primary (the only writer); summit_query opens the same directory as a
// secondary instance that follows the primary (see follower.h). Nothing
// outside storage/ includes RocksDB, and no header here exposes it: the
// stores in this folder build on the typed primitives below, and only
// database.cc holds RocksDB types.
#ifndef SUMMIT_STORAGE_DATABASE_H_
#define SUMMIT_STORAGE_DATABASE_H_

#include <cstdint>
#include <memory>
#include <optional>
#include <string>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "absl/synchronization/mutex.h"
#include "storage/schema.h"

namespace summit::storage {

class Database;

// A forward iterator over [lower, upper) of one column family. Owns its
// bounds. Not thread-safe; one per scan.
class RangeIterator final {
 public:
  RangeIterator(const RangeIterator&) = delete;
  RangeIterator& operator=(const RangeIterator&) = delete;
  ~RangeIterator();

  bool Valid() const;
  void Next();
  void Prev();
  // Moves to the first key >= `target` (clamped to the range).
  void Seek(absl::string_view target);
  // Moves to the last key of the range; then Valid() tells if there is one.
  void SeekToLast();
  // The current entry; valid until the iterator moves.
  absl::string_view key() const;
  absl::string_view value() const;
  // The iterator's error, if it stopped on one.
  absl::Status status() const;

 private:
  friend class Database;
  // The RocksDB iterator and the bounds it reads (database.cc).
  struct Rep;
  explicit RangeIterator(std::unique_ptr<Rep> rep);

  std::unique_ptr<Rep> rep_;
};

// Puts and deletes across the column families of one database, which
// Database::Write applies atomically: all of them or none. `db` must outlive
// the batch. Not thread-safe.
class WriteBatch final {
 public:
  explicit WriteBatch(const Database& db);
  WriteBatch(const WriteBatch&) = delete;
  WriteBatch& operator=(const WriteBatch&) = delete;
  ~WriteBatch();

  // A later operation on the same key wins over an earlier one.
  void Put(ColumnFamily family, absl::string_view key, absl::string_view value);
  void Delete(ColumnFamily family, absl::string_view key);

 private:
  friend class Database;
  // The RocksDB batch (database.cc).
  struct Rep;

  const Database& db_;
  std::unique_ptr<Rep> rep_;
};

// One backup in a backup directory (storage/backup.h).
struct BackupInfo {
  uint32_t id = 0;            // 1, 2, ... in the order taken.
  int64_t unix_seconds = 0;   // When it was taken.
  uint64_t size_bytes = 0;    // Its files, shared ones included.
  uint32_t file_count = 0;
};

// Which MANIFEST a primary's CURRENT names, and the file's inode.
struct PrimaryManifest {
  uint64_t number = 0;
  uint64_t inode = 0;
};

class Database final {
 public:
  // Opens or creates the database at `path` as the primary, creating any
  // missing column family and recording kSchemaVersion in a new database.
  // FAILED_PRECONDITION when the stored schema version is not this build's;
  // the RocksDB error when the directory is locked by another primary or
  // unreadable.
  static absl::StatusOr<std::unique_ptr<Database>> OpenPrimary(const std::string& path);

  // Opens the database at `primary_path` as a secondary instance keeping its
  // own files in `secondary_path` (created if missing). Opens the column
  // families the primary has; missing ones read as empty until a reopen
  // (HasAllFamilies() tells). NOT_FOUND when no database exists at
  // `primary_path` yet; FAILED_PRECONDITION on a schema version mismatch.
  static absl::StatusOr<std::unique_ptr<Database>> OpenSecondary(
      const std::string& primary_path, const std::string& secondary_path);

  Database(const Database&) = delete;
  Database& operator=(const Database&) = delete;
  ~Database();

  bool is_secondary() const { return secondary_; }
  const std::string& path() const { return path_; }
  // False while a family of kColumnFamilies was missing at open.
  bool HasAllFamilies() const;
  // Secondary only: whether the primary now has a family of kColumnFamilies
  // that was missing at open, so that a reopen would see it. Reads the
  // primary's MANIFEST; cheap and false when all families are open.
  absl::StatusOr<bool> PrimaryHasMissingFamilies() const;

  // Secondary only: whether the directory at path() now holds another
  // database than the one this instance follows — another IDENTITY, or a
  // CURRENT naming an older MANIFEST, or the same MANIFEST name on another
  // file (a backup restored over it). Catching up with a replaced database
  // aborts inside RocksDB, so callers reopen instead. A missing IDENTITY or
  // CURRENT (a replacement half done) counts as replaced. Thread-safe.
  absl::StatusOr<bool> PrimaryReplaced() const;

  // Reads one value; nullopt when the key is absent. Thread-safe.
  absl::StatusOr<std::optional<std::string>> Get(ColumnFamily family,
                                                 absl::string_view key) const;

  // Iterates the keys of `family` in [lower, upper); an empty `upper` means
  // no upper bound. Only keys in the range are touched. Thread-safe; the
  // iterator sees a consistent snapshot of the database.
  std::unique_ptr<RangeIterator> Scan(ColumnFamily family, std::string lower,
                                      std::string upper) const;

  // Applies `batch`, which was built for this database, atomically. With
  // `sync` the WAL is fsynced before returning, so the write survives an OS
  // crash or power loss; without it the write is in the OS page cache and
  // survives a crash of this process (kill -9) only. UNIMPLEMENTED on a
  // secondary. Thread-safe.
  absl::Status Write(WriteBatch& batch, bool sync);

  // Secondary only: replays the primary's new writes. Thread-safe; reads in
  // other threads go on meanwhile.
  absl::Status CatchUp();

  // RocksDB's integer property `name` ("rocksdb.estimate-live-data-size"),
  // summed over the open column families; those of the block cache they
  // share ("rocksdb.block-cache-*") read once. nullopt when RocksDB has no
  // such property, or when its value is not an integer. Thread-safe; for
  // metrics.
  std::optional<uint64_t> IntProperty(const std::string& name) const;

  // Primary only: adds a backup of the database to the RocksDB backup
  // directory `backup_dir` (created if missing). Incremental: table files an
  // earlier backup there holds are shared, not copied again; every file is
  // recorded with its checksum (see VerifyBackups). Flushes the memtables
  // first, so the backup holds every write acknowledged before the call;
  // writes go on meanwhile. Backups of one database are serialized.
  // UNIMPLEMENTED on a secondary. Thread-safe.
  absl::StatusOr<BackupInfo> CreateBackup(const std::string& backup_dir)
      ABSL_LOCKS_EXCLUDED(backup_mu_);

  // Primary only: compacts every column family (for operators and tests).
  absl::Status CompactAll();

 private:
  friend class WriteBatch;
  // The RocksDB instance and its column family handles (database.cc).
  struct Rocks;

  Database(std::string path, bool secondary);
  // Opens the RocksDB instance: a primary creating what is missing, or a
  // secondary keeping its files in `secondary_path`.
  absl::Status OpenFamilies(const std::string& secondary_path);
  absl::Status CheckSchemaVersion();
  // Secondary only: records what PrimaryReplaced compares against.
  absl::Status RecordPrimaryOrigin();

  const std::string path_;
  const bool secondary_;
  const std::unique_ptr<Rocks> rocks_;
  // Secondary only: the primary's identity at open, and the MANIFEST it last
  // named (number and inode).
  std::string identity_;
  mutable absl::Mutex manifest_mu_;
  mutable PrimaryManifest manifest_ ABSL_GUARDED_BY(manifest_mu_);
  // Serializes CreateBackup: a backup directory takes one writer at a time.
  absl::Mutex backup_mu_;
};

}  // namespace summit::storage

#endif  // SUMMIT_STORAGE_DATABASE_H_
