// What error messages carry of a client's input: a bounded quote of each
// value, and at most kMaxStatusMessageBytes in all.
#include "common/status_util.h"

#include <string>

#include "absl/strings/str_cat.h"
#include "common/quote.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"

namespace summit::common {
namespace {

TEST(QuoteTest, AShortValueIsQuotedWhole) {
  EXPECT_EQ(Quote("summits/x"), "\"summits/x\"");
  EXPECT_EQ(Quote(std::string(kMaxQuotedBytes, 'a')),
            absl::StrCat("\"", std::string(kMaxQuotedBytes, 'a'), "\""));
}

TEST(QuoteTest, ALongValueIsCutWithAnEllipsisAndItsLength) {
  EXPECT_EQ(Quote(std::string(10240, 'a')),
            absl::StrCat("\"", std::string(kMaxQuotedBytes, 'a'), "\"... (10240 bytes)"));
}

TEST(QuoteTest, TheCutNeverSplitsAUtf8Sequence) {
  // 63 ASCII bytes, then "é" (2 bytes) across the 64-byte bound.
  const std::string value = std::string(kMaxQuotedBytes - 1, 'a') + "\xc3\xa9" + "tail";
  EXPECT_EQ(Quote(value), absl::StrCat("\"", std::string(kMaxQuotedBytes - 1, 'a'),
                                       "\"... (", value.size(), " bytes)"));
  // "€" (3 bytes) ending exactly at the bound is kept.
  const std::string euro =
      std::string(kMaxQuotedBytes - 3, 'a') + "\xe2\x82\xac" + "tail";
  EXPECT_EQ(Utf8Prefix(euro, kMaxQuotedBytes),
            std::string(kMaxQuotedBytes - 3, 'a') + "\xe2\x82\xac");
}

TEST(ToGrpcStatusTest, KeepsTheCodeAndAShortMessage) {
  const grpc::Status status = ToGrpcStatus(absl::NotFoundError("summits/x not found"));
  EXPECT_EQ(status.error_code(), grpc::StatusCode::NOT_FOUND);
  EXPECT_EQ(status.error_message(), "summits/x not found");
  EXPECT_TRUE(ToGrpcStatus(absl::OkStatus()).ok());
}

TEST(ToGrpcStatusTest, CutsALongMessage) {
  const std::string message = "field: " + std::string(10000, 'z');
  const grpc::Status status = ToGrpcStatus(absl::InvalidArgumentError(message));
  EXPECT_EQ(status.error_code(), grpc::StatusCode::INVALID_ARGUMENT);
  EXPECT_EQ(
      status.error_message(),
      absl::StrCat(message.substr(0, kMaxStatusMessageBytes), "... (message truncated)"));
}

}  // namespace
}  // namespace summit::common
