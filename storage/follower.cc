#include "storage/follower.h"

#include "absl/strings/str_cat.h"
#include "common/status_macros.h"

namespace summit::storage {

absl::StatusOr<std::unique_ptr<Follower>> Follower::Open(std::string primary_path,
                                                         std::string secondary_path) {
  std::unique_ptr<Follower> follower(
      new Follower(std::move(primary_path), std::move(secondary_path)));
  ASSIGN_OR_RETURN(
      std::unique_ptr<Database> db,
      Database::OpenSecondary(follower->primary_path_, follower->secondary_path_));
  follower->db_ = std::move(db);
  return follower;
}

std::shared_ptr<Database> Follower::db() const {
  absl::MutexLock lock(&mu_);
  return db_;
}

absl::Status Follower::CatchUp() {
  absl::MutexLock catch_up_lock(&catch_up_mu_);
  std::shared_ptr<Database> current = db();
  if (current == nullptr) return Reopen("the database was replaced");
  ASSIGN_OR_RETURN(bool replaced, current->PrimaryReplaced());
  if (replaced) {
    // Stop serving the old database at once: it is no longer the primary's.
    {
      absl::MutexLock lock(&mu_);
      db_ = nullptr;
    }
    return Reopen(
        absl::StrCat("the database at ", primary_path_, " was replaced by another one"));
  }
  ASSIGN_OR_RETURN(bool missing, current->PrimaryHasMissingFamilies());
  if (missing) return Reopen("the primary has new column families");
  return current->CatchUp();
}

absl::Status Follower::Reopen(absl::string_view why) {
  // Each instance gets its own directory: the old one stays open until its
  // last reader is done.
  ++generation_;
  absl::StatusOr<std::unique_ptr<Database>> reopened = Database::OpenSecondary(
      primary_path_, absl::StrCat(secondary_path_, "/reopen-", generation_));
  if (!reopened.ok()) {
    return absl::Status(reopened.status().code(),
                        absl::StrCat(why, "; reopening: ", reopened.status().message()));
  }
  absl::MutexLock lock(&mu_);
  db_ = std::move(*reopened);
  return absl::OkStatus();
}

}  // namespace summit::storage
