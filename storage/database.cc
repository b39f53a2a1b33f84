#include "storage/database.h"

#include <sys/stat.h>

#include <algorithm>
#include <filesystem>
#include <utility>
#include <vector>

#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/strip.h"
#include "common/file_util.h"
#include "common/status_macros.h"
#include "rocksdb/cache.h"
#include "rocksdb/db.h"
#include "rocksdb/filter_policy.h"
#include "rocksdb/iterator.h"
#include "rocksdb/options.h"
#include "rocksdb/table.h"
#include "rocksdb/utilities/backup_engine.h"
#include "rocksdb/write_batch.h"
#include "storage/backup_engine.h"
#include "storage/key_codec.h"
#include "storage/rocks_status.h"

namespace summit::storage {

using common::ReadFileToString;

namespace {

rocksdb::Slice ToSlice(absl::string_view bytes) {
  return rocksdb::Slice(bytes.data(), bytes.size());
}

absl::string_view FromSlice(const rocksdb::Slice& slice) {
  return absl::string_view(slice.data(), slice.size());
}

}  // namespace

struct RangeIterator::Rep {
  Rep(std::string lower, std::string upper)
      : lower(std::move(lower)),
        upper(std::move(upper)),
        lower_slice(this->lower),
        upper_slice(this->upper) {}

  const std::string lower;
  const std::string upper;
  // The iterator's bounds, pointing into `lower` and `upper`.
  const rocksdb::Slice lower_slice;
  const rocksdb::Slice upper_slice;
  std::unique_ptr<rocksdb::Iterator> it;
};

RangeIterator::RangeIterator(std::unique_ptr<Rep> rep) : rep_(std::move(rep)) {}

RangeIterator::~RangeIterator() = default;

bool RangeIterator::Valid() const { return rep_->it->Valid(); }

void RangeIterator::Next() { rep_->it->Next(); }

void RangeIterator::Prev() { rep_->it->Prev(); }

void RangeIterator::Seek(absl::string_view target) {
  rep_->it->Seek(ToSlice(std::max(target, absl::string_view(rep_->lower))));
}

void RangeIterator::SeekToLast() { rep_->it->SeekToLast(); }

absl::string_view RangeIterator::key() const { return FromSlice(rep_->it->key()); }

absl::string_view RangeIterator::value() const { return FromSlice(rep_->it->value()); }

absl::Status RangeIterator::status() const {
  return FromRocks(rep_->it->status(), "scan");
}

namespace {

// One block cache for every family of an instance. RocksDB's default is an
// 8 MiB cache per family, which the trade roll-ups of one large country
// pair alone fill; 128 MiB keeps the hot roll-ups, indexes and summits of
// a Comtrade-sized database well inside a 1 GiB container.
constexpr size_t kBlockCacheBytes = size_t{128} << 20;

// Options of every family: the shared cache, and Bloom filters, so that a
// point read of an absent key (the roll-up of a code not yet stored, an
// unknown summit) skips the table files instead of reading a block of each.
rocksdb::ColumnFamilyOptions FamilyOptions(const std::shared_ptr<rocksdb::Cache>& cache) {
  rocksdb::BlockBasedTableOptions table;
  table.block_cache = cache;
  table.filter_policy.reset(rocksdb::NewBloomFilterPolicy(10));
  rocksdb::ColumnFamilyOptions options;
  options.table_factory.reset(rocksdb::NewBlockBasedTableFactory(table));
  return options;
}

}  // namespace

struct Database::Rocks {
  ~Rocks() {
    for (rocksdb::ColumnFamilyHandle* h : opened) db->DestroyColumnFamilyHandle(h);
    if (db != nullptr) db->Close();
  }

  // The handle of `family`; nullptr when the family was missing at open
  // (secondary only).
  rocksdb::ColumnFamilyHandle* handle(ColumnFamily family) const {
    return handles[static_cast<int>(family)];
  }

  std::shared_ptr<rocksdb::Cache> block_cache = rocksdb::NewLRUCache(kBlockCacheBytes);
  std::unique_ptr<rocksdb::DB> db;
  // Indexed by ColumnFamily; nullptr for a family missing at open.
  std::vector<rocksdb::ColumnFamilyHandle*> handles;
  // Every handle opened, for destruction.
  std::vector<rocksdb::ColumnFamilyHandle*> opened;
};

struct WriteBatch::Rep {
  rocksdb::WriteBatch batch;
};

WriteBatch::WriteBatch(const Database& db) : db_(db), rep_(std::make_unique<Rep>()) {}

WriteBatch::~WriteBatch() = default;

void WriteBatch::Put(ColumnFamily family, absl::string_view key,
                     absl::string_view value) {
  rep_->batch.Put(db_.rocks_->handle(family), ToSlice(key), ToSlice(value));
}

void WriteBatch::Delete(ColumnFamily family, absl::string_view key) {
  rep_->batch.Delete(db_.rocks_->handle(family), ToSlice(key));
}

Database::Database(std::string path, bool secondary)
    : path_(std::move(path)), secondary_(secondary), rocks_(std::make_unique<Rocks>()) {}

Database::~Database() = default;

absl::Status Database::OpenFamilies(const std::string& secondary_path) {
  rocksdb::DBOptions options;
  if (secondary_) {
    options.max_open_files = -1;  // Required of secondary instances.
    // Every catch-up loads the table files of each family; more than one
    // opening thread means creating and joining threads 13 times per
    // catch-up, which made an idle follower burn a third of a core.
    options.max_file_opening_threads = 1;
  } else {
    options.create_if_missing = true;
    options.create_missing_column_families = true;
    options.IncreaseParallelism(2);
  }
  // A secondary opens the families the primary has; a primary creates all.
  std::vector<std::string> existing;
  if (secondary_) {
    RETURN_IF_ERROR(FromRocks(rocksdb::DB::ListColumnFamilies(options, path_, &existing),
                              absl::StrCat("listing column families of ", path_)));
  }
  std::vector<rocksdb::ColumnFamilyDescriptor> descriptors;
  std::vector<int> positions;
  for (size_t i = 0; i < kColumnFamilies.size(); ++i) {
    const std::string name(kColumnFamilies[i]);
    if (secondary_ &&
        std::find(existing.begin(), existing.end(), name) == existing.end()) {
      continue;
    }
    descriptors.emplace_back(name, FamilyOptions(rocks_->block_cache));
    positions.push_back(static_cast<int>(i));
  }
  rocksdb::DB* raw = nullptr;
  rocksdb::Status status =
      secondary_ ? rocksdb::DB::OpenAsSecondary(options, path_, secondary_path,
                                                descriptors, &rocks_->opened, &raw)
                 : rocksdb::DB::Open(options, path_, descriptors, &rocks_->opened, &raw);
  if (!status.ok()) {
    return FromRocks(status, absl::StrCat("opening database ", path_,
                                          secondary_ ? " as secondary" : ""));
  }
  rocks_->db.reset(raw);
  rocks_->handles.assign(kColumnFamilies.size(), nullptr);
  for (size_t i = 0; i < positions.size(); ++i) {
    rocks_->handles[positions[i]] = rocks_->opened[i];
  }
  return absl::OkStatus();
}

absl::StatusOr<std::unique_ptr<Database>> Database::OpenPrimary(const std::string& path) {
  std::unique_ptr<Database> db(new Database(path, /*secondary=*/false));
  RETURN_IF_ERROR(db->OpenFamilies(""));
  RETURN_IF_ERROR(db->CheckSchemaVersion());
  return db;
}

absl::StatusOr<std::unique_ptr<Database>> Database::OpenSecondary(
    const std::string& primary_path, const std::string& secondary_path) {
  if (!std::filesystem::exists(std::filesystem::path(primary_path) / "CURRENT")) {
    return absl::NotFoundError(absl::StrCat("no database at ", primary_path,
                                            " (has summit_ingest created it?)"));
  }
  std::error_code error;
  std::filesystem::create_directories(secondary_path, error);
  std::unique_ptr<Database> db(new Database(primary_path, /*secondary=*/true));
  // Before opening: a replacement after this is seen by PrimaryReplaced.
  RETURN_IF_ERROR(db->RecordPrimaryOrigin());
  RETURN_IF_ERROR(db->OpenFamilies(secondary_path));
  RETURN_IF_ERROR(db->CheckSchemaVersion());
  return db;
}

namespace {

// What the primary at `path` names as its MANIFEST in CURRENT.
absl::StatusOr<PrimaryManifest> ReadPrimaryManifest(const std::string& path) {
  const std::filesystem::path dir(path);
  ASSIGN_OR_RETURN(std::string current, ReadFileToString((dir / "CURRENT").string()));
  const absl::string_view file = absl::StripAsciiWhitespace(current);
  absl::string_view name = file;
  PrimaryManifest manifest;
  if (!absl::ConsumePrefix(&name, "MANIFEST-") ||
      !absl::SimpleAtoi(name, &manifest.number)) {
    return absl::DataLossError(absl::StrCat(path, "/CURRENT names no MANIFEST"));
  }
  struct stat info;
  if (stat((dir / std::string(file)).c_str(), &info) != 0) {
    return absl::UnavailableError(absl::StrCat(path, ": ", file, " is missing"));
  }
  manifest.inode = info.st_ino;
  return manifest;
}

// The unique id RocksDB keeps in the IDENTITY file of the database at `path`.
absl::StatusOr<std::string> ReadIdentity(const std::string& path) {
  ASSIGN_OR_RETURN(std::string identity,
                   ReadFileToString((std::filesystem::path(path) / "IDENTITY").string()));
  return std::string(absl::StripAsciiWhitespace(identity));
}

}  // namespace

absl::Status Database::RecordPrimaryOrigin() {
  ASSIGN_OR_RETURN(std::string identity, ReadIdentity(path_));
  identity_ = std::move(identity);
  ASSIGN_OR_RETURN(PrimaryManifest manifest, ReadPrimaryManifest(path_));
  absl::MutexLock lock(&manifest_mu_);
  manifest_ = manifest;
  return absl::OkStatus();
}

absl::StatusOr<bool> Database::PrimaryReplaced() const {
  absl::StatusOr<std::string> identity = ReadIdentity(path_);
  if (!identity.ok() || *identity != identity_) return true;
  absl::StatusOr<PrimaryManifest> manifest = ReadPrimaryManifest(path_);
  if (!manifest.ok()) return true;
  absl::MutexLock lock(&manifest_mu_);
  if (manifest->number < manifest_.number ||
      (manifest->number == manifest_.number && manifest->inode != manifest_.inode)) {
    return true;
  }
  manifest_ = *manifest;
  return false;
}

bool Database::HasAllFamilies() const {
  const std::vector<rocksdb::ColumnFamilyHandle*>& handles = rocks_->handles;
  return std::find(handles.begin(), handles.end(), nullptr) == handles.end();
}

absl::StatusOr<bool> Database::PrimaryHasMissingFamilies() const {
  if (HasAllFamilies()) return false;
  std::vector<std::string> existing;
  RETURN_IF_ERROR(
      FromRocks(rocksdb::DB::ListColumnFamilies(rocksdb::DBOptions(), path_, &existing),
                absl::StrCat("listing column families of ", path_)));
  for (size_t i = 0; i < kColumnFamilies.size(); ++i) {
    if (rocks_->handles[i] == nullptr &&
        std::find(existing.begin(), existing.end(), std::string(kColumnFamilies[i])) !=
            existing.end()) {
      return true;
    }
  }
  return false;
}

absl::StatusOr<std::optional<std::string>> Database::Get(ColumnFamily family,
                                                         absl::string_view key) const {
  rocksdb::ColumnFamilyHandle* h = rocks_->handle(family);
  if (h == nullptr) return std::nullopt;
  std::string value;
  rocksdb::Status status =
      rocks_->db->Get(rocksdb::ReadOptions(), h, ToSlice(key), &value);
  if (status.IsNotFound()) return std::nullopt;
  if (!status.ok()) return FromRocks(status, "get");
  return value;
}

std::unique_ptr<RangeIterator> Database::Scan(ColumnFamily family, std::string lower,
                                              std::string upper) const {
  auto rep = std::make_unique<RangeIterator::Rep>(std::move(lower), std::move(upper));
  rocksdb::ColumnFamilyHandle* h = rocks_->handle(family);
  if (h == nullptr) {
    rep->it.reset(rocksdb::NewEmptyIterator());
    return std::unique_ptr<RangeIterator>(new RangeIterator(std::move(rep)));
  }
  rocksdb::ReadOptions options;
  options.iterate_lower_bound = &rep->lower_slice;
  if (!rep->upper.empty()) options.iterate_upper_bound = &rep->upper_slice;
  rep->it.reset(rocks_->db->NewIterator(options, h));
  rep->it->Seek(rep->lower);
  return std::unique_ptr<RangeIterator>(new RangeIterator(std::move(rep)));
}

absl::Status Database::Write(WriteBatch& batch, bool sync) {
  if (secondary_)
    return absl::UnimplementedError("write: database is a read-only secondary");
  rocksdb::WriteOptions options;
  options.sync = sync;
  return FromRocks(rocks_->db->Write(options, &batch.rep_->batch), "write");
}

absl::Status Database::CatchUp() {
  return FromRocks(rocks_->db->TryCatchUpWithPrimary(), "catching up with primary");
}

std::optional<uint64_t> Database::IntProperty(const std::string& name) const {
  const bool shared = absl::StartsWith(name, "rocksdb.block-cache-");
  uint64_t sum = 0;
  for (rocksdb::ColumnFamilyHandle* h : rocks_->opened) {
    uint64_t value = 0;
    std::string text;
    // Some counts ("rocksdb.num-files-at-level<N>") are string properties.
    if (!rocks_->db->GetIntProperty(h, name, &value) &&
        !(rocks_->db->GetProperty(h, name, &text) && absl::SimpleAtoi(text, &value))) {
      return std::nullopt;
    }
    sum += value;
    if (shared) break;
  }
  return sum;
}

absl::StatusOr<BackupInfo> Database::CreateBackup(const std::string& backup_dir) {
  if (secondary_) {
    return absl::UnimplementedError("backup: take it from the primary (summit_ingest)");
  }
  absl::MutexLock lock(&backup_mu_);
  ASSIGN_OR_RETURN(std::unique_ptr<rocksdb::BackupEngine> engine,
                   OpenBackupEngine(backup_dir));
  rocksdb::CreateBackupOptions options;
  // The memtables go to table files first, so the backup needs no WAL.
  options.flush_before_backup = true;
  rocksdb::BackupID id = 0;
  RETURN_IF_ERROR(FromRocks(engine->CreateNewBackup(options, rocks_->db.get(), &id),
                            absl::StrCat("backing up into ", backup_dir)));
  rocksdb::BackupInfo info;
  RETURN_IF_ERROR(FromRocks(engine->GetBackupInfo(id, &info), "reading the new backup"));
  return ToBackupInfo(info);
}

absl::Status Database::CompactAll() {
  for (rocksdb::ColumnFamilyHandle* h : rocks_->opened) {
    RETURN_IF_ERROR(FromRocks(
        rocks_->db->CompactRange(rocksdb::CompactRangeOptions(), h, nullptr, nullptr),
        "compaction"));
  }
  return absl::OkStatus();
}

absl::Status Database::CheckSchemaVersion() {
  ASSIGN_OR_RETURN(std::optional<std::string> stored,
                   Get(ColumnFamily::kMeta, kSchemaVersionKey));
  if (!stored.has_value()) {
    if (secondary_) {
      return absl::FailedPreconditionError(absl::StrCat(
          path_, ": no schema version recorded yet; start summit_ingest first"));
    }
    WriteBatch batch(*this);
    batch.Put(ColumnFamily::kMeta, kSchemaVersionKey,
              KeyWriter().Uint32(kSchemaVersion).Release());
    // Synced: the version must be durable before any record written under it.
    return Write(batch, /*sync=*/true);
  }
  KeyReader reader(*stored);
  absl::StatusOr<uint32_t> version = reader.Uint32();
  if (!version.ok() || !reader.ExpectEnd().ok()) {
    return absl::DataLossError(absl::StrCat(path_, ": unreadable schema version"));
  }
  if (*version > kSchemaVersion) {
    return absl::FailedPreconditionError(absl::StrCat(
        path_, ": database has schema version ", *version, ", newer than this build's ",
        kSchemaVersion, "; run the summit release that wrote it, or a newer one"));
  }
  if (*version < kSchemaVersion) {
    return absl::FailedPreconditionError(absl::StrCat(
        path_, ": database has schema version ", *version, ", older than this build's ",
        kSchemaVersion, " and no migration exists; reload the data into a new database"));
  }
  return absl::OkStatus();
}

}  // namespace summit::storage
