// summitctl: the operators' client for summit.
//
//   summitctl health [--addr=HOST:PORT] [--service=NAME]
//       Calls grpc.health.v1.Health/Check; exit 0 only when SERVING.
#include <cstdlib>
#include <iostream>
#include <string>
#include <vector>

#include "absl/flags/flag.h"
#include "absl/flags/parse.h"
#include "absl/flags/usage.h"
#include "absl/time/time.h"
#include "grpc/health/v1/health.grpc.pb.h"
#include "grpcpp/create_channel.h"
#include "grpcpp/security/credentials.h"

ABSL_FLAG(std::string, addr, "127.0.0.1:50051",
          "health: the server to check, host:port");
ABSL_FLAG(std::string, service, "",
          "health: the service to check; empty means the whole server");
ABSL_FLAG(absl::Duration, timeout, absl::Seconds(5),
          "deadline of each call");

namespace {

constexpr char kUsage[] =
    "summitctl COMMAND [flags]\n"
    "\n"
    "Commands:\n"
    "  health   check a server's grpc.health.v1 status; exit 0 when SERVING\n";

int Health() {
  auto channel = grpc::CreateChannel(absl::GetFlag(FLAGS_addr),
                                     grpc::InsecureChannelCredentials());
  auto stub = grpc::health::v1::Health::NewStub(channel);
  grpc::ClientContext context;
  context.set_deadline(absl::ToChronoTime(absl::Now() + absl::GetFlag(FLAGS_timeout)));
  grpc::health::v1::HealthCheckRequest request;
  request.set_service(absl::GetFlag(FLAGS_service));
  grpc::health::v1::HealthCheckResponse response;
  grpc::Status status = stub->Check(&context, request, &response);
  if (!status.ok()) {
    std::cerr << "summitctl health: " << absl::GetFlag(FLAGS_addr) << ": "
              << status.error_message() << " (code " << status.error_code()
              << ")\n";
    return EXIT_FAILURE;
  }
  std::cout << grpc::health::v1::HealthCheckResponse::ServingStatus_Name(
                   response.status())
            << "\n";
  return response.status() == grpc::health::v1::HealthCheckResponse::SERVING
             ? EXIT_SUCCESS
             : EXIT_FAILURE;
}

}  // namespace

int main(int argc, char** argv) {
  absl::SetProgramUsageMessage(kUsage);
  std::vector<char*> args = absl::ParseCommandLine(argc, argv);
  if (args.size() < 2) {
    std::cerr << kUsage;
    return EXIT_FAILURE;
  }
  const std::string command = args[1];
  if (command == "health") return Health();
  std::cerr << "summitctl: unknown command \"" << command << "\"\n\n" << kUsage;
  return EXIT_FAILURE;
}
