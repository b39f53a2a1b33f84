// Keeps summit_query's view of the database current: opens the secondary as
// soon as the primary's database exists, then catches up every interval,
// reopening when the database under it was replaced.
#ifndef SUMMIT_QUERY_SERVICE_FOLLOWER_LOOP_H_
#define SUMMIT_QUERY_SERVICE_FOLLOWER_LOOP_H_

#include <functional>
#include <memory>
#include <string>
#include <thread>

#include "absl/base/thread_annotations.h"
#include "absl/synchronization/mutex.h"
#include "absl/synchronization/notification.h"
#include "absl/time/time.h"
#include "storage/follower.h"

namespace summit::query {

class FollowerLoop final {
 public:
  FollowerLoop(std::string primary_path, std::string secondary_path,
               absl::Duration interval);
  FollowerLoop(const FollowerLoop&) = delete;
  FollowerLoop& operator=(const FollowerLoop&) = delete;
  // Stops the thread.
  ~FollowerLoop();

  // Starts the background thread. `on_serving(true)` runs in it when the
  // database opens; `on_serving(false)` when it stops being served (replaced
  // and not yet reopened), then true again once it is.
  // `on_catch_up` (when set) runs in it with the time each successful
  // catch-up took.
  void Start(std::function<void(bool)> on_serving,
             std::function<void(absl::Duration)> on_catch_up = nullptr);

  // When the database last opened or caught up successfully;
  // absl::InfinitePast() before. Thread-safe.
  absl::Time last_caught_up() const;

  // The current database; null until it opens. Hold it for one request.
  // Thread-safe.
  std::shared_ptr<storage::Database> db() const;

 private:
  void Run(const std::function<void(bool)>& on_serving,
           const std::function<void(absl::Duration)>& on_catch_up);

  const std::string primary_path_;
  const std::string secondary_path_;
  const absl::Duration interval_;
  absl::Notification stop_;
  std::thread thread_;
  mutable absl::Mutex mu_;
  std::unique_ptr<storage::Follower> follower_ ABSL_GUARDED_BY(mu_);
  absl::Time last_caught_up_ ABSL_GUARDED_BY(mu_) = absl::InfinitePast();
};

}  // namespace summit::query

#endif  // SUMMIT_QUERY_SERVICE_FOLLOWER_LOOP_H_
