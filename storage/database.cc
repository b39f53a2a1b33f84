#include "storage/database.h"

#include <filesystem>
#include <utility>

#include "absl/strings/str_cat.h"
#include "rocksdb/options.h"

namespace summit::storage {
namespace {

absl::Status FromRocks(const rocksdb::Status& status, absl::string_view what) {
  if (status.ok()) return absl::OkStatus();
  const std::string message = absl::StrCat(what, ": ", status.ToString());
  if (status.IsNotFound()) return absl::NotFoundError(message);
  if (status.IsIOError()) return absl::UnavailableError(message);
  if (status.IsCorruption()) return absl::DataLossError(message);
  if (status.IsInvalidArgument()) return absl::InvalidArgumentError(message);
  return absl::InternalError(message);
}

std::vector<rocksdb::ColumnFamilyDescriptor> Descriptors() {
  std::vector<rocksdb::ColumnFamilyDescriptor> descriptors;
  for (std::string_view name : kColumnFamilies) {
    descriptors.emplace_back(std::string(name), rocksdb::ColumnFamilyOptions());
  }
  return descriptors;
}

std::string EncodeVersion(uint32_t version) {
  std::string out(4, '\0');
  for (int i = 0; i < 4; ++i) out[i] = static_cast<char>(version >> (24 - 8 * i));
  return out;
}

}  // namespace

Database::Database(std::unique_ptr<rocksdb::DB> db,
                   std::vector<rocksdb::ColumnFamilyHandle*> handles,
                   bool secondary)
    : db_(std::move(db)), handles_(std::move(handles)), secondary_(secondary) {}

Database::~Database() {
  for (rocksdb::ColumnFamilyHandle* h : handles_) db_->DestroyColumnFamilyHandle(h);
  db_->Close();
}

absl::StatusOr<std::unique_ptr<Database>> Database::OpenPrimary(
    const std::string& path) {
  rocksdb::DBOptions options;
  options.create_if_missing = true;
  options.create_missing_column_families = true;
  rocksdb::DB* raw = nullptr;
  std::vector<rocksdb::ColumnFamilyHandle*> handles;
  if (absl::Status status = FromRocks(
          rocksdb::DB::Open(options, path, Descriptors(), &handles, &raw),
          absl::StrCat("opening database ", path));
      !status.ok()) {
    return status;
  }
  std::unique_ptr<Database> db(new Database(std::unique_ptr<rocksdb::DB>(raw),
                                            std::move(handles), false));
  if (absl::Status status = db->CheckSchemaVersion(); !status.ok()) {
    return status;
  }
  return db;
}

absl::StatusOr<std::unique_ptr<Database>> Database::OpenSecondary(
    const std::string& primary_path, const std::string& secondary_path) {
  if (!std::filesystem::exists(std::filesystem::path(primary_path) / "CURRENT")) {
    return absl::NotFoundError(
        absl::StrCat("no database at ", primary_path, " (is summit_ingest running?)"));
  }
  std::error_code error;
  std::filesystem::create_directories(secondary_path, error);
  rocksdb::DBOptions options;
  options.max_open_files = -1;  // Required of secondary instances.
  rocksdb::DB* raw = nullptr;
  std::vector<rocksdb::ColumnFamilyHandle*> handles;
  if (absl::Status status = FromRocks(
          rocksdb::DB::OpenAsSecondary(options, primary_path, secondary_path,
                                       Descriptors(), &handles, &raw),
          absl::StrCat("opening database ", primary_path, " as secondary"));
      !status.ok()) {
    return status;
  }
  std::unique_ptr<Database> db(new Database(std::unique_ptr<rocksdb::DB>(raw),
                                            std::move(handles), true));
  if (absl::Status status = db->CheckSchemaVersion(); !status.ok()) {
    return status;
  }
  return db;
}

absl::Status Database::CatchUp() {
  return FromRocks(db_->TryCatchUpWithPrimary(), "catching up with primary");
}

absl::Status Database::CheckSchemaVersion() {
  std::string stored;
  rocksdb::Status status = db_->Get(rocksdb::ReadOptions(), handle(ColumnFamily::kMeta),
                                    kSchemaVersionKey, &stored);
  if (status.IsNotFound() && !secondary_) {
    rocksdb::WriteOptions write;
    write.sync = true;  // The version must outlive any record written after it.
    return FromRocks(db_->Put(write, handle(ColumnFamily::kMeta), kSchemaVersionKey,
                              EncodeVersion(kSchemaVersion)),
                     "recording schema version");
  }
  if (!status.ok()) return FromRocks(status, "reading schema version");
  if (stored != EncodeVersion(kSchemaVersion)) {
    return absl::FailedPreconditionError(absl::StrCat(
        "database schema version does not match this build's version ",
        kSchemaVersion, ": use the summit release that wrote it"));
  }
  return absl::OkStatus();
}

}  // namespace summit::storage
