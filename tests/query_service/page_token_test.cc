#include "query_service/page_token.h"

#include <signal.h>

#include <fstream>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "absl/strings/escaping.h"
#include "absl/strings/str_cat.h"
#include "absl/time/clock.h"
#include "common/digest.h"
#include "gmock/gmock.h"
#include "grpcpp/create_channel.h"
#include "grpcpp/security/credentials.h"
#include "gtest/gtest.h"
#include "summit/v1/query_service.grpc.pb.h"
#include "tests/testing/process.h"
#include "tests/testing/temp_dir.h"

namespace summit::query {

using common::HmacSha256;
using common::Sha256;

namespace {

using ::testing::HasSubstr;
using ::testing::IsEmpty;
using ::testing::Not;
using ::testing::StartsWith;

constexpr char kAltered[] =
    "page_token: does not match this request's filters, was altered";

PageTokens Tokens(const std::string& key) {
  absl::StatusOr<PageTokens> tokens = PageTokens::WithKey(key);
  EXPECT_TRUE(tokens.ok()) << tokens.status();
  return *std::move(tokens);
}

const PageTokens& TestTokens() {
  static const PageTokens* tokens =
      new PageTokens(Tokens("a test key of thirty-two bytes!!"));
  return *tokens;
}

TEST(PageTokenTest, PageSizesFollowAip158) {
  v1::ListSummitsRequest request;
  EXPECT_EQ(TestTokens().ReadPageRequest(request)->limit, kDefaultPageSize);
  request.set_page_size(7);
  EXPECT_EQ(TestTokens().ReadPageRequest(request)->limit, 7);
  request.set_page_size(kMaxPageSize + 1);
  EXPECT_EQ(TestTokens().ReadPageRequest(request)->limit, kMaxPageSize);
  request.set_page_size(-3);
  absl::StatusOr<PageRequest> negative = TestTokens().ReadPageRequest(request);
  EXPECT_EQ(negative.status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_THAT(negative.status().message(), HasSubstr("page_size: -3 is negative"));
}

TEST(PageTokenTest, ATokenResumesItsOwnFiltersWhateverThePageSize) {
  v1::ListSummitsRequest request;
  request.set_sector("sectors/energy");
  request.mutable_start_date()->set_year(2025);
  request.set_page_size(2);
  const std::string cursor("\x00\x01key\xff", 6);
  request.set_page_token(TestTokens().MakePageToken(request, cursor));
  EXPECT_THAT(request.page_token(), Not(IsEmpty()));
  request.set_page_size(9);
  absl::StatusOr<PageRequest> page = TestTokens().ReadPageRequest(request);
  ASSERT_TRUE(page.ok()) << page.status();
  EXPECT_EQ(page->resume_after, cursor);
  EXPECT_EQ(page->limit, 9);
  EXPECT_EQ(TestTokens().MakePageToken(request, ""), "");  // The last page.
}

TEST(PageTokenTest, OtherFiltersAlteredTokensAndOtherRequestTypesAreRefused) {
  v1::ListSummitsRequest request;
  request.set_sector("sectors/energy");
  const std::string token = TestTokens().MakePageToken(request, "cursor");

  v1::ListSummitsRequest other = request;
  other.set_sector("sectors/trade");
  other.set_page_token(token);
  v1::ListSummitsRequest altered = request;
  altered.set_page_token(token.substr(0, token.size() - 2) +
                         (token[token.size() - 2] == 'A' ? "B" : "A") + token.back());
  v1::ListSummitsRequest garbage = request;
  garbage.set_page_token("!!");
  for (const v1::ListSummitsRequest& bad : {other, altered, garbage}) {
    absl::StatusOr<PageRequest> page = TestTokens().ReadPageRequest(bad);
    EXPECT_EQ(page.status().code(), absl::StatusCode::kInvalidArgument)
        << bad.ShortDebugString();
    EXPECT_THAT(std::string(page.status().message()), StartsWith("page_token: "));
  }
  // A ListSectors request with no filters does not accept a ListSummits
  // token made without filters either.
  v1::ListSectorsRequest sectors;
  sectors.set_page_token(TestTokens().MakePageToken(v1::ListSummitsRequest(), "cursor"));
  EXPECT_EQ(TestTokens().ReadPageRequest(sectors).status().code(),
            absl::StatusCode::kInvalidArgument);
}

// A token of `version` for `request` resuming after `cursor`, tagged by
// `tag` over the bytes the service tags.
std::string ForgeToken(const v1::ListSummitsRequest& request, char version,
                       const std::string& cursor,
                       const std::function<std::string(const std::string&)>& tag) {
  v1::ListSummitsRequest filters = request;
  filters.clear_page_size();
  filters.clear_page_token();
  const std::string bytes = filters.SerializeAsString();
  const std::string tagged =
      absl::StrCat(std::string(1, version), request.GetTypeName(), std::string(1, '\0'),
                   bytes.size(), ":", bytes, cursor);
  return absl::WebSafeBase64Escape(
      absl::StrCat(std::string(1, version), cursor, tag(tagged).substr(0, 16)));
}

TEST(PageTokenTest, ATokenForgedWithAnUnkeyedTagIsRefused) {
  v1::ListSummitsRequest request;
  request.set_sector("sectors/energy");
  const std::string cursor = "\x01any cursor a client fancies";
  // The tag of the first tokens: SHA-256 of the same bytes, with their
  // version (1) or with the current one (2).
  for (const char version : {'\x01', '\x02'}) {
    v1::ListSummitsRequest forged = request;
    forged.set_page_token(ForgeToken(request, version, cursor, Sha256));
    absl::StatusOr<PageRequest> page = TestTokens().ReadPageRequest(forged);
    EXPECT_EQ(page.status().code(), absl::StatusCode::kInvalidArgument) << int{version};
    EXPECT_THAT(std::string(page.status().message()), StartsWith("page_token: "))
        << int{version};
  }
  // The same bytes under the service's key are its own token: the key is
  // all a forger lacks.
  v1::ListSummitsRequest keyed = request;
  keyed.set_page_token(ForgeToken(request, 2, cursor, [](const std::string& data) {
    return HmacSha256("a test key of thirty-two bytes!!", data);
  }));
  absl::StatusOr<PageRequest> page = TestTokens().ReadPageRequest(keyed);
  ASSERT_TRUE(page.ok()) << page.status();
  EXPECT_EQ(page->resume_after, cursor);
}

TEST(PageTokenTest, ATokenOfAnotherKeyIsRefused) {
  v1::ListSummitsRequest request;
  request.set_sector("sectors/energy");
  request.set_page_token(
      Tokens("another key, also thirty-two b..").MakePageToken(request, "cursor"));
  absl::StatusOr<PageRequest> page = TestTokens().ReadPageRequest(request);
  EXPECT_EQ(page.status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_THAT(std::string(page.status().message()), StartsWith(kAltered));

  absl::StatusOr<PageTokens> random = PageTokens::WithRandomKey();
  ASSERT_TRUE(random.ok()) << random.status();
  EXPECT_EQ(random->ReadPageRequest(request).status().code(),
            absl::StatusCode::kInvalidArgument);
}

TEST(PageTokenTest, KeysShorterThan32BytesAreRefused) {
  absl::StatusOr<PageTokens> tokens = PageTokens::WithKey(std::string(31, 'k'));
  EXPECT_EQ(tokens.status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_EQ(tokens.status().message(),
            "a page token key needs at least 32 bytes; this one has 31");
}

// summit_query with page tokens keyed from files, over a database that
// summit_ingest creates.
class PageTokenKeyFileTest : public ::testing::Test {
 protected:
  void SetUp() override {
    auto ingest = testing::StartServer(SUMMIT_INGEST_BIN, {"--db_path=" + dir_.Sub("db")},
                                       dir_.path(), "ingest");
    ASSERT_TRUE(ingest.ok()) << ingest.status();
    ingest_.emplace(*std::move(ingest));
  }

  void TearDown() override {
    StopQuery();
    if (ingest_) {
      ingest_->process.Signal(SIGTERM);
      EXPECT_TRUE(ingest_->process.Wait(absl::Seconds(20)).has_value());
    }
  }

  // Writes `bytes` to the file `name` in the test's directory; its path.
  std::string WriteKey(const std::string& name, const std::string& bytes) {
    std::ofstream(dir_.Sub(name), std::ios::binary) << bytes;
    return dir_.Sub(name);
  }

  // The summit_query arguments, with `key_file` unless empty.
  std::vector<std::string> QueryArgs(const std::string& key_file) {
    std::vector<std::string> args = {"--db_path=" + dir_.Sub("db"),
                                     "--secondary_path=" + dir_.Sub("secondary")};
    if (!key_file.empty()) args.push_back("--page_token_key_file=" + key_file);
    return args;
  }

  // Starts summit_query (stopping any running one) and waits until it
  // answers lists.
  void StartQuery(const std::string& key_file) {
    StopQuery();
    auto query = testing::StartServer(SUMMIT_QUERY_BIN, QueryArgs(key_file), dir_.path(),
                                      absl::StrCat("query", ++starts_));
    ASSERT_TRUE(query.ok()) << query.status();
    query_.emplace(*std::move(query));
    stub_ = v1::QueryService::NewStub(grpc::CreateChannel(
        absl::StrCat("127.0.0.1:", query_->port), grpc::InsecureChannelCredentials()));
    v1::ListSectorsResponse unused;
    const absl::Time deadline = absl::Now() + absl::Seconds(10);
    while (ListSectors("", &unused).error_code() == grpc::StatusCode::UNAVAILABLE &&
           absl::Now() < deadline) {
      absl::SleepFor(absl::Milliseconds(10));
    }
  }

  void StopQuery() {
    stub_.reset();
    if (!query_) return;
    query_->process.Signal(SIGTERM);
    EXPECT_TRUE(query_->process.Wait(absl::Seconds(20)).has_value());
    query_.reset();
  }

  // One sector per page, after `page_token`.
  grpc::Status ListSectors(const std::string& page_token,
                           v1::ListSectorsResponse* response) {
    grpc::ClientContext context;
    v1::ListSectorsRequest request;
    request.set_page_size(1);
    request.set_page_token(page_token);
    return stub_->ListSectors(&context, request, response);
  }

  testing::TempDir dir_;
  std::optional<testing::StartedServer> ingest_;
  std::optional<testing::StartedServer> query_;
  std::unique_ptr<v1::QueryService::Stub> stub_;
  int starts_ = 0;
};

TEST_F(PageTokenKeyFileTest, TheSameKeyFileKeepsTokensValidAcrossARestart) {
  const std::string key = WriteKey("key", "0123456789abcdef0123456789abcdef\n");
  StartQuery(key);
  v1::ListSectorsResponse first;
  ASSERT_TRUE(ListSectors("", &first).ok());
  ASSERT_THAT(first.next_page_token(), Not(IsEmpty()));
  v1::ListSectorsResponse second;
  ASSERT_TRUE(ListSectors(first.next_page_token(), &second).ok());
  ASSERT_EQ(second.sectors_size(), 1);

  StartQuery(key);
  v1::ListSectorsResponse resumed;
  grpc::Status status = ListSectors(first.next_page_token(), &resumed);
  ASSERT_TRUE(status.ok()) << status.error_message();
  ASSERT_EQ(resumed.sectors_size(), 1);
  EXPECT_EQ(resumed.sectors(0).name(), second.sectors(0).name());

  // Another key, from a file or generated, refuses it.
  for (const std::string& other :
       {WriteKey("other", "another key of at least 32 bytes, certainly"),
        std::string()}) {
    StartQuery(other);
    status = ListSectors(first.next_page_token(), &resumed);
    EXPECT_EQ(status.error_code(), grpc::StatusCode::INVALID_ARGUMENT) << other;
    EXPECT_THAT(status.error_message(), StartsWith(kAltered)) << other;
  }
}

TEST_F(PageTokenKeyFileTest, AKeyFileShorterThan32BytesOrMissingIsRefusedAtStart) {
  const std::string short_key = WriteKey("short", std::string(31, 'k'));
  std::vector<std::string> argv = {SUMMIT_QUERY_BIN, "--listen=127.0.0.1:0"};
  for (const std::string& arg : QueryArgs(short_key)) argv.push_back(arg);
  testing::CommandResult result = testing::RunCommand(argv, absl::Seconds(30));
  EXPECT_EQ(result.exit_code, 1) << result.output;
  EXPECT_THAT(result.output, HasSubstr(absl::StrCat(
                                 "--page_token_key_file: ", short_key,
                                 ": a page token key needs at least 32 bytes; this "
                                 "one has 31 (make one with: head -c 32 /dev/urandom > ",
                                 short_key, ")")));

  argv = {SUMMIT_QUERY_BIN, "--listen=127.0.0.1:0"};
  for (const std::string& arg : QueryArgs(dir_.Sub("missing"))) argv.push_back(arg);
  result = testing::RunCommand(argv, absl::Seconds(30));
  EXPECT_EQ(result.exit_code, 1) << result.output;
  EXPECT_THAT(result.output,
              HasSubstr(absl::StrCat("--page_token_key_file: ", dir_.Sub("missing"),
                                     ": cannot read the file")));
}

}  // namespace
}  // namespace summit::query
