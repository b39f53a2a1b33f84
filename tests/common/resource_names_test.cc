#include "common/resource_names.h"

#include <string>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"

namespace summit::common {
namespace {

using ::testing::AllOf;
using ::testing::HasSubstr;
using ::testing::StartsWith;

TEST(ResourceNamesTest, ResourceNameJoinsCollectionAndId) {
  EXPECT_EQ(ResourceName(kSummits, "g7-2024"), "summits/g7-2024");
  EXPECT_EQ(ResourceName(kParticipants, "olaf-scholz"), "participants/olaf-scholz");
  EXPECT_EQ(ResourceName(kSectors, "energy"), "sectors/energy");
}

TEST(ResourceNamesTest, ResourceIdReturnsTheIdOfAValidName) {
  absl::StatusOr<std::string> id = ResourceId("summits/g7-2024", kSummits, "name");
  ASSERT_TRUE(id.ok()) << id.status();
  EXPECT_EQ(*id, "g7-2024");
  id = ResourceId("participants/a", kParticipants, "name");
  ASSERT_TRUE(id.ok()) << id.status();
  EXPECT_EQ(*id, "a");
}

TEST(ResourceNamesTest, ResourceIdRoundTripsResourceName) {
  const std::string id = "x-1-" + std::string(124, 'z');
  ASSERT_EQ(id.size(), 128u);
  absl::StatusOr<std::string> parsed =
      ResourceId(ResourceName(kSectors, id), kSectors, "sector");
  ASSERT_TRUE(parsed.ok()) << parsed.status();
  EXPECT_EQ(*parsed, id);
}

TEST(ResourceNamesTest, ResourceIdRefusesAnotherCollectionNamingTheField) {
  absl::StatusOr<std::string> id = ResourceId("sectors/energy", kSummits, "summit.name");
  EXPECT_EQ(id.status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_THAT(std::string(id.status().message()),
              AllOf(StartsWith("summit.name: \"sectors/energy\""),
                    HasSubstr("not a resource name of the form summits/{id}")));
}

TEST(ResourceNamesTest, ResourceIdRefusesACollectionThatOnlySharesAPrefix) {
  EXPECT_EQ(ResourceId("summitsx/a", kSummits, "name").status().code(),
            absl::StatusCode::kInvalidArgument);
  EXPECT_EQ(ResourceId("summits", kSummits, "name").status().code(),
            absl::StatusCode::kInvalidArgument);
}

TEST(ResourceNamesTest, ResourceIdRefusesEmptyAndOverlongIds) {
  for (const std::string& name :
       {std::string("summits/"), "summits/" + std::string(129, 'a')}) {
    absl::StatusOr<std::string> id = ResourceId(name, kSummits, "name");
    EXPECT_EQ(id.status().code(), absl::StatusCode::kInvalidArgument) << name;
    EXPECT_THAT(id.status().message(), HasSubstr("empty or over 128 characters")) << name;
  }
}

TEST(ResourceNamesTest, ResourceIdRefusesCharactersOutsideTheIdAlphabet) {
  for (const char* name : {"summits/G7", "summits/g7_2024", "summits/g7/2024",
                           "summits/g 7", "summits/g\xc3\xa9"}) {
    absl::StatusOr<std::string> id = ResourceId(name, kSummits, "name");
    EXPECT_EQ(id.status().code(), absl::StatusCode::kInvalidArgument) << name;
    EXPECT_THAT(id.status().message(),
                HasSubstr("characters other than a-z, 0-9 and '-'"))
        << name;
  }
}

TEST(ResourceNamesTest, ResourceIdRefusesAHyphenAtEitherEnd) {
  for (const char* name : {"summits/-g7", "summits/g7-", "summits/-"}) {
    absl::StatusOr<std::string> id = ResourceId(name, kSummits, "name");
    EXPECT_EQ(id.status().code(), absl::StatusCode::kInvalidArgument) << name;
    EXPECT_THAT(id.status().message(), HasSubstr("starts or ends with '-'")) << name;
  }
}

TEST(ResourceNamesTest, ResourceIdQuotesALongNameBoundedly) {
  const std::string name = "summits/" + std::string(1000, 'A');
  absl::StatusOr<std::string> id = ResourceId(name, kSummits, "name");
  EXPECT_EQ(id.status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_LT(id.status().message().size(), 300u);
  EXPECT_THAT(id.status().message(), HasSubstr("(1008 bytes)"));
}

}  // namespace
}  // namespace summit::common
