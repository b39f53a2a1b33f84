#include "ingest_service/validation.h"

#include <algorithm>
#include <cmath>
#include <set>

#include "absl/strings/ascii.h"
#include "absl/strings/str_cat.h"
#include "common/field_checks.h"
#include "common/quote.h"
#include "common/resource_names.h"
#include "common/status_macros.h"
#include "common/text_spans.h"

namespace summit::ingest {

using common::CommodityCodeProblem;
using common::CountryCodeProblem;
using common::ForEachTextSpan;
using common::InvalidField;
using common::InvalidUtf8At;
using common::kParticipants;
using common::kSummits;
using common::Quote;
using common::ResourceId;
using common::TradeFlowProblem;
using common::ValidateCountry;
using common::ValidateDate;
using common::ValidateSectorName;
using reference::ReferenceData;

namespace {

std::string Path(absl::string_view field, absl::string_view child) {
  return absl::StrCat(field, ".", child);
}

std::string Path(absl::string_view field, absl::string_view child, int index) {
  return absl::StrCat(field, ".", child, "[", index, "]");
}

absl::Status ValidateSpan(const v1::TextSpan& span, absl::string_view field) {
  if (span.end() < span.start()) return InvalidField(field, "end is before start");
  return absl::OkStatus();
}

absl::Status ValidateLocation(const v1::Location& location, absl::string_view field,
                              const ReferenceData& data) {
  return ValidateCountry(location.country_code(), Path(field, "country_code"), data,
                         false);
}

// "Q" and a number without leading zeros.
bool IsWikidataId(absl::string_view id) {
  return id.size() >= 2 && id.size() <= 12 && id[0] == 'Q' && id[1] != '0' &&
         std::all_of(id.begin() + 1, id.end(),
                     [](char c) { return absl::ascii_isdigit(c); });
}

// `amount.money` (at `field`): in the amount's currency, non-negative, and
// equal to its value up to the double's precision.
absl::Status ValidateMoney(const v1::Amount& amount, absl::string_view field) {
  const v1::Money& money = amount.money();
  if (amount.currency_code().empty()) {
    return InvalidField(field, "is set on an amount without currency_code");
  }
  if (money.currency_code() != amount.currency_code()) {
    return InvalidField(Path(field, "currency_code"),
                        absl::StrCat(Quote(money.currency_code()),
                                     " is not the amount's currency_code ",
                                     Quote(amount.currency_code())));
  }
  if (money.units() < 0 || money.nanos() < 0 || money.nanos() > 999999999) {
    return InvalidField(field, "must have non-negative units and nanos 0..999999999");
  }
  const double exact = static_cast<double>(money.units()) + money.nanos() * 1e-9;
  if (std::abs(exact - amount.value()) > 1e-9 * std::max(1.0, amount.value())) {
    return InvalidField(field, absl::StrCat(money.units(), " units and ", money.nanos(),
                                            " nanos do not equal value ", amount.value()));
  }
  return absl::OkStatus();
}

}  // namespace

absl::Status ValidateArticle(const v1::Article& article, absl::string_view field,
                             const ValidationLimits& limits, bool require_source_id) {
  const std::string& id = article.source_id();
  if (id.empty() && require_source_id)
    return InvalidField(Path(field, "source_id"), "is required");
  if (id.size() > 256)
    return InvalidField(Path(field, "source_id"), "is longer than 256 bytes");
  for (char c : id) {
    if (!(absl::ascii_isalnum(c) || c == '.' || c == '_' || c == ':' || c == '-')) {
      return InvalidField(
          Path(field, "source_id"),
          absl::StrCat(Quote(id), " has characters other than [A-Za-z0-9._:-]"));
    }
  }
  if (article.text().empty()) return InvalidField(Path(field, "text"), "is required");
  if (article.text().size() > limits.max_text_bytes) {
    return InvalidField(Path(field, "text"),
                        absl::StrCat(article.text().size(), " bytes exceed the limit of ",
                                     limits.max_text_bytes));
  }
  if (int64_t at = InvalidUtf8At(article.text()); at >= 0) {
    return InvalidField(Path(field, "text"),
                        absl::StrCat("not valid UTF-8 at byte ", at));
  }
  return ValidateDate(article.published(), Path(field, "published"));
}

absl::Status ValidateSummit(const v1::Summit& summit, absl::string_view field,
                            const ReferenceData& data) {
  RETURN_IF_ERROR(ResourceId(summit.name(), kSummits, Path(field, "name")).status());
  RETURN_IF_ERROR(ValidateDate(summit.date(), Path(field, "date")));
  RETURN_IF_ERROR(ValidateLocation(summit.location(), Path(field, "location"), data));
  std::set<std::string> participants;
  for (int i = 0; i < summit.participants_size(); ++i) {
    const v1::SummitParticipant& p = summit.participants(i);
    const std::string at = Path(field, "participants", i);
    RETURN_IF_ERROR(
        ResourceId(p.participant(), kParticipants, Path(at, "participant")).status());
    if (!participants.insert(p.participant()).second) {
      return InvalidField(Path(at, "participant"),
                          absl::StrCat(Quote(p.participant()), " is listed twice"));
    }
    RETURN_IF_ERROR(
        ValidateCountry(p.country_code(), Path(at, "country_code"), data, true));
    if (!p.wikidata_id().empty() && !IsWikidataId(p.wikidata_id())) {
      return InvalidField(Path(at, "wikidata_id"),
                          absl::StrCat(Quote(p.wikidata_id()),
                                       " is not a Wikidata item id such as \"Q15031\""));
    }
  }
  for (int i = 0; i < summit.sectors_size(); ++i) {
    RETURN_IF_ERROR(ValidateSectorName(summit.sectors(i).sector(),
                                       Path(Path(field, "sectors", i), "sector"), data)
                        .status());
  }
  for (int i = 0; i < summit.agreements_size(); ++i) {
    const v1::Agreement& a = summit.agreements(i);
    const std::string at = Path(field, "agreements", i);
    if (a.count() < 0) return InvalidField(Path(at, "count"), "is negative");
    for (int j = 0; j < a.sectors_size(); ++j) {
      RETURN_IF_ERROR(
          ValidateSectorName(a.sectors(j), Path(at, "sectors", j), data).status());
    }
  }
  for (int i = 0; i < summit.amounts_size(); ++i) {
    const v1::Amount& a = summit.amounts(i);
    const std::string at = Path(field, "amounts", i);
    if (!std::isfinite(a.value()) || a.value() < 0) {
      return InvalidField(Path(at, "value"), "must be finite and non-negative");
    }
    if (!a.currency_code().empty() && !data.IsCurrencyCode(a.currency_code())) {
      return InvalidField(
          Path(at, "currency_code"),
          absl::StrCat(Quote(a.currency_code()), " is not an ISO 4217 code"));
    }
    if (a.has_money()) RETURN_IF_ERROR(ValidateMoney(a, Path(at, "money")));
    RETURN_IF_ERROR(
        ValidateCountry(a.country_code(), Path(at, "country_code"), data, false));
    RETURN_IF_ERROR(ValidateDate(a.date(), Path(at, "date")));
  }
  for (int i = 0; i < summit.related_engagements_size(); ++i) {
    const v1::RelatedEngagement& e = summit.related_engagements(i);
    const std::string at = Path(field, "related_engagements", i);
    if (e.ordinal() < 0) return InvalidField(Path(at, "ordinal"), "is negative");
    RETURN_IF_ERROR(ValidateDate(e.date(), Path(at, "date")));
    RETURN_IF_ERROR(ValidateLocation(e.location(), Path(at, "location"), data));
    for (int j = 0; j < e.country_codes_size(); ++j) {
      RETURN_IF_ERROR(
          ValidateCountry(e.country_codes(j), Path(at, "country_codes", j), data, true));
    }
  }
  for (int i = 0; i < summit.statements_size(); ++i) {
    const std::string& speaker = summit.statements(i).speaker();
    if (participants.count(speaker) == 0) {
      return InvalidField(
          Path(Path(field, "statements", i), "speaker"),
          absl::StrCat(Quote(speaker), " is not a participant of the summit"));
    }
  }
  for (int i = 0; i < summit.sources_size(); ++i) {
    RETURN_IF_ERROR(ValidateDate(summit.sources(i).published(),
                                 Path(Path(field, "sources", i), "published")));
  }
  absl::Status spans;
  ForEachTextSpan(summit, [&](absl::string_view path, const v1::TextSpan& span) {
    if (spans.ok()) spans = ValidateSpan(span, Path(field, path));
  });
  return spans;
}

std::optional<FieldProblem> ValidateTradeFlow(const v1::TradeFlow& flow,
                                              const ReferenceData& data) {
  auto problem = [](const char* field, std::string reason) {
    return std::optional<FieldProblem>(FieldProblem{field, std::move(reason)});
  };
  if (auto bad = CountryCodeProblem(flow.reporter_code(), data)) {
    return problem("reporter_code", *bad);
  }
  if (auto bad = CountryCodeProblem(flow.partner_code(), data, /*allow_world=*/true)) {
    return problem("partner_code", *bad);
  }
  if (flow.partner_code() == flow.reporter_code()) {
    return problem("partner_code", absl::StrCat(Quote(flow.partner_code()),
                                                " is the reporter; a country does "
                                                "not trade with itself"));
  }
  if (auto bad = TradeFlowProblem(flow.direction())) return problem("direction", *bad);
  if (flow.year() < 1900 || flow.year() > 2100) {
    return problem("year", absl::StrCat(flow.year(), " is not within 1900..2100"));
  }
  if (flow.month() < 0 || flow.month() > 12) {
    return problem("month", absl::StrCat(flow.month(), " is not within 0..12"));
  }
  if (auto bad = CommodityCodeProblem(flow.commodity_code())) {
    return problem("commodity_code", *bad);
  }
  if (flow.value_usd_cents() < 0) return problem("value_usd_cents", "is negative");
  if (!std::isfinite(flow.net_weight_kg()) || flow.net_weight_kg() < 0) {
    return problem("net_weight_kg", "must be finite and non-negative");
  }
  if (!std::isfinite(flow.quantity()) || flow.quantity() < 0) {
    return problem("quantity", "must be finite and non-negative");
  }
  return std::nullopt;
}

}  // namespace summit::ingest
