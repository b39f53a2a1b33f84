// Amounts of money and counts of things. A number counts only as a
// quantity: not inside a name, a model, a formula or as a year. A range
// ("$20-25 billion") gives two amounts, its low end at least and its high
// end at most, so that either bound a report is quoted for is found.
#include <algorithm>

#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/numbers.h"
#include "extractor/finders.h"
#include "extractor/numbers.h"

namespace summit::extractor {

using reference::Is;
using reference::Token;

namespace {

// Whether `token` is a dash, as between the numbers of a range ("20-25").
bool IsDash(const Token& token) {
  return Is(token, "-") || Is(token, "–") || Is(token, "—");
}

// Whether token k is a word of capital letters only, as the names of
// models are ("MAX", not "A350"), and no currency code.
bool AllCaps(const Analysis& analysis, size_t k) {
  const Token& token = analysis.tokens()[k];
  if (token.kind != Token::Kind::kWord || token.lower.size() < 2 ||
      analysis.data().IsCurrencyCode(absl::AsciiStrToUpper(token.lower))) {
    return false;
  }
  const absl::string_view text = analysis.doc().TextOf(k, k + 1);
  return std::all_of(text.begin(), text.end(), absl::ascii_isupper);
}

// Whether the number at k is a model number: one before a name in capitals
// ("737 MAX").
bool ModelNumber(const Analysis& analysis, size_t k) {
  return analysis.tokens()[k].kind == Token::Kind::kNumber &&
         k + 1 < analysis.tokens().size() && AllCaps(analysis, k + 1) &&
         analysis.tokens()[k + 1].sentence == analysis.tokens()[k].sentence;
}

// Multiplies `value` by the scale words from token j on ("billion", "lakh
// crore" = 1e12, and "-billion" joined by a hyphen); returns the index
// after them.
size_t ReadScales(const Analysis& analysis, size_t j, size_t end, double& value) {
  const std::vector<Token>& tokens = analysis.tokens();
  const auto& scales = analysis.lexicon().scale_words;
  if (j + 1 < end && Is(tokens[j], "-") && tokens[j].start == tokens[j - 1].end &&
      scales.contains(tokens[j + 1].lower)) {
    ++j;
  }
  for (; j < end; ++j) {
    auto scale = scales.find(tokens[j].lower);
    if (scale == scales.end() || tokens[j].lower.size() < 2) break;
    value *= scale->second;
  }
  return j;
}

// Reads the number at i into amount.value: "125", "14.7 billion", "5bn",
// "20-billion", "3.2 lakh crore", "twenty five". A range of two numbers
// ("20-25 billion", "20 to 25 billion") sets `upper` to its second number,
// scaled like the first. Returns the index after it, or i when there is
// none (or when a second number follows, as in "4 2025", unless that is a
// model number: "25 737 MAX").
size_t ReadNumber(const Analysis& analysis, size_t i, size_t end, v1::Amount& amount,
                  double& upper) {
  const std::vector<Token>& tokens = analysis.tokens();
  const Lexicon& lexicon = analysis.lexicon();
  double value = NumberValue(tokens[i], lexicon);
  if (value <= 0) return i;
  size_t j = i + 1;
  while (j < end && tokens[i].kind == Token::Kind::kWord &&
         NumberWordValue(tokens[j], lexicon) > 0) {
    const double next = NumberWordValue(tokens[j], lexicon);
    value = next == 100 ? value * 100 : value + next;
    ++j;
  }
  if (j < end && tokens[j].kind == Token::Kind::kNumber && !ModelNumber(analysis, j)) {
    return i;
  }
  upper = 0;
  if (j + 1 < end && tokens[i].kind == Token::Kind::kNumber &&
      (IsDash(tokens[j]) || Is(tokens[j], "to")) &&
      tokens[j + 1].kind == Token::Kind::kNumber) {
    upper = NumberValue(tokens[j + 1], lexicon);
    if (upper > 0) j += 2;
  }
  double scale = 1;
  j = ReadScales(analysis, j, end, scale);
  amount.set_value(value * scale);
  upper *= scale;
  return j;
}

// Reads a number written with its currency symbol in one word ("RM5bn",
// "Rs3.2 lakh crore", "R20 million") into amount's value and currency.
// Returns the index after it, or i when token i is none.
size_t ReadSymbolNumber(const Analysis& analysis, size_t i, size_t end,
                        v1::Amount& amount) {
  const std::vector<Token>& tokens = analysis.tokens();
  const std::string& word = tokens[i].lower;
  // Symbols are capitalized ("RM", "Rs", "R").
  if (tokens[i].kind != Token::Kind::kWord || !tokens[i].capitalized) return i;
  const size_t digit =
      std::find_if(word.begin(), word.end(), absl::ascii_isdigit) - word.begin();
  if (digit == word.size()) return i;
  const std::vector<Token> prefix = reference::Tokenize(word.substr(0, digit));
  const auto symbol = analysis.data().currency_symbols().Find(prefix, 0, prefix.size());
  if (symbol.length != prefix.size()) return i;
  std::string digits = word.substr(digit);
  size_t j = i + 1;
  // "Rs3.2" is written as "rs3", ".", "2".
  if (j + 1 < end && Is(tokens[j], ".") && tokens[j].start == tokens[i].end &&
      tokens[j + 1].kind == Token::Kind::kNumber &&
      tokens[j + 1].start == tokens[j].end) {
    digits += "." + tokens[j + 1].lower;
    j += 2;
  }
  const double value =
      NumberValue(reference::Tokenize(digits).front(), analysis.lexicon());
  if (value <= 0) return i;
  double scale = 1;
  j = ReadScales(analysis, j, end, scale);
  amount.set_value(value * scale);
  amount.set_currency_code(*symbol.value);
  return j;
}

// An upper-case ISO 4217 code as written at token i ("USD"), or "".
std::string CurrencyCodeAt(const Analysis& analysis, size_t i) {
  const Token& token = analysis.tokens()[i];
  if (token.kind != Token::Kind::kWord || token.lower.size() != 3) return "";
  const std::string code = absl::AsciiStrToUpper(token.lower);
  return analysis.data().IsCurrencyCode(code) && analysis.doc().TextOf(i, i + 1) == code
             ? code
             : "";
}

// A currency before the number at `start` ("$", "US$", "C$", "USD"); the
// amount's new first token.
size_t CurrencyBefore(const Analysis& analysis, size_t start, v1::Amount& amount) {
  if (start == 0) return start;
  const auto& symbols = analysis.data().currency_symbols();
  if (auto symbol = symbols.Find(analysis.tokens(), start - 1, start + 1);
      symbol.length == 1) {
    amount.set_currency_code(*symbol.value);
    if (start >= 2) {
      if (auto two = symbols.Find(analysis.tokens(), start - 2, start); two.length == 2) {
        amount.set_currency_code(*two.value);
        return start - 2;
      }
    }
    return start - 1;
  }
  if (std::string code = CurrencyCodeAt(analysis, start - 1); !code.empty()) {
    amount.set_currency_code(code);
    return start - 1;
  }
  return start;
}

// A currency after the number ending at j ("dollars", "euros", "USD"); the
// amount's new end.
size_t CurrencyAfter(const Analysis& analysis, size_t j, size_t end, v1::Amount& amount) {
  if (j >= end) return j;
  if (auto words = analysis.data().currency_words().Find(analysis.tokens(), j, end);
      words.length) {
    amount.set_currency_code(*words.value);
    return j + words.length;
  }
  if (std::string code = CurrencyCodeAt(analysis, j); !code.empty()) {
    amount.set_currency_code(code);
    return j + 1;
  }
  return j;
}

// Whether the number at [i, j), which has no currency, is part of a name
// or a notation and no quantity: a capitalized number word within a
// sentence ("Group of Seven"); a number after a capitalized word, or after
// one and "of" ("Vision 2030", "Boeing 737", "Group of 20"); a model number
// ("737 MAX"); a term of a formula, ratio or score ("2+2", "3:1", "24/7");
// a year ("2030").
bool InNameOrNotation(const Analysis& analysis, size_t i, size_t j) {
  const std::vector<Token>& tokens = analysis.tokens();
  const Lexicon& lexicon = analysis.lexicon();
  const size_t sentence_first = analysis.doc().SentenceTokens(tokens[i].sentence).first;
  if (tokens[i].kind == Token::Kind::kWord) {
    return tokens[i].capitalized && i > sentence_first &&
           tokens[i - 1].kind == Token::Kind::kWord;
  }
  double year = 0;
  if (tokens[i].lower.size() == 4 && absl::SimpleAtod(tokens[i].lower, &year) &&
      year >= 1900 && year <= 2100 &&
      !lexicon.scale_words.contains(tokens[j - 1].lower)) {
    return true;
  }
  if (ModelNumber(analysis, i)) return true;
  auto notation = [&](size_t k) {
    return Is(tokens[k], "+") || Is(tokens[k], "/") || Is(tokens[k], ":");
  };
  if ((i > 0 && notation(i - 1) && tokens[i - 1].end == tokens[i].start) ||
      (i + 1 < tokens.size() && notation(i + 1) &&
       tokens[i + 1].start == tokens[i].end)) {
    return true;
  }
  size_t k = i;
  if (k > sentence_first + 1 && Is(tokens[k - 1], "of")) --k;
  if (k == sentence_first) return false;
  const Token& before = tokens[k - 1];
  return before.kind == Token::Kind::kWord && before.capitalized &&
         (k - 1 > sentence_first || k < i) && !lexicon.non_name_words.contains(before) &&
         !lexicon.function_words.contains(before) &&
         lexicon.month_names.Value(before) == 0 &&
         lexicon.weekday_names.Value(before) == 0 &&
         !lexicon.amount_qualifiers.Find(tokens, k - 1, k).length;
}

// The country of a plural nationality ("Canadians"); "" when token k is
// none.
std::string PluralDemonym(const Analysis& analysis, size_t k) {
  const Token& token = analysis.tokens()[k];
  if (!token.capitalized || token.lower.size() < 4 || token.lower.back() != 's')
    return "";
  const std::vector<Token> singular =
      reference::Tokenize(token.lower.substr(0, token.lower.size() - 1));
  const auto demonym = analysis.data().demonyms().Find(singular, 0, singular.size());
  return demonym.length == singular.size() ? *demonym.value : "";
}

// Whether token k may stand between a number and what it counts: a count
// adjective, a capitalized word, a model number ("737 MAX"), a participle
// before another word, or "and" after a nationality ("Danish and Irish
// firms").
bool IsCountModifier(const Analysis& analysis, size_t k, size_t end, int demonyms) {
  const std::vector<Token>& tokens = analysis.tokens();
  return analysis.lexicon().count_adjectives.contains(tokens[k]) ||
         tokens[k].capitalized || ModelNumber(analysis, k) ||
         (absl::EndsWith(tokens[k].lower, "ed") && k + 1 < end &&
          tokens[k + 1].kind == Token::Kind::kWord) ||
         (Is(tokens[k], "and") && demonyms > 0);
}

// The noun the count at k names, as a unit: a compound's head is its last
// plural noun ("ferry terminals"), and an agreement noun counts as one
// word ("memorandums of understanding"). Returns the end of the noun.
size_t CountedUnit(const Analysis& analysis, size_t k, size_t end, v1::Amount& amount) {
  const std::vector<Token>& tokens = analysis.tokens();
  while (k + 1 < end && !absl::EndsWith(tokens[k].lower, "s") &&
         tokens[k + 1].kind == Token::Kind::kWord && !tokens[k + 1].capitalized &&
         absl::EndsWith(tokens[k + 1].lower, "s") &&
         !analysis.lexicon().ignored_units.contains(tokens[k + 1])) {
    ++k;
  }
  amount.set_unit(Singular(tokens[k].lower));
  if (auto agreement = analysis.lexicon().agreement_nouns.Find(tokens, k, end);
      agreement.length) {
    amount.set_unit(*agreement.value == v1::AGREEMENT_KIND_MEMORANDUM_OF_UNDERSTANDING
                        ? "memorandum"
                        : Singular(tokens[k + agreement.length - 1].lower));
    return k + agreement.length;
  }
  return k + 1;
}

// What the number at i (ending at j) counts: "40 Norwegian firms",
// "six projects", "5%", "three more patrol boats". Sets unit and
// counted, `country` from a nationality among the modifiers, and `resume`
// to a second number the phrase holds ("two of its 9 ships"). Returns
// the amount's end, or j when the number counts nothing worth a record.
size_t CountedNoun(const Analysis& analysis, size_t i, size_t j, size_t end,
                   v1::Amount& amount, std::string& country, size_t* resume) {
  const std::vector<Token>& tokens = analysis.tokens();
  const Lexicon& lexicon = analysis.lexicon();
  size_t k = j;
  if (k + 2 < end && Is(tokens[k], "of") &&
      (Is(tokens[k + 1], "its") || Is(tokens[k + 1], "the") ||
       Is(tokens[k + 1], "their"))) {
    k += 2;
    if (NumberValue(tokens[k], lexicon) > 0) *resume = k++;
  }
  int demonyms = 0;
  while (k < end && IsCountModifier(analysis, k, end, demonyms)) {
    if (auto demonym = analysis.data().demonyms().Find(tokens, k, end); demonym.length) {
      country = ++demonyms == 1 ? *demonym.value : "";  // Two nationalities: none.
      k += demonym.length;
    } else {
      ++k;
    }
  }
  // "two Canadians": a plural nationality with no noun after it is the noun.
  const bool noun_follows = k < end && tokens[k].kind == Token::Kind::kWord &&
                            !tokens[k].capitalized &&
                            !lexicon.ignored_units.contains(tokens[k]) &&
                            !lexicon.function_words.contains(tokens[k]) &&
                            !absl::EndsWith(tokens[k].lower, "ed");
  if (k > j && !noun_follows) {
    if (std::string nationality = PluralDemonym(analysis, k - 1); !nationality.empty()) {
      country = nationality;
      amount.set_unit("people");
      amount.set_counted(std::string(analysis.doc().TextOf(j, k)));
      return k;
    }
  }
  if (k >= end) return j;
  const Token& noun = tokens[k];
  size_t last = k + 1;
  if (Is(noun, "%") || Is(noun, "percent") || Is(noun, "per")) {
    amount.set_unit("percent");
    if (Is(noun, "per") && analysis.IsWord(k + 1, "cent")) ++last;
  } else if (noun.kind == Token::Kind::kWord && !noun.capitalized &&
             !lexicon.ignored_units.contains(noun) &&
             NumberWordValue(noun, lexicon) == 0 && !Is(tokens[i], "one")) {
    last = CountedUnit(analysis, k, end, amount);
  } else {
    return j;
  }
  amount.set_counted(std::string(analysis.doc().TextOf(j, last)));
  return last;
}

// A qualifier of up to three words before the amount ("more than",
// "about"); the amount's new start.
size_t QualifierBefore(const Analysis& analysis, size_t start, v1::Amount& amount) {
  for (size_t back = 1; back <= 3 && back <= start; ++back) {
    if (auto qualifier = analysis.lexicon().amount_qualifiers.Find(analysis.tokens(),
                                                                   start - back, start);
        qualifier.length == back) {
      amount.set_qualifier(*qualifier.value);
      return start - back;
    }
  }
  return start;
}

// Whether tokens [i, end) open with a country name or nationality.
bool CountryAt(const Analysis& analysis, size_t i, size_t end) {
  return analysis.data().country_names().Find(analysis.tokens(), i, end).length ||
         analysis.data().demonyms().Find(analysis.tokens(), i, end).length;
}

// The country that is the subject of the clause ending at token `end`
// ("Chile exported ...", "... that Norway would ship ..."): the clause's
// first word, when it is a country or nationality, not part of a leader's
// mention and not one of a list ("Peru, Chile sign ..."). "" otherwise.
std::string ClauseCountry(const Analysis& analysis, size_t end) {
  const std::vector<Token>& tokens = analysis.tokens();
  const size_t sentence_first = analysis.doc().SentenceTokens(tokens[end].sentence).first;
  size_t first = end;
  while (first > sentence_first) {
    const Token& w = tokens[first - 1];
    if (Is(w, ",") || Is(w, "that") || Is(w, ";") || Is(w, ":") || Is(w, "said") ||
        Is(w, "says")) {
      break;
    }
    --first;
  }
  // ", or about $3 billion": the same amount, the same subject.
  if (first < end && Is(tokens[first], "or") && first > sentence_first + 1) {
    return ClauseCountry(analysis, first - 1);
  }
  if (first < end && (Is(tokens[first], "the") || Is(tokens[first], "a"))) ++first;
  if (first >= end || !tokens[first].capitalized ||
      analysis.mentions().MentionStart(first) != first ||
      analysis.mentions().ParticipantAt(first) >= 0) {
    return "";
  }
  auto country = analysis.data().country_names().Find(tokens, first, end);
  if (!country.length) country = analysis.data().demonyms().Find(tokens, first, end);
  if (!country.length) return "";
  const size_t after = first + country.length;
  if (after + 1 < end && (Is(tokens[after], "and") || Is(tokens[after], ",")) &&
      CountryAt(analysis, after + 1, end)) {
    return "";
  }
  if (first > sentence_first && Is(tokens[first - 1], ",") && first >= 2 &&
      (analysis.data().country_names().Find(tokens, first - 2, first - 1).length ||
       tokens[first - 2].capitalized)) {
    return "";
  }
  return *country.value;
}

// Adds `amount` unless the same one was found before (a headline repeats
// the body), with its exact money when it is money.
void AddAmountOnce(v1::Amount amount, v1::Summit& summit) {
  SetExactMoney(amount);
  const bool repeated = std::any_of(
      summit.amounts().begin(), summit.amounts().end(), [&](const v1::Amount& e) {
        return e.value() == amount.value() && e.unit() == amount.unit() &&
               e.currency_code() == amount.currency_code() &&
               e.qualifier() == amount.qualifier() &&
               e.country_code() == amount.country_code();
      });
  if (!repeated) *summit.add_amounts() = std::move(amount);
}

// Per token: whether it is part of a date.
std::vector<bool> DateTokens(const Analysis& analysis) {
  std::vector<bool> in_dates(analysis.tokens().size(), false);
  for (const DateMention& mention : analysis.dates()) {
    std::fill(in_dates.begin() + mention.first, in_dates.begin() + mention.last, true);
  }
  return in_dates;
}

}  // namespace

void FindAmounts(const Analysis& analysis, v1::Summit& summit) {
  const std::vector<Token>& tokens = analysis.tokens();
  const std::vector<bool> in_dates = DateTokens(analysis);
  for (size_t i = 0; i < tokens.size(); ++i) {
    const Token& w = tokens[i];
    if (in_dates[i] || w.kind == Token::Kind::kPunct) continue;
    // Most words open no number: turn them away before building an amount.
    if (w.kind == Token::Kind::kWord && NumberWordValue(w, analysis.lexicon()) <= 0 &&
        !(w.capitalized &&
          std::any_of(w.lower.begin(), w.lower.end(), absl::ascii_isdigit))) {
      continue;
    }
    const size_t sentence_end = analysis.doc().SentenceTokens(w.sentence).second;
    v1::Amount amount;
    double upper = 0;
    size_t start = i;
    size_t number_end = ReadSymbolNumber(analysis, i, sentence_end, amount);
    if (number_end == i) {
      number_end = ReadNumber(analysis, i, sentence_end, amount, upper);
      if (number_end == i) continue;
      // "2-1": a score, not a range.
      if (upper != 0 && upper <= amount.value()) continue;
      start = CurrencyBefore(analysis, i, amount);
    }
    size_t end = number_end;
    std::string country;
    size_t resume = 0;
    if (amount.currency_code().empty()) {
      end = CurrencyAfter(analysis, number_end, sentence_end, amount);
    }
    if (amount.currency_code().empty()) {
      if (InNameOrNotation(analysis, i, number_end)) continue;
      end = CountedNoun(analysis, i, number_end, sentence_end, amount, country, &resume);
      if (end == number_end) continue;
    }
    start = QualifierBefore(analysis, start, amount);
    if (country.empty()) country = ClauseCountry(analysis, start);
    amount.set_country_code(country);
    if (const DateMention* date = analysis.OnlyDateIn(tokens[i].sentence);
        date != nullptr) {
      *amount.mutable_date() = date->date;
    }
    *amount.mutable_span() = analysis.Span(start, end);
    i = (resume != 0 ? resume : end) - 1;
    if (upper != 0) {
      // A range is two amounts: at least its first number, at most its
      // second ("$20-25 billion": 2e10 and 2.5e10).
      amount.set_qualifier(v1::AMOUNT_QUALIFIER_AT_LEAST);
      v1::Amount high = amount;
      high.set_value(upper);
      high.set_qualifier(v1::AMOUNT_QUALIFIER_AT_MOST);
      AddAmountOnce(std::move(amount), summit);
      AddAmountOnce(std::move(high), summit);
      continue;
    }
    AddAmountOnce(std::move(amount), summit);
  }
}

}  // namespace summit::extractor
