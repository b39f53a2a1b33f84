#include "extractor/meeting_date.h"

#include <algorithm>
#include <cstdint>
#include <optional>
#include <tuple>

#include "absl/strings/str_cat.h"

namespace summit::extractor {

using reference::ReferenceData;
using reference::Token;

namespace {

// Tokens between a date and the nearest meeting word of its sentence.
size_t DistanceToMeetingWord(const Document& doc, const Lexicon& lexicon,
                             const DateMention& mention) {
  const std::vector<Token>& tokens = doc.tokens();
  auto [first, last] = doc.SentenceTokens(tokens[mention.first].sentence);
  size_t best = SIZE_MAX;
  for (size_t i = first; i < last; ++i) {
    if (!lexicon.meeting_words.contains(tokens[i])) continue;
    best = std::min(best, i < mention.first ? mention.first - i : i - mention.last);
  }
  return best;
}

// The date of a dateline: within the first four tokens of one of the
// first two sentences, after a city.
const DateMention* DatelineDate(const Document& doc, const ReferenceData& data,
                                const absl::flat_hash_set<int>& event_sentences,
                                const std::vector<DateMention>& dates) {
  const std::vector<Token>& tokens = doc.tokens();
  for (const DateMention& mention : dates) {
    const int sentence = tokens[mention.first].sentence;
    if (sentence > 1) break;
    const size_t first = doc.SentenceTokens(sentence).first;
    if (mention.first <= first + 4 && tokens[first].capitalized &&
        data.gazetteer().Find(tokens, first, mention.first).length &&
        !event_sentences.contains(sentence)) {
      return &mention;
    }
  }
  return nullptr;
}

// The last day a date (of day, month or year precision) covers.
absl::CivilDay LastDay(const v1::Date& date) {
  if (date.day() != 0) return absl::CivilDay(date.year(), date.month(), date.day());
  if (date.month() != 0) {
    return absl::CivilDay(absl::CivilMonth(date.year(), date.month()) + 1) - 1;
  }
  return absl::CivilDay(date.year(), 12, 31);
}

}  // namespace

ResolvedDates ResolveDates(const Document& doc, const Lexicon& lexicon,
                           const v1::Date& published,
                           const absl::flat_hash_set<int>& event_sentences) {
  ResolvedDates dates{FindDates(doc, lexicon), {}};
  const std::vector<Token>& tokens = doc.tokens();
  std::optional<absl::CivilDay> anchor = ToCivilDay(published);
  for (const DateMention& mention : dates.mentions) {
    if (anchor) break;
    if (!mention.relative && mention.Precision() == 3 &&
        !event_sentences.contains(tokens[mention.first].sentence)) {
      anchor = ToCivilDay(mention.date);
    }
  }
  for (DateMention& mention : dates.mentions) {
    if (!Resolve(mention, anchor)) {
      dates.warnings.push_back(absl::StrCat("no publication date: relative date \"",
                                            doc.TextOf(mention.first, mention.last),
                                            "\" left unresolved"));
    }
  }
  return dates;
}

const DateMention* ChooseMeetingDate(const Document& doc, const ReferenceData& data,
                                     const Lexicon& lexicon, const SentenceCues& cues,
                                     const absl::flat_hash_set<int>& event_sentences,
                                     const std::vector<DateMention>& dates,
                                     const v1::Date& published) {
  const std::vector<Token>& tokens = doc.tokens();
  auto sentence_of = [&](const DateMention& m) { return tokens[m.first].sentence; };
  auto rank = [&](const DateMention& m, size_t distance) {
    return std::make_tuple(-m.Precision(), sentence_of(m), distance);
  };
  // A report tells of a recent meeting: a date that ends more than a month
  // before publication is another event's unless nothing nearer dates it.
  const std::optional<absl::CivilDay> day = ToCivilDay(published);
  const std::optional<absl::CivilDay> recent_from =
      day ? std::optional<absl::CivilDay>(*day - 31) : std::nullopt;
  auto recent = [&](const DateMention& m) {
    return !recent_from || LastDay(m.date) >= *recent_from;
  };
  auto choose = [&](bool recent_only) -> const DateMention* {
    const DateMention* best = nullptr;
    size_t best_distance = SIZE_MAX;
    for (const DateMention& mention : dates) {
      const int sentence = sentence_of(mention);
      if (!cues.meeting[sentence] || event_sentences.contains(sentence) ||
          mention.date.year() == 0 || (recent_only && !recent(mention))) {
        continue;
      }
      const size_t distance = DistanceToMeetingWord(doc, lexicon, mention);
      if (best == nullptr || rank(mention, distance) < rank(*best, best_distance)) {
        best = &mention;
        best_distance = distance;
      }
    }
    for (const DateMention& mention : dates) {
      const int sentence = sentence_of(mention);
      if (!event_sentences.contains(sentence) || !cues.meeting[sentence] ||
          mention.date.year() == 0 || mention.Precision() < 3 ||
          (recent_only && !recent(mention))) {
        continue;
      }
      if (best == nullptr || mention.Precision() > best->Precision()) best = &mention;
    }
    return best;
  };
  if (const DateMention* best = choose(/*recent_only=*/true)) return best;
  if (const DateMention* dateline = DatelineDate(doc, data, event_sentences, dates)) {
    return dateline;
  }
  return choose(/*recent_only=*/false);
}

}  // namespace summit::extractor
