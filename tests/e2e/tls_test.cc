// A server started with --tls_cert_file/--tls_key_file speaks TLS only.
#include <signal.h>

#include "absl/strings/str_cat.h"
#include "gmock/gmock.h"
#include "grpc/health/v1/health.grpc.pb.h"
#include "grpcpp/create_channel.h"
#include "grpcpp/security/credentials.h"
#include "gtest/gtest.h"
#include "tests/testing/process.h"
#include "tests/testing/temp_dir.h"

namespace summit {
namespace {

grpc::Status Check(std::shared_ptr<grpc::ChannelCredentials> credentials, int port) {
  auto stub = grpc::health::v1::Health::NewStub(
      grpc::CreateChannel(absl::StrCat("127.0.0.1:", port), credentials));
  grpc::ClientContext context;
  context.set_deadline(std::chrono::system_clock::now() + std::chrono::seconds(5));
  grpc::health::v1::HealthCheckRequest request;
  grpc::health::v1::HealthCheckResponse response;
  grpc::Status status = stub->Check(&context, request, &response);
  if (status.ok() &&
      response.status() != grpc::health::v1::HealthCheckResponse::SERVING) {
    return grpc::Status(grpc::StatusCode::UNKNOWN, "not serving");
  }
  return status;
}

TEST(TlsTest, ServesTlsWithTheGivenCertificate) {
  testing::TempDir dir;
  testing::CommandResult made = testing::RunCommand(
      {"/usr/bin/openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1",
       "-keyout", dir.Sub("key.pem"), "-out", dir.Sub("cert.pem"), "-subj",
       "/CN=localhost", "-addext", "subjectAltName=IP:127.0.0.1"});
  ASSERT_EQ(made.exit_code, 0) << made.output;
  auto server = testing::StartServer(
      SUMMIT_INGEST_BIN,
      {"--db_path=" + dir.Sub("db"), "--tls_cert_file=" + dir.Sub("cert.pem"),
       "--tls_key_file=" + dir.Sub("key.pem")},
      dir.path(), "ingest");
  ASSERT_TRUE(server.ok()) << server.status();

  grpc::SslCredentialsOptions ssl;
  ssl.pem_root_certs = testing::ReadFile(dir.Sub("cert.pem"));
  EXPECT_TRUE(Check(grpc::SslCredentials(ssl), server->port).ok());
  EXPECT_FALSE(Check(grpc::InsecureChannelCredentials(), server->port).ok());
  server->process.Signal(SIGTERM);
  EXPECT_TRUE(server->process.Wait(absl::Seconds(20)).has_value());
}

TEST(TlsTest, HalfAConfigurationIsRefused) {
  testing::TempDir dir;
  testing::CommandResult result = testing::RunCommand(
      {SUMMIT_INGEST_BIN, "--listen=127.0.0.1:0", "--db_path=" + dir.Sub("db"),
       "--tls_cert_file=" + dir.Sub("cert.pem")},
      absl::Seconds(20));
  EXPECT_NE(result.exit_code, 0);
  EXPECT_THAT(result.output,
              ::testing::HasSubstr("--tls_cert_file and --tls_key_file go together"));
}

}  // namespace
}  // namespace summit
