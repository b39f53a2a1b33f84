// Asks summit_query the trade questions of bench/trade_questions.json (the
// questions bench/peers/ asks DuckDB and PostgreSQL) and prints, per
// question, one JSON line in the peers' shape: the first call's latency
// (cold when the server has just started), p50 and p99 of the warm calls,
// and the answer in cents, so that bench/compare_answers.py can check it
// against theirs. Usage:
//
//   trade_questions --addr=HOST:PORT --questions=bench/trade_questions.json
//                   [--runs=200] [--max_seconds=10]
#include <grpcpp/grpcpp.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <fstream>
#include <iostream>
#include <sstream>
#include <string>
#include <vector>

#include "absl/flags/flag.h"
#include "absl/flags/parse.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "absl/strings/strip.h"
#include "google/protobuf/struct.pb.h"
#include "google/protobuf/util/json_util.h"
#include "summit/v1/query_service.grpc.pb.h"

ABSL_FLAG(std::string, addr, "127.0.0.1:50052", "summit_query, host:port");
ABSL_FLAG(std::string, questions, "bench/trade_questions.json", "the questions");
ABSL_FLAG(int, runs, 200, "warm calls per question at most");
ABSL_FLAG(double, max_seconds, 10, "warm calls stop after this long");

namespace {

using google::protobuf::Struct;
using google::protobuf::Value;
using summit::v1::QueryService;

// Comtrade's flow code of a direction, as the peers print it.
std::string FlowCode(summit::v1::TradeFlowDirection flow) {
  return flow == summit::v1::TRADE_FLOW_DIRECTION_EXPORT   ? "X"
         : flow == summit::v1::TRADE_FLOW_DIRECTION_IMPORT ? "M"
                                                           : "?";
}

std::string SeriesJson(
    const google::protobuf::RepeatedPtrField<summit::v1::TradeFlowSeries>& series) {
  std::vector<std::string> points;
  for (const summit::v1::TradeFlowSeries& flow : series) {
    for (const summit::v1::TradeYearValue& year : flow.years()) {
      points.push_back(absl::StrCat(R"({"flow":")", FlowCode(flow.direction()), R"(","year":)",
                                    year.year(), R"(,"cents":")", year.value_usd_cents(),
                                    R"("})"));
    }
  }
  return absl::StrCat("[", absl::StrJoin(points, ","), "]");
}

std::string TopJson(
    const google::protobuf::RepeatedPtrField<summit::v1::CommodityValue>& top) {
  std::vector<std::string> items;
  for (const summit::v1::CommodityValue& item : top) {
    items.push_back(absl::StrCat(R"({"flow":")", FlowCode(item.direction()), R"(","code":")",
                                 item.commodity_code(), R"(","cents":")",
                                 item.value_usd_cents(), R"("})"));
  }
  return absl::StrCat("[", absl::StrJoin(items, ","), "]");
}

// One question: a call to repeat and its answer as JSON.
struct Asked {
  std::function<grpc::Status()> call;
  std::function<std::string()> answer;
};

Asked AskStatistics(QueryService::Stub& stub, const Struct& all, const Struct& question) {
  auto request = std::make_shared<summit::v1::GetTradeStatisticsRequest>();
  auto response = std::make_shared<summit::v1::GetTradeStatisticsResponse>();
  request->set_reporter_code(all.fields().at("reporter").string_value());
  request->set_partner_code(all.fields().at("partner").string_value());
  request->add_directions(summit::v1::TRADE_FLOW_DIRECTION_EXPORT);
  request->add_directions(summit::v1::TRADE_FLOW_DIRECTION_IMPORT);
  request->set_start_year(static_cast<int>(all.fields().at("start_year").number_value()));
  request->set_end_year(static_cast<int>(all.fields().at("end_year").number_value()));
  request->set_top_commodities_limit(
      static_cast<int>(all.fields().at("top_limit").number_value()));
  const auto& fields = question.fields();
  if (fields.count("sector") != 0) {
    request->set_sector(absl::StrCat("sectors/", fields.at("sector").string_value()));
  } else if (fields.count("codes") != 0) {
    for (const Value& code : fields.at("codes").list_value().values()) {
      if (code.string_value() != "TOTAL")
        request->add_commodity_codes(code.string_value());
    }
  }
  if (fields.count("digits") != 0) {
    request->set_top_commodities_digits(
        static_cast<int>(fields.at("digits").number_value()));
  }
  const bool series = fields.count("codes") != 0;
  const bool top = fields.count("top") != 0 && fields.at("top").bool_value();
  return {
      [&stub, request, response] {
        grpc::ClientContext context;
        return stub.GetTradeStatistics(&context, *request, response.get());
      },
      [response, series, top] {
        std::vector<std::string> parts;
        if (series)
          parts.push_back(absl::StrCat(R"("series":)", SeriesJson(response->series())));
        if (top)
          parts.push_back(
              absl::StrCat(R"("top":)", TopJson(response->top_commodities())));
        return absl::StrCat("{", absl::StrJoin(parts, ","), "}");
      }};
}

Asked AskOverview(QueryService::Stub& stub, const Struct& all) {
  auto request = std::make_shared<summit::v1::GetBilateralOverviewRequest>();
  auto response = std::make_shared<summit::v1::GetBilateralOverviewResponse>();
  request->add_country_codes(all.fields().at("reporter").string_value());
  request->add_country_codes(all.fields().at("partner").string_value());
  request->set_start_year(static_cast<int>(all.fields().at("start_year").number_value()));
  request->set_end_year(static_cast<int>(all.fields().at("end_year").number_value()));
  return {[&stub, request, response] {
            grpc::ClientContext context;
            return stub.GetBilateralOverview(&context, *request, response.get());
          },
          [response] {
            std::vector<std::string> sectors;
            for (const summit::v1::SectorTrade& trade : response->sector_trade()) {
              sectors.push_back(
                  absl::StrCat("\"", absl::StripPrefix(trade.sector(), "sectors/"),
                               "\":", SeriesJson(trade.series())));
            }
            return absl::StrCat(R"({"sectors":{)", absl::StrJoin(sectors, ","), "}}");
          }};
}

double Millis(std::chrono::steady_clock::duration elapsed) {
  return std::chrono::duration<double, std::milli>(elapsed).count();
}

// Calls `asked` once (the first, cold call), then warm until --runs or
// --max_seconds; prints the JSON line. False when a call fails.
bool Measure(const std::string& id, const Asked& asked) {
  using Clock = std::chrono::steady_clock;
  auto start = Clock::now();
  grpc::Status status = asked.call();
  const double first = Millis(Clock::now() - start);
  std::vector<double> warm;
  const auto deadline =
      Clock::now() + std::chrono::duration<double>(absl::GetFlag(FLAGS_max_seconds));
  while (status.ok() && static_cast<int>(warm.size()) < absl::GetFlag(FLAGS_runs) &&
         Clock::now() < deadline) {
    start = Clock::now();
    status = asked.call();
    warm.push_back(Millis(Clock::now() - start));
  }
  if (!status.ok()) {
    std::cerr << id << ": " << status.error_code() << " " << status.error_message()
              << "\n";
    return false;
  }
  std::sort(warm.begin(), warm.end());
  const auto at = [&](double q) {
    return warm.empty()
               ? 0
               : warm[std::min(warm.size() - 1, static_cast<size_t>(q * warm.size()))];
  };
  std::printf(
      "{\"tool\":\"summit\",\"question\":\"%s\",\"first_ms\":%.3f,\"p50_ms\":%.3f,"
      "\"p99_ms\":%.3f,\"runs\":%zu,\"answer\":%s}\n",
      id.c_str(), first, at(0.5), at(0.99), warm.size(), asked.answer().c_str());
  std::fflush(stdout);
  return true;
}

}  // namespace

int main(int argc, char** argv) {
  absl::ParseCommandLine(argc, argv);
  std::ifstream in(absl::GetFlag(FLAGS_questions));
  std::stringstream text;
  text << in.rdbuf();
  Struct all;
  if (!in || !google::protobuf::util::JsonStringToMessage(text.str(), &all).ok()) {
    std::cerr << "cannot read " << absl::GetFlag(FLAGS_questions) << "\n";
    return 2;
  }
  auto channel =
      grpc::CreateChannel(absl::GetFlag(FLAGS_addr), grpc::InsecureChannelCredentials());
  std::unique_ptr<QueryService::Stub> stub = QueryService::NewStub(channel);
  bool ok = true;
  for (const Value& entry : all.fields().at("questions").list_value().values()) {
    const Struct& question = entry.struct_value();
    const std::string id = question.fields().at("id").string_value();
    const Asked asked = question.fields().count("sectors") != 0
                            ? AskOverview(*stub, all)
                            : AskStatistics(*stub, all, question);
    ok = Measure(id, asked) && ok;
  }
  return ok ? 0 : 1;
}
