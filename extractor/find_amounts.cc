// Amounts of money and counts of things.
#include <algorithm>

#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "extractor/finders.h"
#include "extractor/numbers.h"

namespace summit::extractor {

using reference::Is;
using reference::Token;

namespace {

// Reads the number at i into amount.value: "125", "14.7 billion", "5bn",
// "twenty five". Returns the index after it, or i when there is none (or
// when a second number follows, as in "4 2025").
size_t ReadNumber(const Analysis& analysis, size_t i, size_t end, v1::Amount& amount) {
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
  if (j < end && tokens[j].kind == Token::Kind::kNumber) return i;
  if (j < end) {
    if (auto scale = lexicon.scale_words.find(tokens[j].lower);
        scale != lexicon.scale_words.end() && tokens[j].lower.size() > 1) {
      value *= scale->second;
      ++j;
    }
  }
  amount.set_value(value);
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

// Whether token k may stand between a number and what it counts: a count
// adjective, a capitalized word, a participle before another word, or "and"
// after a nationality ("Danish and Irish firms").
bool IsCountModifier(const Analysis& analysis, size_t k, size_t end, int demonyms) {
  const std::vector<Token>& tokens = analysis.tokens();
  return analysis.lexicon().count_adjectives.contains(tokens[k]) ||
         tokens[k].capitalized ||
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
// the body).
void AddAmountOnce(v1::Amount amount, v1::Summit& summit) {
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
    if (in_dates[i] || tokens[i].kind == Token::Kind::kPunct) continue;
    const size_t sentence_end = analysis.doc().SentenceTokens(tokens[i].sentence).second;
    v1::Amount amount;
    const size_t number_end = ReadNumber(analysis, i, sentence_end, amount);
    if (number_end == i) continue;
    size_t start = CurrencyBefore(analysis, i, amount);
    size_t end = number_end;
    std::string country;
    size_t resume = 0;
    if (amount.currency_code().empty()) {
      end = CurrencyAfter(analysis, number_end, sentence_end, amount);
    }
    if (amount.currency_code().empty()) {
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
    AddAmountOnce(std::move(amount), summit);
  }
}

}  // namespace summit::extractor
