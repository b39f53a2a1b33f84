#include "tools/comtrade_csv.h"

#include <csv.h>
#include <fcntl.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <map>
#include <optional>
#include <utility>
#include <vector>

#include "absl/cleanup/cleanup.h"
#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "absl/strings/strip.h"
#include "common/field_checks.h"

namespace summit {

using common::InvalidUtf8At;

namespace {

constexpr const char* kRequired[] = {"refyear",  "reporteriso", "partneriso",
                                     "flowcode", "cmdcode",     "primaryvalue"};

// The columns copied into a TradeFlow's strings, which must be UTF-8: the
// key the reader looks them up by, and the name problems give them.
constexpr std::pair<const char*, const char*> kTextColumns[] = {
    {"reporteriso", "reporterISO"},
    {"partneriso", "partnerISO"},
    {"cmdcode", "cmdCode"},
    {"cmddesc", "cmdDesc"},
    {"qtyunitabbr", "qtyUnitAbbr"}};

// libcsv's callbacks gather fields into rows.
struct Parse {
  std::vector<std::string> fields;
  std::vector<std::vector<std::string>> rows;
};

void OnField(void* data, size_t length, void* parse) {
  static_cast<Parse*>(parse)->fields.emplace_back(
      data == nullptr ? "" : static_cast<char*>(data), length);
}

void OnRow(int, void* parse) {
  auto* p = static_cast<Parse*>(parse);
  p->rows.push_back(std::move(p->fields));
  p->fields.clear();
}

class RowReader {
 public:
  RowReader(std::map<std::string, size_t> columns, std::string source,
            const CsvCallbacks& cb)
      : columns_(std::move(columns)), source_(std::move(source)), cb_(cb) {}

  void Read(int64_t line, const std::vector<std::string>& fields) {
    if (fields.size() == 1 && fields[0].empty()) return;  // A blank line.
    auto get = [&](const char* name) -> std::string {
      auto it = columns_.find(name);
      return it == columns_.end() || it->second >= fields.size() ? ""
                                                                 : fields[it->second];
    };
    auto bad = [&](const char* field, std::string reason) {
      if (cb_.problem) cb_.problem({line, field, std::move(reason)});
    };
    for (const auto& [column, name] : kTextColumns) {
      if (const int64_t at = InvalidUtf8At(get(column)); at >= 0) {
        return bad(name, absl::StrCat("not valid UTF-8 at byte ", at));
      }
    }
    v1::TradeFlow flow;
    int year = 0;
    if (!absl::SimpleAtoi(get("refyear"), &year)) {
      return bad("refYear", absl::StrCat("\"", get("refyear"), "\" is not a year"));
    }
    flow.set_year(year);
    const std::string freq = absl::AsciiStrToUpper(get("freqcode"));
    int month = 0;
    if (freq == "M") {
      if (!absl::SimpleAtoi(get("refmonth"), &month)) {
        return bad("refMonth", absl::StrCat("\"", get("refmonth"), "\" is not a month"));
      }
    } else if (freq.empty()) {
      // Annual rows carry refMonth 52 (or nothing) in the API's output.
      if (absl::SimpleAtoi(get("refmonth"), &month) && month == 52) month = 0;
    }
    flow.set_month(month);
    flow.set_reporter_code(get("reporteriso"));
    flow.set_partner_code(get("partneriso"));
    const std::string code = absl::AsciiStrToUpper(get("flowcode"));
    if (code == "X") {
      flow.set_direction(v1::TRADE_FLOW_DIRECTION_EXPORT);
    } else if (code == "M") {
      flow.set_direction(v1::TRADE_FLOW_DIRECTION_IMPORT);
    } else if (code == "RX") {
      flow.set_direction(v1::TRADE_FLOW_DIRECTION_RE_EXPORT);
    } else if (code == "RM") {
      flow.set_direction(v1::TRADE_FLOW_DIRECTION_RE_IMPORT);
    } else {
      return bad("flowCode", absl::StrCat("\"", code, "\" is not one of X, M, RX, RM"));
    }
    flow.set_commodity_code(get("cmdcode"));
    flow.set_commodity_description(get("cmddesc"));
    int64_t cents = 0;
    if (!DollarsToCents(get("primaryvalue"), &cents)) {
      return bad("primaryValue", absl::StrCat("\"", get("primaryvalue"),
                                              "\" is not a non-negative amount"));
    }
    flow.set_value_usd_cents(cents);
    double number = 0;
    if (!get("netwgt").empty()) {
      if (!absl::SimpleAtod(get("netwgt"), &number)) {
        return bad("netWgt", absl::StrCat("\"", get("netwgt"), "\" is not a number"));
      }
      flow.set_net_weight_kg(number);
    }
    if (!get("qty").empty()) {
      if (!absl::SimpleAtod(get("qty"), &number)) {
        return bad("qty", absl::StrCat("\"", get("qty"), "\" is not a number"));
      }
      flow.set_quantity(number);
    }
    flow.set_quantity_unit(get("qtyunitabbr"));
    flow.set_source(source_);
    if (cb_.row) cb_.row(line, std::move(flow));
  }

 private:
  const std::map<std::string, size_t> columns_;
  const std::string source_;
  const CsvCallbacks& cb_;
};

}  // namespace

bool DollarsToCents(const std::string& text, int64_t* cents) {
  const std::string trimmed(absl::StripAsciiWhitespace(text));
  const size_t dot = trimmed.find('.');
  const std::string whole = trimmed.substr(0, dot);
  std::string fraction = dot == std::string::npos ? "" : trimmed.substr(dot + 1);
  if (whole.empty() || !std::all_of(whole.begin(), whole.end(), absl::ascii_isdigit) ||
      !std::all_of(fraction.begin(), fraction.end(), absl::ascii_isdigit) ||
      whole.size() > 16) {
    return false;
  }
  const bool round_up = fraction.size() > 2 && fraction[2] >= '5';
  fraction = (fraction + "00").substr(0, 2);
  int64_t dollars = 0;
  int64_t hundredths = 0;
  if (!absl::SimpleAtoi(whole, &dollars) || !absl::SimpleAtoi(fraction, &hundredths))
    return false;
  *cents = dollars * 100 + hundredths + (round_up ? 1 : 0);
  return true;
}

absl::Status ReadComtradeCsv(const std::string& path, const std::string& source,
                             const CsvCallbacks& callbacks) {
  const int file = open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (file < 0) return absl::NotFoundError(absl::StrCat(path, ": cannot open"));
  const absl::Cleanup close_file = [file] { close(file); };
  csv_parser parser;
  if (csv_init(&parser, CSV_APPEND_NULL) != 0)
    return absl::InternalError("csv_init failed");
  Parse parse;
  std::optional<RowReader> reader;
  int64_t line = 0;
  int64_t bytes = 0;
  char buffer[1 << 16];
  absl::Status status;
  auto drain = [&]() {
    for (std::vector<std::string>& fields : parse.rows) {
      ++line;
      if (!reader) {
        std::map<std::string, size_t> columns;
        for (size_t i = 0; i < fields.size(); ++i) {
          std::string name = absl::AsciiStrToLower(absl::StripAsciiWhitespace(fields[i]));
          if (i == 0 && absl::StartsWith(name, "\xEF\xBB\xBF"))
            name = name.substr(3);  // BOM
          columns.emplace(name, i);
        }
        std::vector<std::string> missing;
        for (const char* required : kRequired) {
          if (columns.count(required) == 0) missing.push_back(required);
        }
        if (!missing.empty()) {
          status = absl::InvalidArgumentError(absl::StrCat(
              path, ": the header lacks the columns ", absl::StrJoin(missing, ", "),
              " (matched case-insensitively)"));
          return;
        }
        reader.emplace(std::move(columns), source, callbacks);
        continue;
      }
      reader->Read(line, fields);
    }
    parse.rows.clear();
  };
  while (status.ok()) {
    // read(2), not fread: rows from a pipe go on as they arrive, not once a
    // whole buffer has.
    const ssize_t got = read(file, buffer, sizeof(buffer));
    if (got < 0 && errno == EINTR) continue;
    if (got < 0) {
      status = absl::DataLossError(
          absl::StrCat(path, ": cannot read past byte ", bytes, ": ", strerror(errno)));
    }
    if (got <= 0) break;
    const size_t size = static_cast<size_t>(got);
    const size_t parsed = csv_parse(&parser, buffer, size, OnField, OnRow, &parse);
    bytes += static_cast<int64_t>(parsed);
    drain();  // The rows before a parse error too.
    if (status.ok() && parsed != size) {
      status = absl::InvalidArgumentError(absl::StrCat(
          path, ": not CSV after byte ", bytes, ": ", csv_strerror(csv_error(&parser))));
    }
    if (callbacks.progress) callbacks.progress(bytes);
  }
  if (status.ok()) {
    csv_fini(&parser, OnField, OnRow, &parse);
    drain();
    if (status.ok() && !reader)
      status = absl::InvalidArgumentError(absl::StrCat(path, ": empty"));
  }
  csv_free(&parser);
  return status;
}

}  // namespace summit
