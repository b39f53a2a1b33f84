#include "query_service/follower_loop.h"

#include <utility>

#include "spdlog/spdlog.h"

namespace summit {

FollowerLoop::FollowerLoop(std::string primary_path, std::string secondary_path,
                           absl::Duration interval)
    : primary_path_(std::move(primary_path)),
      secondary_path_(std::move(secondary_path)),
      interval_(interval) {}

FollowerLoop::~FollowerLoop() {
  stop_.Notify();
  if (thread_.joinable()) thread_.join();
}

void FollowerLoop::Start(std::function<void()> on_open) {
  thread_ = std::thread([this, on_open = std::move(on_open)] { Run(on_open); });
}

std::shared_ptr<storage::Database> FollowerLoop::db() const {
  absl::MutexLock lock(&mu_);
  return follower_ == nullptr ? nullptr : follower_->db();
}

void FollowerLoop::Run(std::function<void()> on_open) {
  absl::Status last_error;
  do {
    storage::Follower* follower = nullptr;
    {
      absl::MutexLock lock(&mu_);
      follower = follower_.get();
    }
    if (follower == nullptr) {
      absl::StatusOr<std::unique_ptr<storage::Follower>> opened =
          storage::Follower::Open(primary_path_, secondary_path_);
      if (!opened.ok()) {
        if (opened.status() != last_error) {
          spdlog::warn("waiting for the database: {}", opened.status().ToString());
          last_error = opened.status();
        }
        continue;
      }
      {
        absl::MutexLock lock(&mu_);
        follower_ = *std::move(opened);
      }
      spdlog::info("database {} open as secondary", primary_path_);
      on_open();
    } else if (absl::Status status = follower->CatchUp(); !status.ok()) {
      spdlog::warn("catching up: {}", status.ToString());
    }
  } while (!stop_.WaitForNotificationWithTimeout(interval_));
}

}  // namespace summit
