#include "storage/database.h"

#include <sys/stat.h>

#include <algorithm>
#include <filesystem>
#include <utility>

#include "absl/strings/ascii.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/strip.h"
#include "common/file_util.h"
#include "rocksdb/options.h"
#include "storage/key_codec.h"

namespace summit::storage {

absl::Status FromRocks(const rocksdb::Status& status, absl::string_view what) {
  if (status.ok()) return absl::OkStatus();
  const std::string message = absl::StrCat(what, ": ", status.ToString());
  if (status.IsNotFound()) return absl::NotFoundError(message);
  if (status.IsIOError()) return absl::UnavailableError(message);
  if (status.IsCorruption()) return absl::DataLossError(message);
  if (status.IsInvalidArgument()) return absl::InvalidArgumentError(message);
  if (status.IsNotSupported()) return absl::UnimplementedError(message);
  // Transient: a retry may succeed.
  if (status.IsBusy() || status.IsTryAgain() || status.IsTimedOut()) {
    return absl::UnavailableError(message);
  }
  return absl::InternalError(message);
}

RangeIterator::RangeIterator(std::string lower, std::string upper)
    : lower_(std::move(lower)),
      upper_(std::move(upper)),
      lower_slice_(lower_),
      upper_slice_(upper_) {}

void RangeIterator::Seek(absl::string_view target) {
  const absl::string_view clamped = std::max(target, absl::string_view(lower_));
  it_->Seek(rocksdb::Slice(clamped.data(), clamped.size()));
}

absl::string_view RangeIterator::key() const {
  rocksdb::Slice key = it_->key();
  return absl::string_view(key.data(), key.size());
}

absl::string_view RangeIterator::value() const {
  rocksdb::Slice value = it_->value();
  return absl::string_view(value.data(), value.size());
}

absl::Status RangeIterator::status() const { return FromRocks(it_->status(), "scan"); }

Database::~Database() {
  for (rocksdb::ColumnFamilyHandle* h : opened_) db_->DestroyColumnFamilyHandle(h);
  if (db_ != nullptr) db_->Close();
}

absl::Status Database::OpenFamilies(const rocksdb::DBOptions& options,
                                    const std::string& secondary_path) {
  // A secondary opens the families the primary has; a primary creates all.
  std::vector<std::string> existing;
  if (secondary_) {
    if (absl::Status status =
            FromRocks(rocksdb::DB::ListColumnFamilies(options, path_, &existing),
                      absl::StrCat("listing column families of ", path_));
        !status.ok()) {
      return status;
    }
  }
  std::vector<rocksdb::ColumnFamilyDescriptor> descriptors;
  std::vector<int> positions;
  for (size_t i = 0; i < kColumnFamilies.size(); ++i) {
    const std::string name(kColumnFamilies[i]);
    if (secondary_ &&
        std::find(existing.begin(), existing.end(), name) == existing.end()) {
      continue;
    }
    descriptors.emplace_back(name, rocksdb::ColumnFamilyOptions());
    positions.push_back(static_cast<int>(i));
  }
  rocksdb::DB* raw = nullptr;
  rocksdb::Status status =
      secondary_ ? rocksdb::DB::OpenAsSecondary(options, path_, secondary_path,
                                                descriptors, &opened_, &raw)
                 : rocksdb::DB::Open(options, path_, descriptors, &opened_, &raw);
  if (!status.ok()) {
    return FromRocks(status, absl::StrCat("opening database ", path_,
                                          secondary_ ? " as secondary" : ""));
  }
  db_.reset(raw);
  handles_.assign(kColumnFamilies.size(), nullptr);
  for (size_t i = 0; i < positions.size(); ++i) handles_[positions[i]] = opened_[i];
  return absl::OkStatus();
}

absl::StatusOr<std::unique_ptr<Database>> Database::OpenPrimary(const std::string& path) {
  rocksdb::DBOptions options;
  options.create_if_missing = true;
  options.create_missing_column_families = true;
  options.IncreaseParallelism(2);
  std::unique_ptr<Database> db(new Database(path, /*secondary=*/false));
  if (absl::Status status = db->OpenFamilies(options, ""); !status.ok()) return status;
  if (absl::Status status = db->CheckSchemaVersion(); !status.ok()) return status;
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
  rocksdb::DBOptions options;
  options.max_open_files = -1;  // Required of secondary instances.
  // Every catch-up loads the table files of each family; more than one
  // opening thread means creating and joining threads 13 times per catch-up,
  // which made an idle follower burn a third of a core.
  options.max_file_opening_threads = 1;
  std::unique_ptr<Database> db(new Database(primary_path, /*secondary=*/true));
  // Before opening: a replacement after this is seen by PrimaryReplaced.
  if (absl::Status status = db->RecordPrimaryOrigin(); !status.ok()) return status;
  if (absl::Status status = db->OpenFamilies(options, secondary_path); !status.ok()) {
    return status;
  }
  if (absl::Status status = db->CheckSchemaVersion(); !status.ok()) return status;
  return db;
}

namespace {

// What the primary at `path` names as its MANIFEST in CURRENT.
absl::StatusOr<PrimaryManifest> ReadPrimaryManifest(const std::string& path) {
  const std::filesystem::path dir(path);
  absl::StatusOr<std::string> current = ReadFileToString((dir / "CURRENT").string());
  if (!current.ok()) return current.status();
  const absl::string_view file = absl::StripAsciiWhitespace(*current);
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
  absl::StatusOr<std::string> identity =
      ReadFileToString((std::filesystem::path(path) / "IDENTITY").string());
  if (!identity.ok()) return identity.status();
  return std::string(absl::StripAsciiWhitespace(*identity));
}

}  // namespace

absl::Status Database::RecordPrimaryOrigin() {
  absl::StatusOr<std::string> identity = ReadIdentity(path_);
  if (!identity.ok()) return identity.status();
  identity_ = *std::move(identity);
  absl::StatusOr<PrimaryManifest> manifest = ReadPrimaryManifest(path_);
  if (!manifest.ok()) return manifest.status();
  absl::MutexLock lock(&manifest_mu_);
  manifest_ = *manifest;
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
  return std::find(handles_.begin(), handles_.end(), nullptr) == handles_.end();
}

absl::StatusOr<bool> Database::PrimaryHasMissingFamilies() const {
  if (HasAllFamilies()) return false;
  std::vector<std::string> existing;
  if (absl::Status status = FromRocks(
          rocksdb::DB::ListColumnFamilies(rocksdb::DBOptions(), path_, &existing),
          absl::StrCat("listing column families of ", path_));
      !status.ok()) {
    return status;
  }
  for (size_t i = 0; i < kColumnFamilies.size(); ++i) {
    if (handles_[i] == nullptr &&
        std::find(existing.begin(), existing.end(), std::string(kColumnFamilies[i])) !=
            existing.end()) {
      return true;
    }
  }
  return false;
}

absl::StatusOr<std::optional<std::string>> Database::Get(ColumnFamily family,
                                                         absl::string_view key) const {
  rocksdb::ColumnFamilyHandle* h = handle(family);
  if (h == nullptr) return std::nullopt;
  std::string value;
  rocksdb::Status status =
      db_->Get(rocksdb::ReadOptions(), h, rocksdb::Slice(key.data(), key.size()), &value);
  if (status.IsNotFound()) return std::nullopt;
  if (!status.ok()) return FromRocks(status, "get");
  return value;
}

std::unique_ptr<RangeIterator> Database::Scan(ColumnFamily family, std::string lower,
                                              std::string upper) const {
  std::unique_ptr<RangeIterator> it(
      new RangeIterator(std::move(lower), std::move(upper)));
  rocksdb::ColumnFamilyHandle* h = handle(family);
  if (h == nullptr) {
    it->it_.reset(rocksdb::NewEmptyIterator());
    return it;
  }
  rocksdb::ReadOptions options;
  options.iterate_lower_bound = &it->lower_slice_;
  if (!it->upper_.empty()) options.iterate_upper_bound = &it->upper_slice_;
  it->it_.reset(db_->NewIterator(options, h));
  it->it_->Seek(it->lower_);
  return it;
}

absl::Status Database::Write(rocksdb::WriteBatch& batch, bool sync) {
  if (secondary_)
    return absl::UnimplementedError("write: database is a read-only secondary");
  rocksdb::WriteOptions options;
  options.sync = sync;
  return FromRocks(db_->Write(options, &batch), "write");
}

absl::Status Database::CatchUp() {
  return FromRocks(db_->TryCatchUpWithPrimary(), "catching up with primary");
}

absl::Status Database::CompactAll() {
  for (rocksdb::ColumnFamilyHandle* h : opened_) {
    if (absl::Status status = FromRocks(
            db_->CompactRange(rocksdb::CompactRangeOptions(), h, nullptr, nullptr),
            "compaction");
        !status.ok()) {
      return status;
    }
  }
  return absl::OkStatus();
}

absl::Status Database::CheckSchemaVersion() {
  absl::StatusOr<std::optional<std::string>> stored =
      Get(ColumnFamily::kMeta, kSchemaVersionKey);
  if (!stored.ok()) return stored.status();
  if (!stored->has_value()) {
    if (secondary_) {
      return absl::FailedPreconditionError(absl::StrCat(
          path_, ": no schema version recorded yet; start summit_ingest first"));
    }
    rocksdb::WriteBatch batch;
    batch.Put(handle(ColumnFamily::kMeta), std::string(kSchemaVersionKey),
              KeyWriter().Uint32(kSchemaVersion).Release());
    // Synced: the version must be durable before any record written under it.
    return Write(batch, /*sync=*/true);
  }
  KeyReader reader(**stored);
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
