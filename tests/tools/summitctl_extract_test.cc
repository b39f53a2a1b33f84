// summitctl extract as operators run it: the real binary, offline.
#include <string>

#include "gmock/gmock.h"
#include "google/protobuf/util/json_util.h"
#include "gtest/gtest.h"
#include "summit/v1/ingest_service.pb.h"
#include "tests/testing/process.h"
#include "tests/testing/temp_dir.h"

namespace summit {
namespace {

using ::testing::HasSubstr;

constexpr char kReport[] =
    SUMMIT_SOURCE_DIR "/samples/reports/02_trump_takaichi_wire.txt";

TEST(SummitctlExtractTest, PrintsTheResponseAsProtoJson) {
  testing::CommandResult result =
      testing::RunCommand({SUMMITCTL_BIN, "extract", "--published=2026-05-06",
                           "--source-url=https://example.org/a", kReport});
  ASSERT_EQ(result.exit_code, 0) << result.output;
  v1::ExtractArticleResponse response;
  ASSERT_TRUE(google::protobuf::util::JsonStringToMessage(result.output, &response).ok())
      << result.output;
  EXPECT_EQ(response.summit().name(), "summits/2026-05-06-washington-jpn-usa");
  ASSERT_EQ(response.summit().sources_size(), 1);
  EXPECT_EQ(response.summit().sources(0).url(), "https://example.org/a");
  EXPECT_THAT(result.output, HasSubstr("\"participants\": ["));
}

TEST(SummitctlExtractTest, WithoutPublicationDateWarnsAboutRelativeDates) {
  testing::CommandResult result =
      testing::RunCommand({SUMMITCTL_BIN, "extract", kReport});
  ASSERT_EQ(result.exit_code, 0) << result.output;
  v1::ExtractArticleResponse response;
  ASSERT_TRUE(google::protobuf::util::JsonStringToMessage(result.output, &response).ok());
  EXPECT_EQ(response.summit().date().year(), 0);
  EXPECT_THAT(result.output, HasSubstr("no publication date"));
}

TEST(SummitctlExtractTest, UnreadableFileFailsWithAMessage) {
  testing::TempDir dir;
  testing::CommandResult result =
      testing::RunCommand({SUMMITCTL_BIN, "extract", dir.Sub("missing.txt")});
  EXPECT_NE(result.exit_code, 0);
  EXPECT_THAT(result.output, HasSubstr("missing.txt: cannot read the file"));
}

TEST(SummitctlExtractTest, InvalidPublishedFlagFailsNamingIt) {
  testing::CommandResult result =
      testing::RunCommand({SUMMITCTL_BIN, "extract", "--published=17/01/2026", kReport});
  EXPECT_NE(result.exit_code, 0);
  EXPECT_THAT(result.output, HasSubstr("--published: \"17/01/2026\" is not a date"));
}

TEST(SummitctlExtractTest, MissingFileArgumentFails) {
  testing::CommandResult result = testing::RunCommand({SUMMITCTL_BIN, "extract"});
  EXPECT_NE(result.exit_code, 0);
  EXPECT_THAT(result.output, HasSubstr("expected exactly one FILE"));
}

}  // namespace
}  // namespace summit
