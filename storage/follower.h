// A secondary instance that follows the primary: CatchUp() replays the
// primary's new writes and reopens when the primary has column families
// this instance opened without (a newer primary appended them) or when the
// directory now holds another database (a backup restored, a volume
// re-created).
#ifndef SUMMIT_STORAGE_FOLLOWER_H_
#define SUMMIT_STORAGE_FOLLOWER_H_

#include <memory>
#include <string>

#include "absl/base/thread_annotations.h"
#include "absl/status/statusor.h"
#include "absl/synchronization/mutex.h"
#include "storage/database.h"

namespace summit::storage {

class Follower final {
 public:
  // Opens `primary_path` as a secondary with its files under
  // `secondary_path`. Errors as Database::OpenSecondary.
  static absl::StatusOr<std::unique_ptr<Follower>> Open(std::string primary_path,
                                                        std::string secondary_path);

  // The current instance; null after the database was replaced and could
  // not be reopened yet. Hold it for one request: a reopen swaps it, and the
  // old instance closes when its last holder lets go. Thread-safe.
  std::shared_ptr<Database> db() const;

  // Replays the primary's new writes into the current instance, first
  // reopening it when column families were missing and the primary now has
  // them, or when the database was replaced (db() is null from then until a
  // reopen succeeds; the error says why). Thread-safe, but meant for one
  // background thread.
  absl::Status CatchUp();

 private:
  absl::Status Reopen(absl::string_view why) ABSL_EXCLUSIVE_LOCKS_REQUIRED(catch_up_mu_);

  Follower(std::string primary_path, std::string secondary_path)
      : primary_path_(std::move(primary_path)),
        secondary_path_(std::move(secondary_path)) {}

  const std::string primary_path_;
  const std::string secondary_path_;
  absl::Mutex catch_up_mu_;
  int generation_ ABSL_GUARDED_BY(catch_up_mu_) = 0;
  mutable absl::Mutex mu_;
  std::shared_ptr<Database> db_ ABSL_GUARDED_BY(mu_);
};

}  // namespace summit::storage

#endif  // SUMMIT_STORAGE_FOLLOWER_H_
