// The pair as its users run it: both real binaries on ephemeral ports over
// one temporary database, loaded through summitctl with the sample reports,
// the seed report and the sample Comtrade CSV, then every QueryService RPC
// through the C++ stubs, and a representative set through buf curl with
// nothing but server reflection.
#include <algorithm>
#include <filesystem>
#include <functional>
#include <iostream>
#include <map>
#include <memory>
#include <optional>
#include <set>
#include <sstream>
#include <string>
#include <tuple>
#include <type_traits>
#include <utility>
#include <vector>

#include "absl/strings/ascii.h"
#include "absl/strings/str_cat.h"
#include "absl/time/clock.h"
#include "gmock/gmock.h"
#include "google/protobuf/util/json_util.h"
#include "google/protobuf/util/message_differencer.h"
#include "grpcpp/create_channel.h"
#include "grpcpp/security/credentials.h"
#include "gtest/gtest.h"
#include "summit/v1/ingest_service.grpc.pb.h"
#include "summit/v1/query_service.grpc.pb.h"
#include "tests/testing/process.h"
#include "tests/testing/temp_dir.h"
#include "tools/comtrade_csv.h"

namespace summit {
namespace {

using ::testing::AllOf;
using ::testing::Contains;
using ::testing::ElementsAre;
using ::testing::HasSubstr;
using ::testing::IsEmpty;
using ::testing::Not;
using ::testing::SizeIs;

constexpr char kSeedSummit[] = "summits/2026-01-17-beijing-can-chn";
// What the extractor makes of samples/reports today: 18 reports, 4 without a
// summit (07_wang_albares_ministers reports foreign ministers meeting
// alone).
constexpr int kSampleSummits = 14;

// China's reported trade with Canada, TOTAL rows of the sample CSV, in US
// cents, 2020..2025 (computed from the CSV with Python's csv and decimal).
const std::vector<int64_t> kChnCanExports = {5152742520347, 4652060590373, 5567049512463,
                                             5424593549242, 5493135881680, 6433046480669};
const std::vector<int64_t> kChnCanImports = {2503671129118, 2580092180518, 2451800817533,
                                             2736271639722, 2736005726307, 2974814726409};
// Chapter 27 exports, 2020..2025; the sample also has heading 2701 rows,
// which the chapter already includes.
const std::vector<int64_t> kChnCanFuelExports = {46360778122, 40370801011, 49623812197,
                                                 52267116498, 53368955353, 61199827141};

class QueryE2eTest : public ::testing::Test {
 protected:
  void SetUp() override {
    auto servers =
        testing::StartServerPair(SUMMIT_INGEST_BIN, SUMMIT_QUERY_BIN, dir_.path());
    ASSERT_TRUE(servers.ok()) << servers.status();
    servers_.emplace(*std::move(servers));
    ingest_stub_ = v1::IngestService::NewStub(
        grpc::CreateChannel(IngestAddress(), grpc::InsecureChannelCredentials()));
    stub_ = v1::QueryService::NewStub(
        grpc::CreateChannel(QueryAddress(), grpc::InsecureChannelCredentials()));

    for (const std::vector<std::string>& load :
         {std::vector<std::string>{
              "load-articles", absl::StrCat(SUMMIT_SOURCE_DIR, "/samples/reports"),
              absl::StrCat(SUMMIT_SHARED_DIR, "/seeds/000_331c6ec46661bd9f.txt")},
          std::vector<std::string>{
              "load-trade", absl::StrCat(SUMMIT_SOURCE_DIR,
                                         "/samples/trade/china_canada_sample.csv")}}) {
      std::vector<std::string> argv = {SUMMITCTL_BIN, load[0],
                                       "--ingest_addr=" + IngestAddress()};
      argv.insert(argv.end(), load.begin() + 1, load.end());
      testing::CommandResult result = testing::RunCommand(argv);
      ASSERT_EQ(result.exit_code, 0) << result.output;
    }
    // The loads are acknowledged; wait for the follower to catch up with
    // the last of them, the trade rows.
    v1::GetTradeStatisticsRequest trade;
    trade.set_reporter_code("CHN");
    trade.set_partner_code("CAN");
    trade.set_start_year(2025);
    v1::GetTradeStatisticsResponse response;
    const absl::Time deadline = absl::Now() + absl::Seconds(5);
    while (response.series_size() < 2 && absl::Now() < deadline) {
      ASSERT_TRUE(
          Call(&v1::QueryService::Stub::GetTradeStatistics, trade, &response).ok());
    }
    ASSERT_EQ(response.series_size(), 2) << "the trade rows never became readable";
  }

  void TearDown() override {
    ingest_stub_.reset();
    stub_.reset();
    if (servers_) EXPECT_TRUE(testing::StopServerPair(*servers_));
  }

  std::string IngestAddress() const {
    return absl::StrCat("127.0.0.1:", servers_->ingest.port);
  }
  std::string QueryAddress() const {
    return absl::StrCat("127.0.0.1:", servers_->query.port);
  }

  // Calls one QueryService method.
  template <typename Request, typename Response>
  grpc::Status Call(grpc::Status (v1::QueryService::Stub::*method)(grpc::ClientContext*,
                                                                   const Request&,
                                                                   Response*),
                    const Request& request, Response* response) {
    grpc::ClientContext context;
    context.set_deadline(absl::ToChronoTime(absl::Now() + absl::Seconds(10)));
    return (stub_.get()->*method)(&context, request, response);
  }

  // Polls GetSummit until `name` is readable, up to 5 s.
  bool WaitFor(const std::string& name, v1::Summit* summit) {
    v1::GetSummitRequest request;
    request.set_name(name);
    const absl::Time deadline = absl::Now() + absl::Seconds(5);
    while (!Call(&v1::QueryService::Stub::GetSummit, request, summit).ok()) {
      if (absl::Now() > deadline) return false;
      absl::SleepFor(absl::Milliseconds(2));
    }
    return true;
  }

  // Every item a List `request` matches, read with `method` and taken from
  // each page by `items`, following next_page_token to the end; `pages`
  // counts the calls.
  template <typename Request, typename Response, typename Items>
  auto AllPages(grpc::Status (v1::QueryService::Stub::*method)(grpc::ClientContext*,
                                                              const Request&, Response*),
                Items items, Request request, int* pages) {
    std::vector<typename std::decay_t<decltype(items(Response()))>::value_type> all;
    int count = 0;
    do {
      Response response;
      grpc::Status status = Call(method, request, &response);
      EXPECT_TRUE(status.ok()) << status.error_message();
      if (!status.ok()) break;
      EXPECT_LE(items(response).size(), request.page_size() == 0 ? 50 : request.page_size());
      all.insert(all.end(), items(response).begin(), items(response).end());
      request.set_page_token(response.next_page_token());
      ++count;
    } while (!request.page_token().empty() && count < 1000);
    if (pages != nullptr) *pages = count;
    return all;
  }

  std::vector<v1::Summit> AllSummits(v1::ListSummitsRequest request,
                                     int* pages = nullptr) {
    return AllPages(
        &v1::QueryService::Stub::ListSummits,
        [](const v1::ListSummitsResponse& page) -> const auto& { return page.summits(); },
        std::move(request), pages);
  }

  std::vector<v1::TradeFlow> AllTradeFlows(v1::ListTradeFlowsRequest request,
                                           int* pages = nullptr) {
    return AllPages(&v1::QueryService::Stub::ListTradeFlows,
                    [](const v1::ListTradeFlowsResponse& page) -> const auto& {
                      return page.trade_flows();
                    },
                    std::move(request), pages);
  }

  static std::vector<std::string> Names(const std::vector<v1::Summit>& summits) {
    std::vector<std::string> names;
    for (const v1::Summit& summit : summits) names.push_back(summit.name());
    return names;
  }

  testing::TempDir dir_;
  std::optional<testing::ServerPair> servers_;
  std::unique_ptr<v1::IngestService::Stub> ingest_stub_;
  std::unique_ptr<v1::QueryService::Stub> stub_;
};

// Whether `summit` has a participant, sector and date as a filter asks.
bool Has(const v1::Summit& summit, const std::string& participant,
         const std::string& country, const std::string& sector) {
  bool person = participant.empty(), nation = country.empty(), area = sector.empty();
  for (const auto& p : summit.participants()) {
    person = person || p.participant() == participant;
    nation = nation || p.country_code() == country;
  }
  for (const auto& s : summit.sectors()) area = area || s.sector() == sector;
  for (const auto& a : summit.agreements()) {
    for (const auto& s : a.sectors()) area = area || s == sector;
  }
  return person && nation && area;
}

int DateKey(const v1::Date& date) {
  return date.year() * 10000 + date.month() * 100 + date.day();
}

// The key of the last day an end date with zero parts covers.
int EndKey(const v1::Date& date) {
  return date.year() * 10000 + (date.month() == 0 ? 12 : date.month()) * 100 +
         (date.day() == 0 ? 99 : date.day());
}

TEST_F(QueryE2eTest, TheSeedSummitComesOutWithItsParticipantsAndAmounts) {
  v1::Summit summit;
  ASSERT_TRUE(WaitFor(kSeedSummit, &summit));
  EXPECT_EQ(DateKey(summit.date()), 20260117);
  EXPECT_EQ(summit.location().city(), "Beijing");
  ASSERT_EQ(summit.participants_size(), 2);
  std::map<std::string, std::string> titles;
  for (const auto& p : summit.participants()) {
    titles[p.participant()] = absl::StrCat(p.title(), " of ", p.country_code());
  }
  EXPECT_THAT(titles,
              ElementsAre(std::pair("participants/mark-carney", "Prime Minister of CAN"),
                          std::pair("participants/xi-jinping", "President of CHN")));
  bool companies = false;
  for (const v1::Amount& amount : summit.amounts()) {
    companies = companies || (amount.value() == 125 && amount.unit() == "company");
  }
  EXPECT_TRUE(companies) << summit.DebugString();
}

TEST_F(QueryE2eTest, EveryFilterCombinationMatchesTheFullListFilteredByHand) {
  v1::ListSummitsRequest everything;
  everything.set_page_size(1000);
  everything.set_view(v1::SUMMIT_VIEW_FULL);  // Agreements' sectors count too.
  const std::vector<v1::Summit> all = AllSummits(everything);
  ASSERT_THAT(all, SizeIs(kSampleSummits + 1));
  for (size_t i = 1; i < all.size(); ++i) {  // Date, then name.
    const auto key = [](const v1::Summit& s) {
      return std::make_pair(DateKey(s.date()), s.name());
    };
    EXPECT_LT(key(all[i - 1]), key(all[i]));
  }

  struct Filter {
    std::string participant, country, sector;
    v1::Date start, end;
  };
  v1::Date from_2026, to_march_2026;
  from_2026.set_year(2026);
  to_march_2026.set_year(2026);
  to_march_2026.set_month(3);
  const std::vector<Filter> filters = {
      {"participants/xi-jinping", "", "", {}, {}},
      {"", "CAN", "sectors/energy", {}, {}},
      {"participants/xi-jinping", "", "sectors/energy", from_2026, {}},
      {"participants/xi-jinping", "CAN", "sectors/trade", from_2026, to_march_2026},
      {"", "", "sectors/agriculture", {}, to_march_2026},
      {"", "IND", "", from_2026, {}},
      {"participants/nobody-known", "", "", {}, {}},
  };
  for (const Filter& filter : filters) {
    std::vector<std::string> expected;
    for (const v1::Summit& summit : all) {
      const int date = DateKey(summit.date());
      if (!Has(summit, filter.participant, filter.country, filter.sector)) continue;
      if (filter.start.year() != 0 && date < DateKey(filter.start)) continue;
      if (filter.end.year() != 0 && date > EndKey(filter.end)) continue;
      expected.push_back(summit.name());
    }
    v1::ListSummitsRequest request;
    request.set_participant(filter.participant);
    request.set_country_code(filter.country);
    request.set_sector(filter.sector);
    *request.mutable_start_date() = filter.start;
    *request.mutable_end_date() = filter.end;
    request.set_page_size(2);
    EXPECT_EQ(Names(AllSummits(request)), expected) << request.ShortDebugString();
  }

  v1::ListSummitsRequest canada_energy;
  canada_energy.set_country_code("CAN");
  canada_energy.set_sector("sectors/energy");
  EXPECT_THAT(Names(AllSummits(canada_energy)),
              ElementsAre(kSeedSummit, "summits/2026-05-25-call-can-mex"));
}

// Lists default to the BASIC view and GetSummit to FULL; BASIC is FULL
// without the long parts, with the counts of what it leaves out.
TEST_F(QueryE2eTest, ListsAreBasicAndGetIsFullUnlessAsked) {
  v1::ListSummitsRequest basic_list;
  basic_list.set_page_size(1000);
  const std::vector<v1::Summit> basics = AllSummits(basic_list);
  v1::ListSummitsRequest full_list = basic_list;
  full_list.set_view(v1::SUMMIT_VIEW_FULL);
  const std::vector<v1::Summit> fulls = AllSummits(full_list);
  ASSERT_THAT(basics, SizeIs(kSampleSummits + 1));
  ASSERT_EQ(Names(basics), Names(fulls));

  int agreements = 0;
  for (size_t i = 0; i < basics.size(); ++i) {
    const v1::Summit& basic = basics[i];
    const v1::Summit& full = fulls[i];
    SCOPED_TRACE(full.name());
    agreements += full.agreements_size();
    EXPECT_EQ(basic.agreement_count(), full.agreements_size());
    EXPECT_EQ(full.agreement_count(), full.agreements_size());
    EXPECT_EQ(basic.amount_count(), full.amounts_size());
    EXPECT_EQ(full.amount_count(), full.amounts_size());
    EXPECT_THAT(basic.agreements(), IsEmpty());
    EXPECT_THAT(basic.amounts(), IsEmpty());
    EXPECT_THAT(basic.statements(), IsEmpty());
    EXPECT_THAT(basic.related_engagements(), IsEmpty());
    EXPECT_FALSE(basic.location().has_span());
    EXPECT_EQ(basic.title(), full.title());
    EXPECT_EQ(basic.location().city(), full.location().city());
    EXPECT_EQ(DateKey(basic.date()), DateKey(full.date()));
    EXPECT_EQ(basic.update_time().seconds(), full.update_time().seconds());
    ASSERT_EQ(basic.participants_size(), full.participants_size());
    for (int p = 0; p < basic.participants_size(); ++p) {
      EXPECT_THAT(basic.participants(p).mentions(), IsEmpty());
      EXPECT_EQ(basic.participants(p).display_name(),
                full.participants(p).display_name());
      EXPECT_EQ(basic.participants(p).title(), full.participants(p).title());
      EXPECT_EQ(basic.participants(p).country_code(),
                full.participants(p).country_code());
    }
    ASSERT_EQ(basic.sectors_size(), full.sectors_size());
    for (int k = 0; k < basic.sectors_size(); ++k) {
      EXPECT_EQ(basic.sectors(k).sector(), full.sectors(k).sector());
      EXPECT_THAT(basic.sectors(k).mentions(), IsEmpty());
      EXPECT_THAT(basic.sectors(k).surface_text(), IsEmpty());
    }
    ASSERT_EQ(basic.sources_size(), full.sources_size());
    for (int k = 0; k < basic.sources_size(); ++k) {
      EXPECT_EQ(basic.sources(k).url(), full.sources(k).url());
      EXPECT_THAT(basic.sources(k).content_sha256(), IsEmpty());
    }
    EXPECT_LT(basic.ByteSizeLong(), full.ByteSizeLong());
  }
  EXPECT_GT(agreements, 0) << "the samples have agreements to leave out";

  // GetSummit: FULL by default, BASIC when asked, the same as the lists'.
  v1::GetSummitRequest get;
  get.set_name(kSeedSummit);
  v1::Summit summit;
  ASSERT_TRUE(Call(&v1::QueryService::Stub::GetSummit, get, &summit).ok());
  const auto seed = std::find_if(fulls.begin(), fulls.end(), [](const v1::Summit& s) {
    return s.name() == kSeedSummit;
  });
  ASSERT_NE(seed, fulls.end());
  EXPECT_EQ(summit.SerializeAsString(), seed->SerializeAsString());
  get.set_view(v1::SUMMIT_VIEW_BASIC);
  ASSERT_TRUE(Call(&v1::QueryService::Stub::GetSummit, get, &summit).ok());
  EXPECT_EQ(summit.SerializeAsString(), basics[seed - fulls.begin()].SerializeAsString());

  get.set_view(static_cast<v1::SummitView>(9));
  grpc::Status status = Call(&v1::QueryService::Stub::GetSummit, get, &summit);
  EXPECT_EQ(status.error_code(), grpc::StatusCode::INVALID_ARGUMENT);
  EXPECT_EQ(status.error_message(),
            "view: 9 is not a SummitView; use SUMMIT_VIEW_BASIC or SUMMIT_VIEW_FULL");
}

TEST_F(QueryE2eTest, PagesCoverEveryResultOnceAndOnlyTheLastTokenIsEmpty) {
  v1::ListSummitsRequest everything;
  everything.set_page_size(1000);
  const std::vector<std::string> all = Names(AllSummits(everything));
  for (int size : {1, 3, 4, 16, 17}) {
    v1::ListSummitsRequest request;
    request.set_page_size(size);
    int pages = 0;
    EXPECT_EQ(Names(AllSummits(request, &pages)), all) << "page_size " << size;
    const int whole = static_cast<int>(all.size());
    EXPECT_EQ(pages, (whole + size - 1) / size) << "page_size " << size;
  }
  // The default page (50) and an oversized one (capped at 1000) hold them all.
  for (int size : {0, 1000000}) {
    v1::ListSummitsRequest request;
    request.set_page_size(size);
    v1::ListSummitsResponse response;
    ASSERT_TRUE(Call(&v1::QueryService::Stub::ListSummits, request, &response).ok());
    EXPECT_EQ(response.summits_size(), static_cast<int>(all.size()));
    EXPECT_THAT(response.next_page_token(), IsEmpty());
  }
}

TEST_F(QueryE2eTest, PageTokensAreBoundToTheirFiltersAndRefuseTampering) {
  v1::ListSummitsRequest energy;
  energy.set_sector("sectors/energy");
  energy.set_page_size(1);
  v1::ListSummitsResponse first;
  ASSERT_TRUE(Call(&v1::QueryService::Stub::ListSummits, energy, &first).ok());
  ASSERT_THAT(first.next_page_token(), Not(IsEmpty()));

  // The same filters with another page size continue the list.
  v1::ListSummitsRequest next = energy;
  next.set_page_token(first.next_page_token());
  next.set_page_size(5);
  v1::ListSummitsResponse second;
  ASSERT_TRUE(Call(&v1::QueryService::Stub::ListSummits, next, &second).ok());
  ASSERT_GT(second.summits_size(), 0);
  EXPECT_NE(second.summits(0).name(), first.summits(0).name());

  std::string altered = first.next_page_token();
  altered[altered.size() / 2] = altered[altered.size() / 2] == 'A' ? 'B' : 'A';
  v1::ListSummitsRequest other_filter = next;
  other_filter.set_sector("sectors/trade");
  v1::ListSummitsRequest tampered = next;
  tampered.set_page_token(altered);
  v1::ListSummitsRequest garbage = energy;
  garbage.set_page_token("not-a-token");
  v1::ListSummitsRequest other_view = next;
  other_view.set_view(v1::SUMMIT_VIEW_FULL);
  for (const v1::ListSummitsRequest& bad :
       {other_filter, tampered, garbage, other_view}) {
    v1::ListSummitsResponse response;
    grpc::Status status = Call(&v1::QueryService::Stub::ListSummits, bad, &response);
    EXPECT_EQ(status.error_code(), grpc::StatusCode::INVALID_ARGUMENT)
        << bad.ShortDebugString();
    EXPECT_THAT(status.error_message(), HasSubstr("page_token: "));
  }

  v1::ListSummitsRequest negative;
  negative.set_page_size(-1);
  v1::ListSummitsResponse response;
  grpc::Status status = Call(&v1::QueryService::Stub::ListSummits, negative, &response);
  EXPECT_EQ(status.error_code(), grpc::StatusCode::INVALID_ARGUMENT);
  EXPECT_THAT(status.error_message(), HasSubstr("page_size: -1 is negative"));

  v1::ListSummitsRequest backwards;
  backwards.mutable_start_date()->set_year(2026);
  backwards.mutable_end_date()->set_year(2025);
  status = Call(&v1::QueryService::Stub::ListSummits, backwards, &response);
  EXPECT_EQ(status.error_code(), grpc::StatusCode::INVALID_ARGUMENT);
  EXPECT_EQ(status.error_message(), "end_date: is before start_date");

  v1::ListSummitsRequest malformed_sector;
  malformed_sector.set_sector("sector/energy");
  status = Call(&v1::QueryService::Stub::ListSummits, malformed_sector, &response);
  EXPECT_EQ(status.error_code(), grpc::StatusCode::INVALID_ARGUMENT);
  EXPECT_THAT(status.error_message(), HasSubstr("sector: \"sector/energy\""));
}

TEST_F(QueryE2eTest, ParticipantsListByCountryAndBySummitInNameOrder) {
  v1::ListParticipantsRequest chinese;
  chinese.set_country_code("CHN");
  chinese.set_page_size(1);
  std::vector<std::string> names;
  v1::ListParticipantsResponse page;
  do {
    ASSERT_TRUE(Call(&v1::QueryService::Stub::ListParticipants, chinese, &page).ok());
    for (const v1::Participant& p : page.participants()) {
      EXPECT_EQ(p.country_code(), "CHN");
      names.push_back(p.name());
      if (p.name() == "participants/xi-jinping") {
        EXPECT_GE(p.summit_count(), 2);
        EXPECT_EQ(DateKey(p.last_seen()) >= 20260117, true);
      }
    }
    chinese.set_page_token(page.next_page_token());
  } while (!page.next_page_token().empty());
  EXPECT_THAT(names, Contains("participants/xi-jinping"));
  EXPECT_TRUE(std::is_sorted(names.begin(), names.end()));
  EXPECT_EQ(std::set<std::string>(names.begin(), names.end()).size(), names.size());

  v1::ListParticipantsRequest seed;
  seed.set_summit(kSeedSummit);
  ASSERT_TRUE(Call(&v1::QueryService::Stub::ListParticipants, seed, &page).ok());
  ASSERT_EQ(page.participants_size(), 2);
  EXPECT_EQ(page.participants(0).name(), "participants/mark-carney");
  EXPECT_EQ(page.participants(0).display_name(), "Mark Carney");
  EXPECT_EQ(page.participants(1).name(), "participants/xi-jinping");
  EXPECT_THAT(page.next_page_token(), IsEmpty());

}

// The QueryService rule: a Get of a missing resource is NOT_FOUND; a List
// filter naming nothing stored is an empty page; a malformed one is
// INVALID_ARGUMENT naming the field.
TEST_F(QueryE2eTest, UnknownReferencesFollowOneRuleEverywhere) {
  v1::ListSummitsRequest summits;
  v1::ListSummitsResponse summit_page;
  for (auto filter : std::vector<std::function<void(v1::ListSummitsRequest*)>>{
           [](auto* r) { r->set_participant("participants/nobody-we-know"); },
           [](auto* r) { r->set_sector("sectors/knitting"); },
           [](auto* r) { r->set_country_code("ISL"); }}) {
    v1::ListSummitsRequest filtered;
    filter(&filtered);
    const grpc::Status status =
        Call(&v1::QueryService::Stub::ListSummits, filtered, &summit_page);
    EXPECT_TRUE(status.ok()) << filtered.ShortDebugString() << ": " << status.error_message();
    EXPECT_THAT(summit_page.summits(), IsEmpty()) << filtered.ShortDebugString();
    EXPECT_THAT(summit_page.next_page_token(), IsEmpty());
  }

  v1::ListParticipantsRequest participants;
  participants.set_summit("summits/1999-01-01-nowhere");
  v1::ListParticipantsResponse participant_page;
  ASSERT_TRUE(
      Call(&v1::QueryService::Stub::ListParticipants, participants, &participant_page)
          .ok());
  EXPECT_THAT(participant_page.participants(), IsEmpty());

  v1::ListSectorsRequest sectors;
  sectors.set_summit("summits/1999-01-01-nowhere");
  v1::ListSectorsResponse sector_page;
  ASSERT_TRUE(Call(&v1::QueryService::Stub::ListSectors, sectors, &sector_page).ok());
  EXPECT_THAT(sector_page.sectors(), IsEmpty());

  v1::GetTradeStatisticsRequest trade;
  trade.set_reporter_code("CHN");
  trade.set_partner_code("CAN");
  v1::GetTradeStatisticsResponse statistics;
  for (const char* sector : {"sectors/knitting", "sectors/culture"}) {
    trade.set_sector(sector);
    ASSERT_TRUE(Call(&v1::QueryService::Stub::GetTradeStatistics, trade, &statistics).ok())
        << sector;
    EXPECT_THAT(statistics.series(), IsEmpty()) << sector;
    EXPECT_THAT(statistics.top_commodities(), IsEmpty()) << sector;
    EXPECT_THAT(statistics.stated_amounts(), Not(IsEmpty())) << sector;
  }

  // Malformed references and lower-case codes are refused, with a hint.
  participants.set_summit("meetings/1");
  grpc::Status status =
      Call(&v1::QueryService::Stub::ListParticipants, participants, &participant_page);
  EXPECT_EQ(status.error_code(), grpc::StatusCode::INVALID_ARGUMENT);
  EXPECT_THAT(status.error_message(), HasSubstr("summit: \"meetings/1\""));
  v1::ListSummitsRequest lower;
  lower.set_country_code("can");
  status = Call(&v1::QueryService::Stub::ListSummits, lower, &summit_page);
  EXPECT_EQ(status.error_code(), grpc::StatusCode::INVALID_ARGUMENT);
  EXPECT_EQ(status.error_message(),
            "country_code: \"can\" is not an ISO 3166-1 alpha-3 code: codes are upper "
            "case, use \"CAN\"");

  v1::Summit summit;
  v1::GetSummitRequest get;
  get.set_name("summits/1999-01-01-nowhere");
  status = Call(&v1::QueryService::Stub::GetSummit, get, &summit);
  EXPECT_EQ(status.error_code(), grpc::StatusCode::NOT_FOUND);
  EXPECT_THAT(status.error_message(), HasSubstr("summits/1999-01-01-nowhere"));
}

TEST_F(QueryE2eTest, OnePersonUnderTwoSpellingsIsOneParticipant) {
  // Two reports name Japan's prime minister in the two orders of his name;
  // the extractor links both to one Wikidata id, so one participant.
  const std::pair<const char*, const char*> reports[] = {
      {"e2e-kishida-tokyo",
       "Japanese Prime Minister Fumio Kishida met South Korean President Yoon Suk Yeol "
       "in Tokyo on March 16, 2023, and the two leaders agreed to resume shuttle "
       "diplomacy.\n"},
      {"e2e-kishida-hiroshima",
       "Prime Minister Kishida Fumio held talks with Australian Prime Minister Anthony "
       "Albanese in Hiroshima on May 20, 2023, on energy and critical minerals.\n"}};
  for (const auto& [source_id, text] : reports) {
    v1::IngestArticleRequest ingest;
    ingest.mutable_article()->set_source_id(source_id);
    ingest.mutable_article()->set_text(text);
    grpc::ClientContext context;
    v1::IngestArticleResponse response;
    ASSERT_TRUE(ingest_stub_->IngestArticle(&context, ingest, &response).ok());
    ASSERT_TRUE(response.has_summit()) << source_id;
  }
  // Japan's participants besides those of the samples (Takaichi).
  v1::ListParticipantsRequest japanese;
  japanese.set_country_code("JPN");
  std::vector<v1::Participant> found;
  const absl::Time deadline = absl::Now() + absl::Seconds(5);
  while (absl::Now() < deadline) {
    v1::ListParticipantsResponse page;
    ASSERT_TRUE(Call(&v1::QueryService::Stub::ListParticipants, japanese, &page).ok());
    found.clear();
    for (const v1::Participant& p : page.participants()) {
      if (p.name() != "participants/sanae-takaichi") found.push_back(p);
    }
    if (found.size() == 1 && found[0].summit_count() == 2) break;
  }
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(found[0].name(), "participants/fumio-kishida");
  EXPECT_EQ(found[0].display_name(), "Fumio Kishida");
  EXPECT_EQ(found[0].wikidata_id(), "Q359480");
  EXPECT_EQ(found[0].summit_count(), 2);
  EXPECT_THAT(found[0].aliases(), Contains("Prime Minister Kishida Fumio"));
  EXPECT_THAT(found[0].titles(), ElementsAre("Prime Minister"));
}

TEST_F(QueryE2eTest, SectorsListTheTaxonomyWithCountsThatMatchTheSummitLists) {
  v1::ListSectorsRequest request;
  v1::ListSectorsResponse all;
  ASSERT_TRUE(Call(&v1::QueryService::Stub::ListSectors, request, &all).ok());
  ASSERT_GE(all.sectors_size(), 10);
  std::vector<std::string> names;
  for (const v1::Sector& sector : all.sectors()) {
    names.push_back(sector.name());
    v1::ListSummitsRequest touched;
    touched.set_sector(sector.name());
    EXPECT_EQ(sector.summit_count(), static_cast<int>(AllSummits(touched).size()))
        << sector.name();
  }
  EXPECT_TRUE(std::is_sorted(names.begin(), names.end()));
  EXPECT_THAT(names, AllOf(Contains("sectors/energy"), Contains("sectors/agriculture")));

  request.set_summit(kSeedSummit);
  v1::ListSectorsResponse seed;
  ASSERT_TRUE(Call(&v1::QueryService::Stub::ListSectors, request, &seed).ok());
  std::vector<std::string> seed_sectors;
  for (const v1::Sector& sector : seed.sectors()) {
    seed_sectors.push_back(sector.name());
    EXPECT_EQ(sector.summit_count(), 1);
  }
  EXPECT_THAT(seed_sectors, AllOf(Contains("sectors/trade"), Contains("sectors/energy"),
                                  Contains("sectors/agriculture")));

  v1::ListSectorsRequest pair;
  pair.add_country_codes("CAN");
  pair.add_country_codes("CHN");
  v1::ListSectorsResponse pair_sectors;
  ASSERT_TRUE(Call(&v1::QueryService::Stub::ListSectors, pair, &pair_sectors).ok());
  EXPECT_EQ(pair_sectors.sectors_size(), seed.sectors_size());

  pair.add_country_codes("MEX");
  grpc::Status status = Call(&v1::QueryService::Stub::ListSectors, pair, &pair_sectors);
  EXPECT_EQ(status.error_code(), grpc::StatusCode::INVALID_ARGUMENT);
  EXPECT_THAT(status.error_message(), HasSubstr("country_codes: has 3 codes"));
}

TEST_F(QueryE2eTest, TradeStatisticsSumTheTotalsWithBalanceGrowthAndStatedAmounts) {
  v1::GetTradeStatisticsRequest request;
  request.set_reporter_code("CHN");
  request.set_partner_code("CAN");
  request.set_start_year(2020);
  request.set_end_year(2025);
  v1::GetTradeStatisticsResponse response;
  ASSERT_TRUE(Call(&v1::QueryService::Stub::GetTradeStatistics, request, &response).ok());
  ASSERT_EQ(response.series_size(), 2);  // The sample has no re-exports.
  int64_t balance = 0;
  for (const auto& [series, expected] :
       {std::pair(&response.series(0), &kChnCanExports),
        std::pair(&response.series(1), &kChnCanImports)}) {
    ASSERT_EQ(series->years_size(), 6);
    int64_t total = 0;
    for (int i = 0; i < 6; ++i) {
      const v1::TradeYearValue& point = series->years(i);
      EXPECT_EQ(point.year(), 2020 + i);
      EXPECT_EQ(point.value_usd_cents(), (*expected)[i]);
      total += (*expected)[i];
      if (i == 0) {
        EXPECT_FALSE(point.has_growth());  // 2019 is outside the years asked.
      } else {
        EXPECT_DOUBLE_EQ(point.growth(),
                         static_cast<double>((*expected)[i] - (*expected)[i - 1]) /
                             static_cast<double>((*expected)[i - 1]));
      }
    }
    EXPECT_EQ(series->total_usd_cents(), total);
    balance += series->direction() == v1::TRADE_FLOW_DIRECTION_EXPORT ? total : -total;
  }
  EXPECT_EQ(response.series(0).direction(), v1::TRADE_FLOW_DIRECTION_EXPORT);
  EXPECT_EQ(response.total_balance_usd_cents(), balance);
  ASSERT_EQ(response.balance_size(), 6);
  EXPECT_EQ(response.balance(5).balance_usd_cents(),
            kChnCanExports[5] - kChnCanImports[5]);
  EXPECT_THAT(response.top_commodities(), IsEmpty());
  ASSERT_FALSE(response.stated_amounts().empty());
  EXPECT_EQ(response.stated_amounts(0).summit(), kSeedSummit);
  EXPECT_EQ(response.stated_amounts(0).amount().value(), 125);

  // A sector selects its HS chapters; chapter 27 is not counted twice with
  // its heading 2701, and asking for both codes gives the same sums.
  v1::GetTradeStatisticsRequest energy = request;
  energy.set_sector("sectors/energy");
  energy.add_directions(v1::TRADE_FLOW_DIRECTION_EXPORT);
  v1::GetTradeStatisticsRequest fuels = request;
  fuels.add_commodity_codes("2701");
  fuels.add_commodity_codes("27");
  fuels.add_directions(v1::TRADE_FLOW_DIRECTION_EXPORT);
  for (const v1::GetTradeStatisticsRequest& by_code : {energy, fuels}) {
    ASSERT_TRUE(
        Call(&v1::QueryService::Stub::GetTradeStatistics, by_code, &response).ok());
    ASSERT_EQ(response.series_size(), 1);
    for (int i = 0; i < 6; ++i) {
      EXPECT_EQ(response.series(0).years(i).value_usd_cents(), kChnCanFuelExports[i]);
    }
    EXPECT_THAT(response.balance(), IsEmpty());  // Imports were not asked for.
    ASSERT_EQ(response.top_commodities_size(), 1);
    EXPECT_EQ(response.top_commodities(0).commodity_code(), "27");
  }
  // Ranked at 4 digits, the chapter's heading counts on its own (from the
  // stored roll-up): the sample's 2701 exports of 2020..2025.
  energy.set_top_commodities_digits(4);
  ASSERT_TRUE(Call(&v1::QueryService::Stub::GetTradeStatistics, energy, &response).ok());
  ASSERT_EQ(response.top_commodities_size(), 1);
  EXPECT_EQ(response.top_commodities(0).commodity_code(), "2701");
  EXPECT_THAT(response.top_commodities(0).commodity_description(), HasSubstr("Coal"));
  EXPECT_EQ(response.top_commodities(0).value_usd_cents(), 22570015358);
  EXPECT_EQ(response.series(0).years(0).value_usd_cents(), kChnCanFuelExports[0]);

  struct Bad {
    std::string field;
    std::function<void(v1::GetTradeStatisticsRequest*)> spoil;
  };
  for (const Bad& bad : std::vector<Bad>{
           {"reporter_code: \"W00\"", [](auto* r) { r->set_reporter_code("W00"); }},
           {"partner_code: \"XYZ\"", [](auto* r) { r->set_partner_code("XYZ"); }},
           {"reporter_code: \"chn\" is not an ISO 3166-1 alpha-3 code: codes are upper "
            "case, use \"CHN\"",
            [](auto* r) { r->set_reporter_code("chn"); }},
           {"sector: is set together with commodity_codes",
            [](auto* r) {
              r->set_sector("sectors/energy");
              r->add_commodity_codes("27");
            }},
           {"commodity_codes[0]: \"270\"",
            [](auto* r) { r->add_commodity_codes("270"); }},
           {"end_year: 2019 is before start_year 2020",
            [](auto* r) { r->set_end_year(2019); }},
           {"directions[0]: TRADE_FLOW_DIRECTION_UNSPECIFIED is not a direction; use "
            "TRADE_FLOW_DIRECTION_EXPORT",
            [](auto* r) { r->add_directions(v1::TRADE_FLOW_DIRECTION_UNSPECIFIED); }},
           {"top_commodities_digits: 3 is not 2, 4 or 6",
            [](auto* r) { r->set_top_commodities_digits(3); }},
           {"top_commodities_digits: 2 is shorter than commodity code 2701",
            [](auto* r) {
              r->add_commodity_codes("2701");
              r->set_top_commodities_digits(2);
            }},
       }) {
    v1::GetTradeStatisticsRequest spoiled = request;
    bad.spoil(&spoiled);
    grpc::Status status =
        Call(&v1::QueryService::Stub::GetTradeStatistics, spoiled, &response);
    EXPECT_EQ(status.error_code(), grpc::StatusCode::INVALID_ARGUMENT) << bad.field;
    EXPECT_THAT(status.error_message(), HasSubstr(bad.field));
  }
}

// A stored row's key, as ListTradeFlows orders them.
std::tuple<std::string, std::string, int, std::string, int, int> RowKey(
    const v1::TradeFlow& row) {
  return {row.reporter_code(), row.partner_code(), row.direction(), row.commodity_code(),
          row.year(), row.month()};
}

TEST_F(QueryE2eTest, ListTradeFlowsReturnsEveryColumnOfEveryRowAsLoaded) {
  // The sample CSV as summitctl read it, a later row with a key replacing
  // an earlier one as the store does.
  const std::string csv =
      absl::StrCat(SUMMIT_SOURCE_DIR, "/samples/trade/china_canada_sample.csv");
  std::map<std::tuple<std::string, std::string, int, std::string, int, int>,
           v1::TradeFlow>
      loaded;
  CsvCallbacks callbacks;
  callbacks.row = [&](int64_t, v1::TradeFlow flow) { loaded[RowKey(flow)] = flow; };
  callbacks.problem = [](const CsvProblem& problem) {
    ADD_FAILURE() << problem.line << ": " << problem.reason;
  };
  ASSERT_TRUE(ReadComtradeCsv(csv, "china_canada_sample.csv", callbacks).ok());
  ASSERT_GT(loaded.size(), 100u);

  v1::ListTradeFlowsRequest all;
  all.set_page_size(40);
  int pages = 0;
  const std::vector<v1::TradeFlow> rows = AllTradeFlows(all, &pages);
  ASSERT_EQ(rows.size(), loaded.size());
  EXPECT_EQ(pages, static_cast<int>((loaded.size() + 39) / 40));
  auto expected = loaded.begin();
  for (const v1::TradeFlow& row : rows) {
    // Key order, every column as read from the CSV, and the sector the
    // ingest service derives from the HS chapter.
    v1::TradeFlow without_sector = row;
    without_sector.clear_sector();
    EXPECT_TRUE(google::protobuf::util::MessageDifferencer::Equals(without_sector,
                                                                   expected->second))
        << row.ShortDebugString() << "\nloaded: " << expected->second.ShortDebugString();
    if (row.commodity_code() == "TOTAL") {
      EXPECT_THAT(row.sector(), IsEmpty());
    } else if (row.commodity_code().rfind("27", 0) == 0) {
      EXPECT_EQ(row.sector(), "sectors/energy");
    }
    ++expected;
  }

  // The CSV's first data row, field by field as written in the file.
  v1::ListTradeFlowsRequest fuel;
  fuel.set_reporter_code("CHN");
  fuel.set_partner_code("CAN");
  fuel.add_directions(v1::TRADE_FLOW_DIRECTION_EXPORT);
  fuel.add_commodity_codes("27");
  fuel.set_start_year(2019);
  fuel.set_end_year(2019);
  fuel.set_month(0);
  const std::vector<v1::TradeFlow> fuel_rows = AllTradeFlows(fuel);
  ASSERT_EQ(fuel_rows.size(), 2u);  // The chapter, then its heading 2701.
  EXPECT_EQ(fuel_rows[1].commodity_code(), "2701");
  const v1::TradeFlow& first = fuel_rows[0];
  EXPECT_EQ(first.commodity_code(), "27");
  EXPECT_EQ(first.commodity_description(),
            "Mineral fuels, mineral oils and products of their distillation");
  EXPECT_EQ(first.value_usd_cents(), 40543816684);
  EXPECT_EQ(first.net_weight_kg(), 108896617);
  EXPECT_EQ(first.quantity(), 108896617);
  EXPECT_EQ(first.quantity_unit(), "kg");
  EXPECT_EQ(first.source(), "china_canada_sample.csv");
  EXPECT_EQ(first.sector(), "sectors/energy");
  EXPECT_EQ(first.month(), 0);

  // Filters that match nothing answer an empty page; bad ones are named.
  v1::ListTradeFlowsRequest nothing;
  nothing.set_reporter_code("ISL");
  EXPECT_THAT(AllTradeFlows(nothing), IsEmpty());
  struct Bad {
    std::string message;
    std::function<void(v1::ListTradeFlowsRequest*)> spoil;
  };
  for (const Bad& bad : std::vector<Bad>{
           {"reporter_code: \"chn\" is not an ISO 3166-1 alpha-3 code: codes are upper "
            "case, use \"CHN\"",
            [](auto* r) { r->set_reporter_code("chn"); }},
           {"month: 13 is not within 0..12", [](auto* r) { r->set_month(13); }},
           {"commodity_codes[0]: \"2\"", [](auto* r) { r->add_commodity_codes("2"); }},
           {"directions[0]: 9 is not a direction",
            [](auto* r) { r->add_directions(static_cast<v1::TradeFlowDirection>(9)); }},
           {"page_token", [](auto* r) { r->set_page_token("bm90IGEgdG9rZW4"); }},
       }) {
    v1::ListTradeFlowsRequest spoiled;
    bad.spoil(&spoiled);
    v1::ListTradeFlowsResponse response;
    const grpc::Status status =
        Call(&v1::QueryService::Stub::ListTradeFlows, spoiled, &response);
    EXPECT_EQ(status.error_code(), grpc::StatusCode::INVALID_ARGUMENT) << bad.message;
    EXPECT_THAT(status.error_message(), HasSubstr(bad.message));
  }
}

TEST_F(QueryE2eTest, ListTradeFlowsPagesThroughTenThousandRowsOnceEach) {
  // 2 directions x 100 codes x 50 years of one new pair, in one batch.
  v1::IngestTradeFlowsRequest batch;
  for (int direction : {1, 2}) {
    for (int code = 0; code < 100; ++code) {
      for (int year = 1950; year < 2000; ++year) {
        v1::TradeFlow* row = batch.add_flows();
        row->set_reporter_code("USA");
        row->set_partner_code("MEX");
        row->set_direction(static_cast<v1::TradeFlowDirection>(direction));
        row->set_commodity_code(absl::StrCat(1000 + code * 7));
        row->set_year(year);
        row->set_value_usd_cents(year * 100 + code);
      }
    }
  }
  ASSERT_EQ(batch.flows_size(), 10000);
  {
    grpc::ClientContext context;
    v1::IngestTradeFlowsResponse response;
    auto writer = ingest_stub_->IngestTradeFlows(&context, &response);
    ASSERT_TRUE(writer->Write(batch));
    ASSERT_TRUE(writer->WritesDone());
    ASSERT_TRUE(writer->Finish().ok());
    ASSERT_EQ(response.accepted_count(), 10000);
  }
  v1::ListTradeFlowsRequest pair;
  pair.set_reporter_code("USA");
  pair.set_page_size(1000);
  std::vector<v1::TradeFlow> rows;
  const absl::Time deadline = absl::Now() + absl::Seconds(5);
  int pages = 0;
  while (rows.empty() && absl::Now() < deadline) rows = AllTradeFlows(pair, &pages);
  ASSERT_EQ(rows.size(), 10000u);
  EXPECT_EQ(pages, 10);
  std::set<std::tuple<std::string, std::string, int, std::string, int, int>> keys;
  for (size_t i = 0; i < rows.size(); ++i) {
    keys.insert(RowKey(rows[i]));
    if (i > 0) {
      EXPECT_LT(RowKey(rows[i - 1]), RowKey(rows[i])) << i;
    }
  }
  EXPECT_EQ(keys.size(), 10000u);

  // Month 5 matches none of the 10,308 annual rows (these and the sample
  // CSV's): a page reads at most 10,000 keys, so the first comes back empty
  // with a token, and the listing still ends.
  v1::ListTradeFlowsRequest may;
  may.set_month(5);
  v1::ListTradeFlowsResponse first;
  ASSERT_TRUE(Call(&v1::QueryService::Stub::ListTradeFlows, may, &first).ok());
  EXPECT_THAT(first.trade_flows(), IsEmpty());
  EXPECT_THAT(first.next_page_token(), Not(IsEmpty()));
  EXPECT_THAT(AllTradeFlows(may, &pages), IsEmpty());
  EXPECT_EQ(pages, 2);
}

TEST_F(QueryE2eTest, TheBilateralOverviewLinksTimelineAgreementsAndSectorTrade) {
  v1::GetBilateralOverviewRequest request;
  request.add_country_codes("CHN");
  request.add_country_codes("CAN");
  request.set_start_year(2020);
  v1::GetBilateralOverviewResponse overview;
  ASSERT_TRUE(
      Call(&v1::QueryService::Stub::GetBilateralOverview, request, &overview).ok());
  EXPECT_THAT(overview.country_codes(), ElementsAre("CHN", "CAN"));

  bool seed_entry = false;
  for (int i = 0; i < overview.timeline_size(); ++i) {
    const v1::TimelineEntry& entry = overview.timeline(i);
    EXPECT_EQ(entry.summit(), kSeedSummit);
    if (i > 0) EXPECT_LE(DateKey(overview.timeline(i - 1).date()), DateKey(entry.date()));
    if (entry.has_summit_title()) {
      seed_entry = true;
      EXPECT_EQ(DateKey(entry.date()), 20260117);
      EXPECT_THAT(entry.summit_title(), HasSubstr("Beijing"));
    }
  }
  EXPECT_TRUE(seed_entry);

  ASSERT_FALSE(overview.agreements_by_sector().empty());
  std::vector<std::string> sectors;
  for (const v1::SectorAgreements& group : overview.agreements_by_sector()) {
    sectors.push_back(group.sector());
    for (const v1::AgreementRef& ref : group.agreements()) {
      EXPECT_EQ(ref.summit(), kSeedSummit);
      EXPECT_THAT(ref.agreement().sectors(), Contains(group.sector()));
    }
  }
  EXPECT_TRUE(std::is_sorted(sectors.begin(), sectors.end()));

  // Each sector's trade equals GetTradeStatistics for that sector.
  ASSERT_FALSE(overview.sector_trade().empty());
  for (const v1::SectorTrade& trade : overview.sector_trade()) {
    EXPECT_THAT(sectors, Contains(trade.sector()));
    EXPECT_THAT(trade.hs_chapters(), Not(IsEmpty()));
    v1::GetTradeStatisticsRequest same;
    same.set_reporter_code("CHN");
    same.set_partner_code("CAN");
    same.set_sector(trade.sector());
    same.set_start_year(2020);
    v1::GetTradeStatisticsResponse statistics;
    ASSERT_TRUE(
        Call(&v1::QueryService::Stub::GetTradeStatistics, same, &statistics).ok());
    ASSERT_EQ(trade.series_size(), statistics.series_size()) << trade.sector();
    for (int i = 0; i < trade.series_size(); ++i) {
      EXPECT_EQ(trade.series(i).total_usd_cents(),
                statistics.series(i).total_usd_cents());
    }
    EXPECT_EQ(trade.total_balance_usd_cents(), statistics.total_balance_usd_cents());
  }

  request.add_country_codes("USA");
  grpc::Status status =
      Call(&v1::QueryService::Stub::GetBilateralOverview, request, &overview);
  EXPECT_EQ(status.error_code(), grpc::StatusCode::INVALID_ARGUMENT);
  EXPECT_THAT(status.error_message(), HasSubstr("country_codes: has 3 codes"));
}

TEST_F(QueryE2eTest, ANewReportAndNewRecordsAppearInTheListsWithinASecond) {
  // A report nobody loaded before, ingested while the query service runs.
  v1::IngestArticleRequest ingest;
  ingest.mutable_article()->set_source_id("e2e-ottawa-2027");
  ingest.mutable_article()->set_text(
      "Canadian Prime Minister Mark Carney hosted Norwegian Prime Minister Jonas Gahr "
      "Store in Ottawa on February 3, 2027, for talks on energy cooperation and Arctic "
      "security.\nThe two leaders signed a memorandum of understanding on offshore wind "
      "energy and agreed to expand trade in seafood.\n");
  {
    grpc::ClientContext context;
    v1::IngestArticleResponse response;
    ASSERT_TRUE(ingest_stub_->IngestArticle(&context, ingest, &response).ok());
    ASSERT_EQ(response.summit().name(), "summits/2027-02-03-ottawa-can-nor");
  }
  const absl::Time ingested = absl::Now();
  v1::ListSummitsRequest norway;
  norway.set_country_code("NOR");
  norway.set_sector("sectors/energy");
  std::vector<v1::Summit> found;
  while (found.empty() && absl::Now() - ingested < absl::Seconds(5)) {
    found = AllSummits(norway);
  }
  EXPECT_LT(absl::Now() - ingested, absl::Seconds(1));
  ASSERT_THAT(Names(found), ElementsAre("summits/2027-02-03-ottawa-can-nor"));
  EXPECT_EQ(found[0].location().city(), "Ottawa");
  EXPECT_EQ(found[0].agreement_count(), 1);  // The list's BASIC view counts them.

  // Freshness over many writes: each upsert is acknowledged, then polled.
  // The writes are spread over the catch-up interval, not each made just
  // after a catch-up.
  std::vector<absl::Duration> lags;
  for (int day = 1; day <= 50; ++day) {
    absl::SleepFor(absl::Milliseconds(day * 37 % 100));
    v1::UpsertSummitRequest upsert;
    v1::Summit* summit = upsert.mutable_summit();
    summit->set_name(absl::StrCat("summits/2027-03-", day, "-oslo-can-nor"));
    summit->set_title("Carney and Store meet in Oslo");
    summit->mutable_date()->set_year(2027);
    summit->mutable_date()->set_month(3 + (day - 1) / 25);
    summit->mutable_date()->set_day(1 + (day - 1) % 25);
    for (const auto& [id, country] :
         {std::pair("mark-carney", "CAN"), std::pair("jonas-gahr-store", "NOR")}) {
      v1::SummitParticipant* p = summit->add_participants();
      p->set_participant(absl::StrCat("participants/", id));
      p->set_country_code(country);
    }
    summit->add_sectors()->set_sector("sectors/energy");
    grpc::ClientContext context;
    v1::UpsertSummitResponse unused;
    ASSERT_TRUE(ingest_stub_->UpsertSummit(&context, upsert, &unused).ok());
    const absl::Time acknowledged = absl::Now();
    v1::ListSummitsRequest list = norway;
    list.mutable_start_date()->set_year(2027);
    list.mutable_start_date()->set_month(3);
    list.set_page_size(1000);
    while (static_cast<int>(AllSummits(list).size()) < day &&
           absl::Now() - acknowledged < absl::Seconds(5)) {
    }
    lags.push_back(absl::Now() - acknowledged);
  }
  std::sort(lags.begin(), lags.end());
  std::cout << "freshness over " << lags.size() << " upserts: p50 "
            << lags[lags.size() / 2] << ", p99 " << lags[lags.size() * 99 / 100]
            << ", max " << lags.back() << "\n";
  EXPECT_LT(lags.back(), absl::Seconds(1));
}

// A grpcurl user's view: buf curl with no .proto files, through reflection.
TEST_F(QueryE2eTest, BufCurlAnswersTheMainQuestionsThroughReflection) {
  auto curl = [&](const std::string& method, const std::string& body) {
    testing::CommandResult result = testing::RunCommand(
        {SUMMIT_BUF_BIN, "curl", "--protocol", "grpc", "--http2-prior-knowledge", "-d",
         body,
         absl::StrCat("http://", QueryAddress(), "/summit.v1.QueryService/", method)});
    EXPECT_EQ(result.exit_code, 0) << result.output;
    return result.output;
  };
  EXPECT_THAT(
      curl("ListParticipants", absl::StrCat("{\"summit\":\"", kSeedSummit, "\"}")),
      AllOf(HasSubstr("\"displayName\": \"Xi Jinping\""),
            HasSubstr("\"displayName\": \"Mark Carney\"")));
  EXPECT_THAT(curl("ListSummits", R"({"sector":"sectors/energy","countryCode":"CAN"})"),
              AllOf(HasSubstr(absl::StrCat("\"name\": \"", kSeedSummit, "\"")),
                    HasSubstr("\"name\": \"summits/2026-05-25-call-can-mex\"")));
  EXPECT_THAT(
      curl(
          "GetTradeStatistics",
          R"({"reporterCode":"CHN","partnerCode":"CAN","startYear":2020,"endYear":2025})"),
      AllOf(HasSubstr("\"valueUsdCents\": \"6433046480669\""),
            HasSubstr(absl::StrCat(
                "\"totalBalanceUsdCents\": \"",
                [] {
                  int64_t sum = 0;
                  for (int i = 0; i < 6; ++i)
                    sum += kChnCanExports[i] - kChnCanImports[i];
                  return sum;
                }(),
                "\"")),
            HasSubstr("\"counted\": \"Canadian companies\"")));
  EXPECT_THAT(
      curl("GetBilateralOverview", R"({"countryCodes":["CHN","CAN"]})"),
      AllOf(HasSubstr("\"summitTitle\": \"Mark Carney and Xi Jinping meet in Beijing\""),
            HasSubstr("\"sector\": \"sectors/energy\""), HasSubstr("\"hsChapters\": [")));
  EXPECT_THAT(curl("ListSectors", "{}"), HasSubstr("\"name\": \"sectors/agriculture\""));
}

// Another language from the contract alone: Python stubs that protoc and
// Debian's grpc_python_plugin generate from proto/ now, and a client over
// them (tests/e2e/python_client.py).
TEST_F(QueryE2eTest, APythonClientFromTheProtosAloneGetsTheSameAnswers) {
  const std::string stubs = dir_.Sub("python");
  std::filesystem::create_directories(stubs);
  const std::string proto_dir = absl::StrCat(SUMMIT_SOURCE_DIR, "/proto");
  testing::CommandResult generated = testing::RunCommand(
      {SUMMIT_PROTOC_BIN, "-I", proto_dir, "--python_out=" + stubs, "--grpc_out=" + stubs,
       "--plugin=protoc-gen-grpc=/usr/bin/grpc_python_plugin",
       proto_dir + "/summit/v1/resources.proto",
       proto_dir + "/summit/v1/query_service.proto"});
  ASSERT_EQ(generated.exit_code, 0) << generated.output;
  testing::CommandResult client = testing::RunCommand(
      {"/usr/bin/python3", absl::StrCat(SUMMIT_SOURCE_DIR, "/tests/e2e/python_client.py"),
       stubs, QueryAddress()});
  EXPECT_EQ(client.exit_code, 0) << client.output;
  EXPECT_THAT(
      client.output,
      AllOf(HasSubstr("ok: GetSummit: the seed summit's participants"),
            HasSubstr("ok: GetTradeStatistics: 2025 exports are 6433046480669 cents"),
            HasSubstr("ok: GetSummit of a missing summit is NOT_FOUND")));
}

// The README's "Questions and answers": each sh block runs against this
// pair, and every line of the json block after it (but "...") must be a
// line of the answer, so the tour cannot drift from the service.
TEST_F(QueryE2eTest, TheReadmeTourAnswersWhatTheReadmeShows) {
  const std::string readme =
      testing::ReadFile(absl::StrCat(SUMMIT_SOURCE_DIR, "/README.md"));
  const size_t start = readme.find("### Questions and answers");
  ASSERT_NE(start, std::string::npos);
  const std::string section = readme.substr(start, readme.find("\n## ", start) - start);

  // The fenced blocks in order: (language, text).
  std::vector<std::pair<std::string, std::string>> blocks;
  std::istringstream lines(section);
  std::string line;
  std::optional<std::pair<std::string, std::string>> open;
  while (std::getline(lines, line)) {
    if (line.rfind("```", 0) == 0) {
      if (open) {
        blocks.push_back(*std::move(open));
        open.reset();
      } else {
        open.emplace(line.substr(3), "");
      }
    } else if (open) {
      open->second += line + "\n";
    }
  }
  ASSERT_FALSE(blocks.empty());
  ASSERT_EQ(blocks[0].first, "sh");
  std::string setup = blocks[0].second;  // buf= and q=, on this pair's port.
  setup.replace(setup.find("127.0.0.1:50052"), 15, QueryAddress());

  auto trimmed = [](const std::string& text) {
    std::set<std::string> result;
    std::istringstream stream(text);
    std::string l;
    while (std::getline(stream, l)) {
      result.insert(std::string(absl::StripAsciiWhitespace(l)));
    }
    return result;
  };
  int checked = 0;
  for (size_t i = 1; i + 1 < blocks.size(); ++i) {
    if (blocks[i].first != "sh" || blocks[i + 1].first != "json") continue;
    testing::CommandResult result = testing::RunCommand(
        {"/bin/bash", "-c",
         absl::StrCat("cd '", SUMMIT_SOURCE_DIR, "' && ", setup, blocks[i].second)});
    ASSERT_EQ(result.exit_code, 0) << blocks[i].second << result.output;
    const std::set<std::string> answer = trimmed(result.output);
    for (const std::string& shown : trimmed(blocks[i + 1].second)) {
      if (shown == "...") continue;
      EXPECT_TRUE(answer.count(shown) != 0) << "README shows " << shown << " for\n"
                                            << blocks[i].second;
    }
    ++checked;
  }
  EXPECT_EQ(checked, 6);
}

}  // namespace
}  // namespace summit
