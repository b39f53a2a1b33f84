#include "common/server_runner.h"

#include <signal.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <memory>
#include <sstream>

#include "absl/status/statusor.h"
#include "absl/strings/str_cat.h"
#include "common/file_util.h"
#include "common/status_macros.h"
#include "grpcpp/ext/proto_server_reflection_plugin.h"
#include "grpcpp/security/server_credentials.h"
#include "grpcpp/server.h"
#include "grpcpp/server_builder.h"
#include "spdlog/spdlog.h"

namespace summit::common {
namespace {

sigset_t TerminationSignals() {
  sigset_t set;
  sigemptyset(&set);
  sigaddset(&set, SIGINT);
  sigaddset(&set, SIGTERM);
  return set;
}

absl::Status WritePortFile(const std::string& path, int port) {
  const std::string tmp = path + ".tmp";
  {
    std::ofstream out(tmp, std::ios::trunc);
    out << port << "\n";
    if (!out.flush()) {
      return absl::InternalError(absl::StrCat("cannot write ", tmp));
    }
  }
  std::error_code error;
  std::filesystem::rename(tmp, path, error);
  if (error) {
    return absl::InternalError(
        absl::StrCat("cannot rename ", tmp, " to ", path, ": ", error.message()));
  }
  return absl::OkStatus();
}

}  // namespace

void BlockTerminationSignals() {
  // A parent may have left them ignored (background jobs of a shell); an
  // ignored signal is discarded before sigwait could see it.
  signal(SIGINT, SIG_DFL);
  signal(SIGTERM, SIG_DFL);
  sigset_t set = TerminationSignals();
  pthread_sigmask(SIG_BLOCK, &set, nullptr);
}

namespace {

// Plaintext, or TLS from the PEM files of `options`.
absl::StatusOr<std::shared_ptr<grpc::ServerCredentials>> Credentials(
    const ServerOptions& options) {
  if (options.tls_cert_file.empty() && options.tls_key_file.empty()) {
    return grpc::InsecureServerCredentials();
  }
  if (options.tls_cert_file.empty() || options.tls_key_file.empty()) {
    return absl::InvalidArgumentError("--tls_cert_file and --tls_key_file go together");
  }
  ASSIGN_OR_RETURN(std::string cert, ReadFileToString(options.tls_cert_file));
  ASSIGN_OR_RETURN(std::string key, ReadFileToString(options.tls_key_file));
  if (cert.empty() || key.empty()) {
    return absl::InvalidArgumentError(
        "--tls_cert_file and --tls_key_file must not be empty");
  }
  grpc::SslServerCredentialsOptions ssl;
  ssl.pem_key_cert_pairs.push_back({key, cert});
  return grpc::SslServerCredentials(ssl);
}

}  // namespace

absl::Status ServeUntilTerminated(const ServerOptions& options,
                                  const std::vector<grpc::Service*>& services,
                                  HealthService& health) {
  ASSIGN_OR_RETURN(std::shared_ptr<grpc::ServerCredentials> credentials,
                   Credentials(options));
  grpc::reflection::InitProtoReflectionServerBuilderPlugin();
  grpc::ServerBuilder builder;
  int port = 0;
  builder.AddListeningPort(options.listen_address, credentials, &port);
  builder.SetMaxReceiveMessageSize(options.max_receive_message_bytes);
  // The interceptor only when metrics are served: ThreadSanitizer reports a
  // race inside gRPC 1.51's interceptor path of the callback API
  // (CallOpSet::FinalizeResult against ContinueFinalizeResultAfterInterception),
  // so servers without --metrics_listen keep clear of it.
  if (options.metrics != nullptr && !options.metrics_listen.empty()) {
    std::vector<std::unique_ptr<grpc::experimental::ServerInterceptorFactoryInterface>>
        interceptors;
    interceptors.push_back(options.metrics->NewInterceptorFactory());
    builder.experimental().SetInterceptorCreators(std::move(interceptors));
    {
      ASSIGN_OR_RETURN(const int metrics_port,
                       options.metrics->Serve(options.metrics_listen, options.metrics_extra));
      if (!options.metrics_port_file.empty()) {
        RETURN_IF_ERROR(WritePortFile(options.metrics_port_file, metrics_port));
      }
      spdlog::info("metrics on {} (port {})", options.metrics_listen, metrics_port);
    }
  }
  builder.RegisterService(&health);
  for (grpc::Service* service : services) builder.RegisterService(service);
  std::unique_ptr<grpc::Server> server = builder.BuildAndStart();
  if (server == nullptr || port == 0) {
    return absl::UnavailableError(
        absl::StrCat("--listen: cannot listen on ", options.listen_address));
  }
  spdlog::info("listening on {} (port {})", options.listen_address, port);
  if (!options.port_file.empty()) {
    if (absl::Status status = WritePortFile(options.port_file, port); !status.ok()) {
      server->Shutdown();
      return status;
    }
  }

  sigset_t set = TerminationSignals();
  int signal_number = 0;
  sigwait(&set, &signal_number);
  spdlog::info("signal {} received: shutting down", signal_number);

  health.SetAllServing(grpc::health::v1::HealthCheckResponse::NOT_SERVING);
  health.EndWatches();
  server->Shutdown(std::chrono::system_clock::now() +
                   absl::ToChronoSeconds(options.shutdown_grace));
  server->Wait();
  if (options.metrics != nullptr) options.metrics->StopServing();
  spdlog::info("server stopped");
  return absl::OkStatus();
}

}  // namespace summit::common
