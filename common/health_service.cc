#include "common/health_service.h"

#include <utility>

namespace summit {

using grpc::health::v1::HealthCheckRequest;
using grpc::health::v1::HealthCheckResponse;

// One Watch stream. Writes are serialized: a status that arrives while a
// write is in flight replaces any status still waiting, so a slow client
// sees the latest status rather than a backlog.
class HealthService::WatchReactor final
    : public grpc::ServerWriteReactor<HealthCheckResponse> {
 public:
  WatchReactor(HealthService* service, std::string name)
      : service_(service), name_(std::move(name)) {
    if (!service_->AddWatcher(this)) {
      absl::MutexLock lock(&mu_);
      finished_ = true;
      Finish(grpc::Status(grpc::StatusCode::UNAVAILABLE, "server is shutting down"));
    }
  }

  const std::string& name() const { return name_; }

  // Queues `status` for writing.
  void Notify(ServingStatus status) {
    absl::MutexLock lock(&mu_);
    pending_ = status;
    has_pending_ = true;
    MaybeWriteOrFinish();
  }

  // Ends the stream once the queued status is written.
  void EndStream() {
    absl::MutexLock lock(&mu_);
    end_requested_ = true;
    MaybeWriteOrFinish();
  }

  void OnWriteDone(bool ok) override {
    absl::MutexLock lock(&mu_);
    write_in_flight_ = false;
    if (!ok) {
      has_pending_ = false;
      end_requested_ = true;
    }
    MaybeWriteOrFinish();
  }

  void OnCancel() override {
    absl::MutexLock lock(&mu_);
    has_pending_ = false;
    end_requested_ = true;
    MaybeWriteOrFinish();
  }

  void OnDone() override {
    service_->RemoveWatcher(this);
    delete this;
  }

 private:
  void MaybeWriteOrFinish() ABSL_EXCLUSIVE_LOCKS_REQUIRED(mu_) {
    if (write_in_flight_ || finished_) return;
    if (has_pending_) {
      response_.set_status(pending_);
      has_pending_ = false;
      write_in_flight_ = true;
      StartWrite(&response_);
    } else if (end_requested_) {
      finished_ = true;
      Finish(grpc::Status::OK);
    }
  }

  HealthService* const service_;
  const std::string name_;
  absl::Mutex mu_;
  HealthCheckResponse response_ ABSL_GUARDED_BY(mu_);
  ServingStatus pending_ ABSL_GUARDED_BY(mu_) = HealthCheckResponse::UNKNOWN;
  bool has_pending_ ABSL_GUARDED_BY(mu_) = false;
  bool write_in_flight_ ABSL_GUARDED_BY(mu_) = false;
  bool end_requested_ ABSL_GUARDED_BY(mu_) = false;
  bool finished_ ABSL_GUARDED_BY(mu_) = false;
};

HealthService::HealthService(std::set<std::string> services) {
  services.insert("");
  for (const std::string& name : services) {
    statuses_[name] = HealthCheckResponse::NOT_SERVING;
  }
}

void HealthService::SetAllServing(ServingStatus status) {
  absl::MutexLock lock(&mu_);
  for (auto& [name, current] : statuses_) current = status;
  for (WatchReactor* watcher : watchers_) {
    watcher->Notify(StatusOf(watcher->name()));
  }
}

void HealthService::EndWatches() {
  absl::MutexLock lock(&mu_);
  watches_ended_ = true;
  for (WatchReactor* watcher : watchers_) watcher->EndStream();
}

HealthService::ServingStatus HealthService::StatusOf(const std::string& service) const {
  auto it = statuses_.find(service);
  return it == statuses_.end() ? HealthCheckResponse::SERVICE_UNKNOWN : it->second;
}

bool HealthService::AddWatcher(WatchReactor* watcher) {
  absl::MutexLock lock(&mu_);
  if (watches_ended_) return false;
  watchers_.insert(watcher);
  watcher->Notify(StatusOf(watcher->name()));
  return true;
}

void HealthService::RemoveWatcher(WatchReactor* watcher) {
  absl::MutexLock lock(&mu_);
  watchers_.erase(watcher);
}

grpc::ServerUnaryReactor* HealthService::Check(grpc::CallbackServerContext* context,
                                               const HealthCheckRequest* request,
                                               HealthCheckResponse* response) {
  grpc::ServerUnaryReactor* reactor = context->DefaultReactor();
  ServingStatus status;
  {
    absl::MutexLock lock(&mu_);
    status = StatusOf(request->service());
  }
  if (status == HealthCheckResponse::SERVICE_UNKNOWN) {
    reactor->Finish(
        grpc::Status(grpc::StatusCode::NOT_FOUND,
                     "service: \"" + request->service() + "\" is not served here"));
    return reactor;
  }
  response->set_status(status);
  reactor->Finish(grpc::Status::OK);
  return reactor;
}

grpc::ServerWriteReactor<HealthCheckResponse>* HealthService::Watch(
    grpc::CallbackServerContext* context, const HealthCheckRequest* request) {
  return new WatchReactor(this, request->service());
}

}  // namespace summit
