// grpc.health.v1.Health served with the callback API from Debian's
// grpc-proto, so that reflection can describe it (gRPC's built-in health
// service has no descriptor in the reflection database).
#ifndef SUMMIT_COMMON_HEALTH_SERVICE_H_
#define SUMMIT_COMMON_HEALTH_SERVICE_H_

#include <map>
#include <set>
#include <string>

#include "absl/base/thread_annotations.h"
#include "absl/synchronization/mutex.h"
#include "grpc/health/v1/health.grpc.pb.h"

namespace summit::common {

// Both methods of Health registered raw (see common/raw_rpc.h).
using RawHealthService = grpc::health::v1::Health::WithRawCallbackMethod_Check<
    grpc::health::v1::Health::WithRawCallbackMethod_Watch<
        grpc::health::v1::Health::Service>>;

// Serving status per service name; "" is the whole server. Thread-safe. A
// request that does not parse is answered INVALID_ARGUMENT.
class HealthService final : public RawHealthService {
 public:
  using ServingStatus = grpc::health::v1::HealthCheckResponse::ServingStatus;

  // `services` are the names known to Check and Watch besides ""; all start
  // NOT_SERVING.
  explicit HealthService(std::set<std::string> services);

  // Sets the status of "" and of every known service, and tells watchers.
  void SetAllServing(ServingStatus status);

  // Ends every Watch stream after it has seen the current status; later
  // Watch calls are answered UNAVAILABLE. Call before Server::Shutdown so
  // that open watches do not hold shutdown up until its deadline.
  void EndWatches();

  // Unary check. NOT_FOUND for a service name that is not known.
  grpc::ServerUnaryReactor* Check(grpc::CallbackServerContext* context,
                                  const grpc::ByteBuffer* request,
                                  grpc::ByteBuffer* response) override;

  // Streams the status of one service: now, then at every change. An unknown
  // service is reported as SERVICE_UNKNOWN, as the protocol asks.
  grpc::ServerWriteReactor<grpc::ByteBuffer>* Watch(
      grpc::CallbackServerContext* context, const grpc::ByteBuffer* request) override;

 private:
  class WatchReactor;

  // Registers `watcher` and hands it the current status; false once watches
  // have ended.
  bool AddWatcher(WatchReactor* watcher);
  void RemoveWatcher(WatchReactor* watcher);
  ServingStatus StatusOf(const std::string& service) const
      ABSL_EXCLUSIVE_LOCKS_REQUIRED(mu_);

  mutable absl::Mutex mu_;
  std::map<std::string, ServingStatus> statuses_ ABSL_GUARDED_BY(mu_);
  std::set<WatchReactor*> watchers_ ABSL_GUARDED_BY(mu_);
  bool watches_ended_ ABSL_GUARDED_BY(mu_) = false;
};

}  // namespace summit::common

#endif  // SUMMIT_COMMON_HEALTH_SERVICE_H_
