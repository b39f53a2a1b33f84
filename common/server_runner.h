// Runs a gRPC server for one summit service: the service's handlers plus
// grpc.health.v1 and server reflection, until SIGINT or SIGTERM, then a
// graceful shutdown. Shared by summit_ingest and summit_query.
#ifndef SUMMIT_COMMON_SERVER_RUNNER_H_
#define SUMMIT_COMMON_SERVER_RUNNER_H_

#include <string>
#include <vector>

#include "absl/status/status.h"
#include "absl/time/time.h"
#include "common/health_service.h"
#include "common/metrics.h"
#include "grpcpp/impl/codegen/service_type.h"

namespace summit::common {

struct ServerOptions {
  // host:port to listen on; port 0 picks a free port.
  std::string listen_address;
  // When set, the bound port is written to this file (atomically, by rename)
  // once the server accepts calls: how tests and scripts learn a port 0.
  std::string port_file;
  // Largest request message accepted, in bytes.
  int max_receive_message_bytes = 4 << 20;
  // How long in-flight calls may run on after a termination signal before
  // they are cancelled.
  absl::Duration shutdown_grace = absl::Seconds(10);
  // PEM certificate chain and private key; both set serves TLS, both empty
  // plaintext.
  std::string tls_cert_file;
  std::string tls_key_file;
  // When set and `metrics_listen` is too, every call's metrics are recorded
  // in it (an interceptor) and served.
  Metrics* metrics = nullptr;
  // host:port to serve `metrics` on, with `metrics_extra` read at each
  // scrape; empty: not served. Its port goes to `metrics_port_file` when
  // set, as the gRPC port goes to `port_file`. Served until the server
  // stops, so `metrics_extra` need only outlive ServeUntilTerminated.
  std::string metrics_listen;
  std::string metrics_port_file;
  std::shared_ptr<prometheus::Collectable> metrics_extra;
};

// Blocks SIGINT and SIGTERM in the calling thread and in every thread it
// starts afterwards, so that ServeUntilTerminated can wait for them. Call
// first thing in main, before any thread exists.
void BlockTerminationSignals();

// Serves `services` with `health` and reflection until SIGINT or SIGTERM.
// Then: health reports NOT_SERVING, watches end, in-flight calls get
// `shutdown_grace` to finish, and the function returns. Fails when the
// address cannot be bound, the TLS files cannot be read, or the port file
// cannot be written. The caller
// keeps ownership of everything passed and sets health to SERVING when its
// service is ready.
absl::Status ServeUntilTerminated(const ServerOptions& options,
                                  const std::vector<grpc::Service*>& services,
                                  HealthService& health);

}  // namespace summit::common

#endif  // SUMMIT_COMMON_SERVER_RUNNER_H_
