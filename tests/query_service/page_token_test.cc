#include "query_service/page_token.h"

#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "summit/v1/query_service.pb.h"

namespace summit {
namespace {

using ::testing::HasSubstr;

TEST(PageTokenTest, PageSizesFollowAip158) {
  v1::ListSummitsRequest request;
  EXPECT_EQ(ReadPageRequest(request)->limit, kDefaultPageSize);
  request.set_page_size(7);
  EXPECT_EQ(ReadPageRequest(request)->limit, 7);
  request.set_page_size(kMaxPageSize + 1);
  EXPECT_EQ(ReadPageRequest(request)->limit, kMaxPageSize);
  request.set_page_size(-3);
  absl::StatusOr<PageRequest> negative = ReadPageRequest(request);
  EXPECT_EQ(negative.status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_THAT(negative.status().message(), HasSubstr("page_size: -3 is negative"));
}

TEST(PageTokenTest, ATokenResumesItsOwnFiltersWhateverThePageSize) {
  v1::ListSummitsRequest request;
  request.set_sector("sectors/energy");
  request.mutable_start_date()->set_year(2025);
  request.set_page_size(2);
  const std::string cursor("\x00\x01key\xff", 6);
  request.set_page_token(MakePageToken(request, cursor));
  EXPECT_THAT(request.page_token(), ::testing::Not(::testing::IsEmpty()));
  request.set_page_size(9);
  absl::StatusOr<PageRequest> page = ReadPageRequest(request);
  ASSERT_TRUE(page.ok()) << page.status();
  EXPECT_EQ(page->resume_after, cursor);
  EXPECT_EQ(page->limit, 9);
  EXPECT_EQ(MakePageToken(request, ""), "");  // The last page.
}

TEST(PageTokenTest, OtherFiltersAlteredTokensAndOtherRequestTypesAreRefused) {
  v1::ListSummitsRequest request;
  request.set_sector("sectors/energy");
  const std::string token = MakePageToken(request, "cursor");

  v1::ListSummitsRequest other = request;
  other.set_sector("sectors/trade");
  other.set_page_token(token);
  v1::ListSummitsRequest altered = request;
  altered.set_page_token(token.substr(0, token.size() - 2) +
                         (token[token.size() - 2] == 'A' ? "B" : "A") + token.back());
  v1::ListSummitsRequest garbage = request;
  garbage.set_page_token("!!");
  for (const v1::ListSummitsRequest& bad : {other, altered, garbage}) {
    absl::StatusOr<PageRequest> page = ReadPageRequest(bad);
    EXPECT_EQ(page.status().code(), absl::StatusCode::kInvalidArgument)
        << bad.ShortDebugString();
    EXPECT_THAT(page.status().message(), HasSubstr("page_token: "));
  }
  // A ListSectors request with no filters does not accept a ListSummits
  // token made without filters either.
  v1::ListSectorsRequest sectors;
  sectors.set_page_token(MakePageToken(v1::ListSummitsRequest(), "cursor"));
  EXPECT_EQ(ReadPageRequest(sectors).status().code(), absl::StatusCode::kInvalidArgument);
}

}  // namespace
}  // namespace summit
