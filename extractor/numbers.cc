#include "extractor/numbers.h"

#include <algorithm>
#include <cmath>
#include <cstdint>

#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_format.h"
#include "absl/strings/str_replace.h"

namespace summit::extractor {

using reference::Token;

namespace {

// Whether `value` is one of the tens that open compounds: 20, 30 ... 90.
bool IsTens(double value) {
  return value >= 20 && value <= 90 && static_cast<int>(value) % 10 == 0;
}

}  // namespace

double NumberWordValue(const Token& token, const Lexicon& lexicon) {
  if (double value = lexicon.number_words.Value(token); value > 0) return value;
  // The shortest compound is nine letters: "forty-one".
  if (token.lower.size() < 9) return 0;
  const size_t dash = token.lower.find('-');
  // Tens words are 5 to 7 letters: "twenty" to "seventy".
  if (dash < 5 || dash > 7) return 0;
  const double tens = lexicon.number_words.Value(token.lower.substr(0, dash));
  const double units = lexicon.number_words.Value(token.lower.substr(dash + 1));
  return tens >= 20 && units > 0 && units < 10 ? tens + units : 0;
}

double NumberValue(const Token& token, const Lexicon& lexicon) {
  if (token.kind != Token::Kind::kNumber) return NumberWordValue(token, lexicon);
  if (IsOrdinal(token.lower)) return 0;
  const std::string digits = absl::StrReplaceAll(token.lower, {{",", ""}});
  double value = 0;
  if (absl::SimpleAtod(digits, &value)) return value;
  for (const auto& [suffix, scale] : lexicon.scale_words) {
    if (digits.size() > suffix.size() && absl::EndsWith(digits, suffix) &&
        absl::SimpleAtod(digits.substr(0, digits.size() - suffix.size()), &value)) {
      return value * scale;
    }
  }
  return 0;
}

bool IsOrdinal(const std::string& word) {
  return word.size() > 2 && absl::ascii_isdigit(word[0]) &&
         (absl::EndsWith(word, "st") || absl::EndsWith(word, "nd") ||
          absl::EndsWith(word, "rd") || absl::EndsWith(word, "th"));
}

int OrdinalValue(const std::string& word, const Lexicon& lexicon) {
  if (double value = lexicon.ordinal_words.Value(word); value > 0) {
    return static_cast<int>(value);
  }
  if (const size_t dash = word.find('-'); dash != std::string::npos) {
    const double tens = lexicon.number_words.Value(word.substr(0, dash));
    const double unit = lexicon.ordinal_words.Value(word.substr(dash + 1));
    if (IsTens(tens) && unit > 0 && unit < 10) return static_cast<int>(tens + unit);
  }
  if (!IsOrdinal(word)) return 0;
  int value = 0;
  return absl::SimpleAtoi(word.substr(0, word.size() - 2), &value) ? value : 0;
}

std::string Singular(std::string word) {
  if (word == "people") return word;
  if (word == "memoranda") return "memorandum";
  if (absl::EndsWith(word, "ies") && word.size() > 4) {
    return word.substr(0, word.size() - 3) + "y";
  }
  if (absl::EndsWith(word, "sses") || absl::EndsWith(word, "shes") ||
      absl::EndsWith(word, "ches") || absl::EndsWith(word, "xes")) {
    return word.substr(0, word.size() - 2);
  }
  if (absl::EndsWith(word, "s") && !absl::EndsWith(word, "ss") && word.size() > 3) {
    return word.substr(0, word.size() - 1);
  }
  return word;
}

void SetExactMoney(v1::Amount& amount) {
  constexpr int kSignificantDigits = 15;
  constexpr int kNanoDigits = 9;
  const double value = amount.value();
  // 2^63: the first double past int64.
  if (amount.currency_code().empty() || amount.has_money() || !std::isfinite(value) ||
      value < 0 || value >= 9223372036854775808.0) {
    return;
  }
  const int integer_digits =
      value < 1 ? 1 : static_cast<int>(std::floor(std::log10(value))) + 1;
  const int decimals = std::clamp(kSignificantDigits - integer_digits, 0, kNanoDigits);
  const std::string text = absl::StrFormat("%.*f", decimals, value);
  const size_t point = text.find('.');
  std::string fraction = point == std::string::npos ? "" : text.substr(point + 1);
  fraction.resize(kNanoDigits, '0');
  int64_t units = 0;
  int32_t nanos = 0;
  if (!absl::SimpleAtoi(text.substr(0, point), &units) ||
      !absl::SimpleAtoi(fraction, &nanos)) {
    return;  // Rounded up past int64.
  }
  v1::Money* money = amount.mutable_money();
  money->set_currency_code(amount.currency_code());
  money->set_units(units);
  money->set_nanos(nanos);
}

}  // namespace summit::extractor
