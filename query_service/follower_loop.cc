#include "query_service/follower_loop.h"

#include <utility>

#include "absl/time/clock.h"
#include "spdlog/spdlog.h"

namespace summit::query {

FollowerLoop::FollowerLoop(std::string primary_path, std::string secondary_path,
                           absl::Duration interval)
    : primary_path_(std::move(primary_path)),
      secondary_path_(std::move(secondary_path)),
      interval_(interval) {}

FollowerLoop::~FollowerLoop() {
  stop_.Notify();
  if (thread_.joinable()) thread_.join();
}

void FollowerLoop::Start(std::function<void(bool)> on_serving,
                         std::function<void(absl::Duration)> on_catch_up) {
  thread_ = std::thread(
      [this, on_serving = std::move(on_serving), on_catch_up = std::move(on_catch_up)] {
        Run(on_serving, on_catch_up);
      });
}

absl::Time FollowerLoop::last_caught_up() const {
  absl::MutexLock lock(&mu_);
  return last_caught_up_;
}

std::shared_ptr<storage::Database> FollowerLoop::db() const {
  absl::MutexLock lock(&mu_);
  return follower_ == nullptr ? nullptr : follower_->db();
}

void FollowerLoop::Run(const std::function<void(bool)>& on_serving,
                       const std::function<void(absl::Duration)>& on_catch_up) {
  absl::Status last_error;
  bool serving = false;
  do {
    storage::Follower* follower = nullptr;
    {
      absl::MutexLock lock(&mu_);
      follower = follower_.get();
    }
    absl::Status status;
    if (follower == nullptr) {
      absl::StatusOr<std::unique_ptr<storage::Follower>> opened =
          storage::Follower::Open(primary_path_, secondary_path_);
      if (opened.ok()) {
        absl::MutexLock lock(&mu_);
        follower_ = *std::move(opened);
      } else {
        status = opened.status();
      }
    } else {
      const absl::Time start = absl::Now();
      status = follower->CatchUp();
      if (status.ok() && on_catch_up) on_catch_up(absl::Now() - start);
    }
    if (status.ok()) {
      absl::MutexLock lock(&mu_);
      last_caught_up_ = absl::Now();
    }
    if (!status.ok() && status != last_error) {
      spdlog::warn("{}: {}", serving ? "catching up" : "waiting for the database",
                   status.ToString());
    }
    last_error = status;
    if (const bool open = db() != nullptr; open != serving) {
      serving = open;
      if (serving) {
        spdlog::info("database {} open as secondary", primary_path_);
      } else {
        spdlog::error("database {} is no longer served: {}", primary_path_,
                      status.ToString());
      }
      on_serving(serving);
    }
  } while (!stop_.WaitForNotificationWithTimeout(interval_));
}

}  // namespace summit::query
