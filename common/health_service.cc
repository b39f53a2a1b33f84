#include "common/health_service.h"

#include <utility>

#include "absl/strings/str_cat.h"
#include "common/quote.h"
#include "common/raw_rpc.h"
#include "common/status_util.h"

namespace summit::common {

using grpc::health::v1::HealthCheckRequest;
using grpc::health::v1::HealthCheckResponse;

// One Watch stream. Writes are serialized: a status that arrives while a
// write is in flight replaces any status still waiting, so a slow client
// sees the latest status rather than a backlog.
class HealthService::WatchReactor final
    : public grpc::ServerWriteReactor<grpc::ByteBuffer> {
 public:
  // Watches `name`, or finishes at once with `refusal` when it is not OK,
  // or with UNAVAILABLE once watches have ended.
  WatchReactor(HealthService* service, std::string name, grpc::Status refusal)
      : service_(service), name_(std::move(name)) {
    if (refusal.ok() && service_->AddWatcher(this)) return;
    absl::MutexLock lock(&mu_);
    finished_ = true;
    Finish(refusal.ok()
               ? grpc::Status(grpc::StatusCode::UNAVAILABLE, "server is shutting down")
               : std::move(refusal));
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
      HealthCheckResponse message;
      message.set_status(pending_);
      has_pending_ = false;
      absl::StatusOr<grpc::ByteBuffer> encoded = ToByteBuffer(message);
      if (!encoded.ok()) {
        finished_ = true;
        Finish(ToGrpcStatus(encoded.status()));
        return;
      }
      response_ = *std::move(encoded);
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
  grpc::ByteBuffer response_ ABSL_GUARDED_BY(mu_);
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
                                               const grpc::ByteBuffer* request,
                                               grpc::ByteBuffer* response) {
  return AnswerUnary<HealthCheckRequest>(
      context, *request, response,
      [this](const HealthCheckRequest& parsed) -> absl::StatusOr<HealthCheckResponse> {
        HealthCheckResponse answer;
        {
          absl::MutexLock lock(&mu_);
          answer.set_status(StatusOf(parsed.service()));
        }
        if (answer.status() == HealthCheckResponse::SERVICE_UNKNOWN) {
          return absl::NotFoundError(
              absl::StrCat("service: ", Quote(parsed.service()), " is not served here"));
        }
        return answer;
      });
}

grpc::ServerWriteReactor<grpc::ByteBuffer>* HealthService::Watch(
    grpc::CallbackServerContext* context, const grpc::ByteBuffer* request) {
  HealthCheckRequest parsed;
  const absl::Status status = ParseMessage(*request, "request", parsed);
  return new WatchReactor(this, parsed.service(), ToGrpcStatus(status));
}

}  // namespace summit::common
