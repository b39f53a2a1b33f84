#include "extractor/extractor.h"

#include <algorithm>
#include <map>
#include <numeric>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "absl/container/flat_hash_set.h"
#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "absl/strings/str_replace.h"
#include "extractor/dates.h"
#include "extractor/document.h"
#include "extractor/leaders.h"

namespace summit::extractor {

using reference::Is;
using reference::PhraseTable;
using reference::ReferenceData;
using reference::Token;
using reference::TokenHash;
using reference::TokenSet;

namespace {

// Words that say leaders met, talked or called.
const TokenSet& MeetingWords() {
  static const auto* const kWords = new TokenSet{
      "met",          "meet",      "meets", "meeting",   "talks",    "summit",
      "discussions",  "hosted",    "hosts", "received",  "welcomed", "visit",
      "visited",      "visiting",  "call",  "telephone", "phone",    "spoke",
      "conversation", "conferred", "held",  "discussed", "discuss",  "signed",
      "agreed",       "sealed"};
  return *kWords;
}

// Reporting verbs and their base forms.
const absl::flat_hash_map<std::string, std::string>& ReportingVerbs() {
  static const auto* const kVerbs =
      new absl::flat_hash_map<std::string, std::string>{{"said", "say"},
                                                        {"says", "say"},
                                                        {"emphasized", "emphasize"},
                                                        {"emphasised", "emphasize"},
                                                        {"stressed", "stress"},
                                                        {"noted", "note"},
                                                        {"remarked", "remark"},
                                                        {"expressed", "express"},
                                                        {"reiterated", "reiterate"},
                                                        {"outlined", "outline"},
                                                        {"urged", "urge"},
                                                        {"pledged", "pledge"},
                                                        {"proposed", "propose"},
                                                        {"added", "add"},
                                                        {"told", "tell"},
                                                        {"highlighted", "highlight"},
                                                        {"underlined", "underline"},
                                                        {"affirmed", "affirm"},
                                                        {"reaffirmed", "reaffirm"},
                                                        {"warned", "warn"},
                                                        {"argued", "argue"},
                                                        {"declared", "declare"},
                                                        {"announced", "announce"},
                                                        {"praised", "praise"},
                                                        {"hailed", "hail"},
                                                        {"insisted", "insist"},
                                                        {"called", "call for"},
                                                        {"calls", "call for"},
                                                        {"underscored", "underscore"},
                                                        {"wrote", "write"},
                                                        {"described", "describe"},
                                                        {"vowed", "vow"},
                                                        {"acknowledged", "acknowledge"},
                                                        {"recalled", "recall"},
                                                        {"observed", "observe"}};
  return *kVerbs;
}

const TokenSet& SigningVerbs() {
  static const auto* const kWords =
      new TokenSet{"signed",    "signing", "sign",    "signs",    "inked",
                   "concluded", "issued",  "adopted", "released", "exchanged",
                   "witnessed", "struck",  "reached", "agreed",   "unveiled"};
  return *kWords;
}

const PhraseTable<v1::AgreementKind>& AgreementNouns() {
  static const auto* const kTable = [] {
    auto* table = new PhraseTable<v1::AgreementKind>();
    for (const char* phrase :
         {"memorandums of understanding", "memoranda of understanding",
          "memorandum of understanding", "mous", "mou"}) {
      table->Add(phrase, v1::AGREEMENT_KIND_MEMORANDUM_OF_UNDERSTANDING);
    }
    for (const char* phrase :
         {"joint statement", "joint declaration", "joint communique", "joint communiqué",
          "declaration", "chair\'s statement", "chairman\'s statement"}) {
      table->Add(phrase, v1::AGREEMENT_KIND_JOINT_STATEMENT);
    }
    for (const char* phrase : {"treaty", "treaties"}) {
      table->Add(phrase, v1::AGREEMENT_KIND_TREATY);
    }
    for (const char* phrase : {"contracts", "contract", "deals", "deal"}) {
      table->Add(phrase, v1::AGREEMENT_KIND_CONTRACT);
    }
    for (const char* phrase :
         {"cooperation documents", "cooperation document", "cooperation agreements",
          "cooperation agreement", "agreements", "agreement", "accords", "accord",
          "documents"}) {
      table->Add(phrase, v1::AGREEMENT_KIND_COOPERATION_DOCUMENT);
    }
    return table;
  }();
  return *kTable;
}

// Capitalized nouns that end an event's name.
const TokenSet& EventHeads() {
  static const auto* const kWords = new TokenSet{
      "meeting", "summit",       "expo",     "exposition", "forum",        "conference",
      "fair",    "games",        "olympics", "dialogue",   "assembly",     "congress",
      "session", "week",         "show",     "festival",   "exhibition",   "talks",
      "cup",     "championship", "council",  "commission", "consultations"};
  return *kWords;
}

// Number words by the hash of the word.
class NumberWordMap final {
 public:
  NumberWordMap(std::initializer_list<std::pair<const char*, double>> words) {
    for (const auto& [word, value] : words) words_[TokenHash(word)] = {word, value};
  }
  // The value of `token`; 0 when it is no number word. Takes hyphenated
  // compounds too ("forty-two").
  double Value(const Token& token) const {
    auto it = words_.find(token.hash);
    if (it != words_.end() && it->second.first == token.lower) return it->second.second;
    const size_t dash = token.lower.find('-');
    // Tens words are 5 to 7 letters: "twenty" to "seventy".
    if (dash < 5 || dash > 7) return 0;
    const double tens = Word(token.lower.substr(0, dash));
    const double units = Word(token.lower.substr(dash + 1));
    return tens >= 20 && units > 0 && units < 10 ? tens + units : 0;
  }

 private:
  double Word(const std::string& word) const {
    auto it = words_.find(TokenHash(word));
    return it != words_.end() && it->second.first == word ? it->second.second : 0;
  }

  absl::flat_hash_map<uint64_t, std::pair<std::string, double>> words_;
};

const NumberWordMap& NumberWords() {
  static const auto* const kWords = new NumberWordMap{
      {"one", 1},        {"two", 2},       {"three", 3},     {"four", 4},
      {"five", 5},       {"six", 6},       {"seven", 7},     {"eight", 8},
      {"nine", 9},       {"ten", 10},      {"eleven", 11},   {"twelve", 12},
      {"thirteen", 13},  {"fourteen", 14}, {"fifteen", 15},  {"sixteen", 16},
      {"seventeen", 17}, {"eighteen", 18}, {"nineteen", 19}, {"twenty", 20},
      {"thirty", 30},    {"forty", 40},    {"fifty", 50},    {"sixty", 60},
      {"seventy", 70},   {"eighty", 80},   {"ninety", 90},   {"hundred", 100},
      {"dozen", 12}};
  return *kWords;
}

const absl::flat_hash_map<std::string, double>& ScaleWords() {
  static const auto* const kWords = new absl::flat_hash_map<std::string, double>{
      {"thousand", 1e3}, {"million", 1e6}, {"mln", 1e6}, {"m", 1e6},
      {"billion", 1e9},  {"bn", 1e9},      {"bln", 1e9}, {"trillion", 1e12},
      {"tn", 1e12},      {"crore", 1e7}};
  return *kWords;
}

const PhraseTable<v1::AmountQualifier>& Qualifiers() {
  static const auto* const kTable = [] {
    auto* table = new PhraseTable<v1::AmountQualifier>();
    for (const char* phrase : {"more than", "over", "at least", "in excess of",
                               "upwards of", "exceeding", "above"}) {
      table->Add(phrase, v1::AMOUNT_QUALIFIER_AT_LEAST);
    }
    for (const char* phrase : {"up to", "less than", "fewer than", "under", "nearly",
                               "almost", "at most", "below"}) {
      table->Add(phrase, v1::AMOUNT_QUALIFIER_AT_MOST);
    }
    for (const char* phrase : {"about", "around", "some", "roughly", "approximately",
                               "an estimated", "estimated", "close to"}) {
      table->Add(phrase, v1::AMOUNT_QUALIFIER_APPROXIMATELY);
    }
    return table;
  }();
  return *kTable;
}

// Counted nouns that are not facts worth a record: the parties of the
// meeting, and durations.
const TokenSet& IgnoredUnits() {
  static const auto* const kWords = new TokenSet{
      "countries", "country", "nations", "nation", "sides", "side",   "leaders",
      "leader",    "parties", "heads",   "years",  "year",  "months", "month",
      "weeks",     "week",    "days",    "day",    "hours", "hour",   "minutes",
      "decades",   "decade",  "times",   "time",   "of",    "and",    "or",
      "to",        "in",      "on",      "the",    "a",     "at",     "for",
      "from",      "with",    "by",      "as",     "per",   "than",   "that",
      "which",     "who",     "were",    "was",    "is",    "are",    "have",
      "has",       "had",     "will"};
  return *kWords;
}

// Words that may stand between a number and what it counts.
const TokenSet& CountAdjectives() {
  static const auto* const kWords =
      new TokenSet{"new",      "more",       "major",     "key",         "bilateral",
                   "separate", "additional", "large",     "small",       "different",
                   "specific", "concrete",   "important", "leading",     "top",
                   "foreign",  "domestic",   "private",   "state-owned", "joint"};
  return *kWords;
}

std::string Singular(std::string word) {
  if (word == "people") return word;
  if (word == "memoranda") return "memorandum";
  if (absl::EndsWith(word, "ies") && word.size() > 4)
    return word.substr(0, word.size() - 3) + "y";
  if (absl::EndsWith(word, "sses") || absl::EndsWith(word, "shes") ||
      absl::EndsWith(word, "ches") || absl::EndsWith(word, "xes")) {
    return word.substr(0, word.size() - 2);
  }
  if (absl::EndsWith(word, "s") && !absl::EndsWith(word, "ss") && word.size() > 3) {
    return word.substr(0, word.size() - 1);
  }
  return word;
}

bool IsOrdinal(const std::string& word) {
  return word.size() > 2 && absl::ascii_isdigit(word[0]) &&
         (absl::EndsWith(word, "st") || absl::EndsWith(word, "nd") ||
          absl::EndsWith(word, "rd") || absl::EndsWith(word, "th"));
}

int OrdinalValue(const std::string& word) {
  static const auto* const kWords = new absl::flat_hash_map<std::string, int>{
      {"first", 1},        {"second", 2},      {"third", 3},       {"fourth", 4},
      {"fifth", 5},        {"sixth", 6},       {"seventh", 7},     {"eighth", 8},
      {"ninth", 9},        {"tenth", 10},      {"eleventh", 11},   {"twelfth", 12},
      {"thirteenth", 13},  {"fourteenth", 14}, {"fifteenth", 15},  {"sixteenth", 16},
      {"seventeenth", 17}, {"eighteenth", 18}, {"nineteenth", 19}, {"twentieth", 20},
      {"thirtieth", 30},   {"fortieth", 40},   {"fiftieth", 50}};
  static const auto* const kTens = new absl::flat_hash_map<std::string, int>{
      {"twenty", 20}, {"thirty", 30},  {"forty", 40},  {"fifty", 50},
      {"sixty", 60},  {"seventy", 70}, {"eighty", 80}, {"ninety", 90}};
  if (auto it = kWords->find(word); it != kWords->end()) return it->second;
  // "forty-ninth"
  if (const size_t dash = word.find('-'); dash != std::string::npos) {
    auto tens = kTens->find(word.substr(0, dash));
    auto unit = kWords->find(word.substr(dash + 1));
    if (tens != kTens->end() && unit != kWords->end() && unit->second < 10) {
      return tens->second + unit->second;
    }
  }
  if (!IsOrdinal(word)) return 0;
  int value = 0;
  return absl::SimpleAtoi(word.substr(0, word.size() - 2), &value) ? value : 0;
}

// One extraction: the article, its document and what has been found.
class Run {
 public:
  Run(const ReferenceData& data, const v1::Article& article,
      v1::ExtractArticleResponse& out)
      : data_(data),
        article_(article),
        out_(out),
        doc_(article.text()),
        tokens_(doc_.tokens()) {}

  void Go() {
    MarkSentences();
    leaders_ = FindLeaders(doc_, data_);
    FindEvents();
    ResolveDates();
    ChooseMeetingDate();
    if (!SelectParticipants()) return;
    summit_ = out_.mutable_summit();
    IndexMentions();
    for (std::string& warning : warnings_) out_.add_warnings(std::move(warning));
    if (meeting_date_mention_ != nullptr) {
      *summit_->mutable_date() = meeting_date_mention_->date;
    } else {
      out_.add_warnings("the meeting's date is not stated");
    }
    FindLocation();
    AddParticipants();
    FindSectors();
    FindAgreements();
    FindAmounts();
    AddEngagements();
    FindStatements();
    NameSummit();
  }

 private:
  struct Event {
    size_t first = 0;  // The name, without "the" and ordinal.
    size_t last = 0;
    size_t mention_first = 0;  // With them.
    int ordinal = 0;
    int year = 0;  // From the name ("Expo 2030"), when it has one.
    int sentence = 0;
    std::string name;  // Set for actions ("resumed group tour services").
  };

  v1::TextSpan Span(size_t first, size_t last) const {
    v1::TextSpan span = doc_.Span(first, last);
    span.set_source_id(article_.source_id());
    return span;
  }

  bool IsWord(size_t i, const char* word) const {
    return i < tokens_.size() && tokens_[i].lower == word;
  }

  // What one word says about its sentence, looked up once per token.
  enum WordFlag : uint8_t {
    kPhone = 1,     // A telephone call.
    kVideo = 2,     // A video call.
    kVisit = 4,     // A visit ("state visit").
    kNegation = 8,  // Someone did "not" take part.
  };

  static uint8_t FlagsOf(const Token& token) {
    static const auto* const kFlags = [] {
      auto* flags = new absl::flat_hash_map<uint64_t, std::pair<std::string, uint8_t>>();
      auto add = [&](const char* word, uint8_t flag) {
        (*flags)[TokenHash(word)] = {word, flag};
      };
      for (const char* word : {"phone", "telephone"}) add(word, kPhone);
      for (const char* word : {"video", "virtual", "videoconference"}) add(word, kVideo);
      for (const char* word : {"visit", "visits"}) add(word, kVisit);
      for (const char* word : {"not", "n't", "absent", "skipped"}) add(word, kNegation);
      return flags;
    }();
    auto it = kFlags->find(token.hash);
    return it != kFlags->end() && it->second.first == token.lower ? it->second.second : 0;
  }

  void MarkSentences() {
    meeting_sentence_.assign(doc_.sentence_count(), false);
    negated_sentence_.assign(doc_.sentence_count(), false);
    for (size_t i = 0; i < tokens_.size(); ++i) {
      const Token& token = tokens_[i];
      if (token.kind != Token::Kind::kWord) continue;
      if (MeetingWords().contains(token)) meeting_sentence_[token.sentence] = true;
      const uint8_t flags = FlagsOf(token);
      if (flags == 0) continue;
      if (flags & kNegation) negated_sentence_[token.sentence] = true;
      if (flags & kVideo) video_ = true;
      if (!MeetingWords().contains(token)) continue;
      if (flags & kPhone) phone_ = true;
      if ((flags & kVisit) && i > 0 &&
          (Is(tokens_[i - 1], "state") || Is(tokens_[i - 1], "official"))) {
        state_visit_ = true;
      }
    }
  }

  // The participants are the leaders named in sentences that report the
  // meeting; all leaders when that leaves fewer than two countries.
  bool SelectParticipants() {
    if (std::none_of(meeting_sentence_.begin(), meeting_sentence_.end(),
                     [](bool b) { return b; })) {
      out_.set_not_summit_reason("no meeting, talks or call between leaders is reported");
      return false;
    }
    auto countries_of = [&](const std::vector<int>& chosen) {
      std::set<std::string> countries;
      for (int k : chosen) countries.insert(leaders_[k].country);
      return countries;
    };
    std::vector<int> in_meetings;
    std::vector<int> all;
    for (size_t k = 0; k < leaders_.size(); ++k) {
      const Leader& leader = leaders_[k];
      if (leader.country.empty() || leader.kind == data::v1::OFFICE_KIND_UNSPECIFIED)
        continue;
      all.push_back(static_cast<int>(k));
      if (std::any_of(leader.mentions.begin(), leader.mentions.end(), [&](const auto& m) {
            return ReportsTheMeeting(tokens_[m.first].sentence);
          })) {
        in_meetings.push_back(static_cast<int>(k));
      }
    }
    participants_ = countries_of(in_meetings).size() >= 2 ? in_meetings : all;
    if (countries_of(participants_).size() < 2) {
      out_.set_not_summit_reason(
          "no meeting between heads of state or government or ministers of two or more "
          "countries is reported");
      return false;
    }
    std::sort(participants_.begin(), participants_.end(), [&](int a, int b) {
      return std::tie(leaders_[a].country, leaders_[a].display_name) <
             std::tie(leaders_[b].country, leaders_[b].display_name);
    });
    return true;
  }

  // Whether sentence s reports this meeting: it has a meeting word, says
  // nobody "did not" take part, and dates nothing in another year.
  bool ReportsTheMeeting(int s) const {
    if (!meeting_sentence_[s] || negated_sentence_[s]) return false;
    if (meeting_date_mention_ == nullptr) return true;
    const int year = meeting_date_mention_->date.year();
    return std::none_of(dates_.begin(), dates_.end(), [&](const DateMention& m) {
      return tokens_[m.first].sentence == s && m.date.year() != 0 && year != 0 &&
             m.date.year() != year;
    });
  }

  // Named events ("the 32nd APEC Economic Leaders' Meeting") other than the
  // meeting itself.
  void FindEvents() {
    for (size_t i = 0; i < tokens_.size(); ++i) {
      if (!EventHeads().contains(tokens_[i]) || i == 0) continue;
      const int sentence = tokens_[i].sentence;
      // A lower-case head needs a name before it: "the NATO summit".
      if (!tokens_[i].capitalized &&
          !(tokens_[i - 1].capitalized && tokens_[i - 1].sentence == sentence &&
            tokens_[i - 1].start != doc_.SentenceBytes(sentence).first)) {
        continue;
      }
      size_t first = i;
      while (first > 0 && tokens_[first - 1].sentence == sentence) {
        const Token& t = tokens_[first - 1];
        const bool joiner = (Is(t, "of") || Is(t, "and") || Is(t, "on") || Is(t, "-") ||
                             Is(t, "–") || Is(t, "—")) &&
                            first >= 2 && tokens_[first - 2].capitalized;
        const bool part = (t.capitalized && !IsEventStop(t.lower)) ||
                          (t.kind == Token::Kind::kNumber && !IsOrdinal(t.lower)) ||
                          Is(t, "(") || Is(t, ")") || Is(t, "'s") || Is(t, "'") ||
                          Is(t, "’");
        if (!part && !joiner) break;
        --first;
      }
      while (first < i && (Is(tokens_[first], "(") || Is(tokens_[first], "of") ||
                           Is(tokens_[first], "'") || Is(tokens_[first], "’"))) {
        ++first;
      }
      const bool year_follows =
          i + 1 < tokens_.size() && tokens_[i + 1].sentence == sentence &&
          tokens_[i + 1].kind == Token::Kind::kNumber && tokens_[i + 1].lower.size() == 4;
      if (first == i && !year_follows) continue;  // A bare "Summit" is this meeting.
      // A city before a lower-case head ("the Ankara summit") is the place.
      Event event;
      event.first = first;
      event.last = i + 1;
      // "Expo 2030": the year is part of the name and dates the event.
      if (i + 1 < tokens_.size() && tokens_[i + 1].sentence == sentence &&
          tokens_[i + 1].kind == Token::Kind::kNumber &&
          tokens_[i + 1].lower.size() == 4) {
        int year = 0;
        if (absl::SimpleAtoi(tokens_[i + 1].lower, &year) && year >= 1900 &&
            year <= 2100) {
          event.year = year;
          event.last = i + 2;
        }
      }
      event.sentence = sentence;
      event.mention_first = first;
      // The ordinal: "the 32nd ...", "the first meeting of the ... Council".
      const size_t sentence_first = doc_.SentenceTokens(sentence).first;
      for (size_t back = first; back > sentence_first && first - back < 7; --back) {
        if (int ordinal = OrdinalValue(tokens_[back - 1].lower); ordinal > 0) {
          event.ordinal = ordinal;
          event.mention_first = back - 1;
          break;
        }
        if (Is(tokens_[back - 1], ",") || Is(tokens_[back - 1], ".")) break;
      }
      if (event.mention_first > 0 && Is(tokens_[event.mention_first - 1], "the")) {
        --event.mention_first;
      }
      events_.push_back(event);
      event_sentence_.insert(sentence);
    }
  }

  static bool IsEventStop(const std::string& word) {
    return word == "the" || word == "in" || word == "at" || word == "during" ||
           word == "when" || word == "after" || word == "before" || word == "both";
  }

  // Resolves every date against the publication date, or else against the
  // first absolute day the report gives for the meeting.
  void ResolveDates() {
    dates_ = FindDates(doc_);
    std::optional<absl::CivilDay> anchor = ToCivilDay(article_.published());
    if (!anchor) {
      for (const DateMention& mention : dates_) {
        if (!mention.relative && mention.Precision() == 3 &&
            !event_sentence_.contains(tokens_[mention.first].sentence)) {
          anchor = ToCivilDay(mention.date);
          if (anchor) break;
        }
      }
    }
    for (DateMention& mention : dates_) {
      if (!Resolve(mention, anchor)) {
        warnings_.push_back(absl::StrCat("no publication date: relative date \"",
                                         doc_.TextOf(mention.first, mention.last),
                                         "\" left unresolved"));
      }
    }
  }

  bool InEvent(const DateMention& mention) const {
    return event_sentence_.contains(tokens_[mention.first].sentence);
  }

  // The meeting's date: the most precise date of a sentence reporting the
  // meeting and no other event; else the dateline's.
  void ChooseMeetingDate() {
    const DateMention* best = nullptr;
    size_t best_distance = SIZE_MAX;
    for (const DateMention& mention : dates_) {
      const int sentence = tokens_[mention.first].sentence;
      if (!meeting_sentence_[sentence] || InEvent(mention) || mention.date.year() == 0)
        continue;
      const size_t distance = DistanceToMeetingWord(mention);
      const auto rank = [&](const DateMention& m, size_t d) {
        return std::make_tuple(-m.Precision(), tokens_[m.first].sentence, d);
      };
      if (best == nullptr || rank(mention, distance) < rank(*best, best_distance)) {
        best = &mention;
        best_distance = distance;
      }
    }
    // The meeting may itself be a named event ("met ... last Thursday for the
    // fifteenth BIMP-EAGA Summit"): a more precise date there wins.
    for (const DateMention& mention : dates_) {
      if (!InEvent(mention) || !meeting_sentence_[tokens_[mention.first].sentence] ||
          mention.date.year() == 0 || mention.Precision() < 3) {
        continue;
      }
      if (best == nullptr || mention.Precision() > best->Precision()) best = &mention;
    }
    if (best == nullptr) best = DatelineDate();
    meeting_date_mention_ = best;
  }

  // Tokens between a date and the nearest meeting word of its sentence.
  size_t DistanceToMeetingWord(const DateMention& mention) const {
    auto [first, last] = doc_.SentenceTokens(tokens_[mention.first].sentence);
    size_t best = SIZE_MAX;
    for (size_t i = first; i < last; ++i) {
      if (!MeetingWords().contains(tokens_[i])) continue;
      best = std::min(best, i < mention.first ? mention.first - i : i - mention.last);
    }
    return best;
  }

  // Whether token i opens a dateline: "WASHINGTON, May 6 —", "ANKARA —", in
  // the first two sentences.
  bool IsDatelineCity(size_t i, size_t length) const {
    const int sentence = tokens_[i].sentence;
    if (sentence > 1 || tokens_[i].start != doc_.SentenceBytes(sentence).first)
      return false;
    const size_t next = i + length;
    return next < tokens_.size() && (Is(tokens_[next], ",") || Is(tokens_[next], "—") ||
                                     Is(tokens_[next], "–") || Is(tokens_[next], "-"));
  }

  const DateMention* DatelineDate() const {
    for (const DateMention& mention : dates_) {
      const int sentence = tokens_[mention.first].sentence;
      if (sentence > 1) break;
      const size_t first = doc_.SentenceTokens(sentence).first;
      if (mention.first <= first + 4 &&
          data_.cities().Find(tokens_, first, mention.first).length &&
          !InEvent(mention)) {
        return &mention;
      }
    }
    return nullptr;
  }

  // A city of the gazetteer in a sentence reporting the meeting, or in the
  // dateline; else a country named after "in" or "to" there.
  void FindLocation() {
    if (phone_ || video_) return;  // A call has no place; a dateline is the desk's.
    v1::Location* location = summit_->mutable_location();
    // The sentence that dates the meeting names its place first.
    std::vector<size_t> order(tokens_.size());
    std::iota(order.begin(), order.end(), 0);
    if (meeting_date_mention_ != nullptr) {
      const int dated = tokens_[meeting_date_mention_->first].sentence;
      std::stable_partition(order.begin(), order.end(),
                            [&](size_t i) { return tokens_[i].sentence == dated; });
    }
    for (size_t i : order) {
      const int sentence = tokens_[i].sentence;
      if (!tokens_[i].capitalized) continue;
      auto city = data_.cities().Find(tokens_, i, tokens_.size());
      if (!city.length) continue;
      const bool dateline = IsDatelineCity(i, city.length);
      if (!dateline) {
        if (!meeting_sentence_[sentence] || event_sentence_.contains(sentence) ||
            i == 0 ||
            (!Is(tokens_[i - 1], "in") && !Is(tokens_[i - 1], "to") &&
             !Is(tokens_[i - 1], "at"))) {
          continue;
        }
        // "Hyderabad House", "Beijing Capital Airport": a building, not the city.
        const size_t next = i + city.length;
        if (next < tokens_.size() && tokens_[next].capitalized &&
            tokens_[next].sentence == sentence) {
          continue;
        }
      }
      location->set_city(city.value->name());
      location->set_country_code(city.value->country());
      *location->mutable_span() = Span(i, i + city.length);
      // A dateline stands in for a named place, unless it heads the very
      // sentence that dates the meeting.
      if (!dateline || (meeting_date_mention_ != nullptr &&
                        tokens_[meeting_date_mention_->first].sentence == sentence)) {
        return;
      }
      dateline_location_ = *location;
    }
    if (dateline_location_.has_value()) {
      *location = *dateline_location_;
    }
    if (phone_ || video_) {
      summit_->clear_location();
      return;
    }
    if (!location->city().empty()) return;
    for (size_t i = 1; i < tokens_.size(); ++i) {
      const int sentence = tokens_[i].sentence;
      if (!meeting_sentence_[sentence] || event_sentence_.contains(sentence) ||
          (!Is(tokens_[i - 1], "in") && !Is(tokens_[i - 1], "to"))) {
        continue;
      }
      if (auto country = data_.country_names().Find(tokens_, i, tokens_.size());
          country.length) {
        location->set_country_code(*country.value);
        *location->mutable_span() = Span(i, i + country.length);
        return;
      }
    }
    summit_->clear_location();
  }

  // "participants/{slug}" of leader k, computed once.
  const std::string& ParticipantName(int k) {
    if (participant_names_.size() < leaders_.size())
      participant_names_.resize(leaders_.size());
    std::string& name = participant_names_[k];
    if (name.empty())
      name = absl::StrCat("participants/", Slug(leaders_[k].display_name));
    return name;
  }

  void AddParticipants() {
    for (int k : participants_) {
      const Leader& leader = leaders_[k];
      v1::SummitParticipant* participant = summit_->add_participants();
      participant->set_participant(ParticipantName(k));
      participant->set_display_name(leader.display_name);
      participant->set_title(leader.title);
      participant->set_country_code(leader.country);
      for (const auto& [first, last] : leader.mentions) {
        *participant->add_mentions() = Span(first, last);
      }
    }
  }

  // Sector words of the report, except those naming a source ("customs
  // data") and those quoted from people who did not take part.
  void FindSectors() {
    const std::vector<bool> quoted = QuotedTokens();
    std::vector<bool> participant_sentence(doc_.sentence_count(), false);
    for (int k : participants_) {
      for (const auto& [first, last] : leaders_[k].mentions) {
        participant_sentence[tokens_[first].sentence] = true;
      }
    }
    std::map<std::string, v1::SummitSector*> by_id;
    for (size_t i = 0; i < tokens_.size();) {
      auto match = data_.sector_words().Find(tokens_, i, tokens_.size());
      const size_t next = i + match.length;
      if (!match.length ||
          (next < tokens_.size() &&
           (Is(tokens_[next], "data") || Is(tokens_[next], "figures") ||
            Is(tokens_[next], "statistics"))) ||
          (quoted[i] && !participant_sentence[tokens_[i].sentence])) {
        i += std::max<size_t>(match.length, 1);
        continue;
      }
      v1::SummitSector*& sector = by_id[*match.value];
      if (sector == nullptr) {
        sector = summit_->add_sectors();
        sector->set_sector(absl::StrCat("sectors/", *match.value));
        sector->set_surface_text(std::string(doc_.TextOf(i, i + match.length)));
        *sector->mutable_span() = Span(i, i + match.length);
      }
      *sector->add_mentions() = Span(i, i + match.length);
      i += match.length;
    }
  }

  // Which tokens stand inside quotation marks.
  std::vector<bool> QuotedTokens() const {
    std::vector<bool> quoted(tokens_.size(), false);
    bool inside = false;
    for (size_t i = 0; i < tokens_.size(); ++i) {
      const Token& w = tokens_[i];
      if (Is(w, "“") || (Is(w, "\"") && !inside)) {
        inside = true;
      } else if (Is(w, "”") || Is(w, "\"")) {
        inside = false;
      } else if (i > 0 && tokens_[i].sentence != tokens_[i - 1].sentence &&
                 doc_.text()[tokens_[i].start - 1] == '\n') {
        inside = false;  // Quotations end with their paragraph.
      }
      quoted[i] = inside;
    }
    return quoted;
  }

  // The sector ids named in tokens [first, last), in order, once each.
  std::vector<std::string> SectorsIn(size_t first, size_t last) const {
    std::vector<std::string> sectors;
    for (size_t i = first; i < last;) {
      auto match = data_.sector_words().Find(tokens_, i, last);
      if (!match.length) {
        ++i;
        continue;
      }
      const std::string name = absl::StrCat("sectors/", *match.value);
      if (std::find(sectors.begin(), sectors.end(), name) == sectors.end()) {
        sectors.push_back(name);
      }
      i += match.length;
    }
    return sectors;
  }

  // Documents signed or adopted: an agreement noun in a sentence with a
  // signing verb before it, with the number in front and the sectors after.
  void FindAgreements() {
    for (int s = 0; s < doc_.sentence_count(); ++s) {
      auto [first, last] = doc_.SentenceTokens(s);
      size_t verb = last;
      for (size_t i = first; i < last; ++i) {
        if (SigningVerbs().contains(tokens_[i])) {
          verb = i;
          break;
        }
      }
      // Agreement nouns after the verb; a joint statement needs none ("The
      // joint statement mentions ...").
      std::vector<std::pair<size_t, PhraseTable<v1::AgreementKind>::Match>> nouns;
      for (size_t i = first; i < last;) {
        auto match = AgreementNouns().Find(tokens_, i, last);
        const bool documents_alone =
            match.length && Is(tokens_[i], "documents") && !IsWord(i - 1, "cooperation");
        if (!match.length || documents_alone ||
            (i < verb && *match.value != v1::AGREEMENT_KIND_JOINT_STATEMENT) ||
            (*match.value == v1::AGREEMENT_KIND_JOINT_STATEMENT &&
             Is(tokens_[i], "declaration") && !IsWord(i - 1, "joint"))) {
          ++i;
          continue;
        }
        nouns.emplace_back(i, match);
        i += match.length;
      }
      for (size_t n = 0; n < nouns.size(); ++n) {
        const auto& [i, match] = nouns[n];
        const size_t sectors_end = n + 1 < nouns.size() ? nouns[n + 1].first : last;
        AddAgreement(i, match.length, *match.value,
                     std::max(first, verb < i ? verb + 1 : first), sectors_end, last);
      }
    }
  }

  // An agreement noun at tokens [i, i + length); its count stands before it,
  // its sectors after it up to `sectors_end`. Merges with an agreement of the
  // same kind and count found before (a headline repeats the body).
  void AddAgreement(size_t i, size_t length, v1::AgreementKind kind, size_t floor,
                    size_t sectors_end, size_t sentence_end) {
    v1::Agreement agreement;
    agreement.set_kind(kind);
    size_t start = i;
    size_t back = i;
    while (back > floor && (CountAdjectives().contains(tokens_[back - 1]) ||
                            Is(tokens_[back - 1], "cooperation") ||
                            Is(tokens_[back - 1], "commercial"))) {
      --back;
    }
    if (back > floor) {
      if (double value = NumberValue(back - 1); value > 0 && value < 1000) {
        agreement.set_count(static_cast<int>(value));
        start = back - 1;
      } else if (Is(tokens_[back - 1], "multiple") || Is(tokens_[back - 1], "several") ||
                 Is(tokens_[back - 1], "a") || Is(tokens_[back - 1], "an")) {
        start = back - 1;
      }
    }
    size_t end = sectors_end;
    if (end == sentence_end && end > start && Is(tokens_[end - 1], ".")) --end;
    for (const std::string& sector : SectorsIn(i + length, end))
      agreement.add_sectors(sector);
    // "... the chair's statement runs to 42 paragraphs. Its core commits the
    // countries to a power grid ...": the next sentence describes it.
    if (agreement.sectors_size() == 0 &&
        tokens_[i].sentence + 1 < doc_.sentence_count()) {
      auto [next_first, next_last] = doc_.SentenceTokens(tokens_[i].sentence + 1);
      if (next_first < next_last &&
          (Is(tokens_[next_first], "its") || Is(tokens_[next_first], "it"))) {
        for (const std::string& sector : SectorsIn(next_first, next_last)) {
          agreement.add_sectors(sector);
        }
      }
    }
    agreement.set_description(std::string(doc_.TextOf(start, end)));
    *agreement.mutable_span() = Span(start, end);
    for (v1::Agreement& earlier : *summit_->mutable_agreements()) {
      if (earlier.kind() != kind || earlier.count() != agreement.count()) continue;
      for (const std::string& sector : agreement.sectors()) {
        if (std::find(earlier.sectors().begin(), earlier.sectors().end(), sector) ==
            earlier.sectors().end()) {
          earlier.add_sectors(sector);
        }
      }
      if (earlier.sectors_size() == agreement.sectors_size() &&
          agreement.sectors_size() > 0) {
        // The richer mention describes it best.
        *earlier.mutable_span() = agreement.span();
        earlier.set_description(agreement.description());
      }
      return;
    }
    *summit_->add_agreements() = std::move(agreement);
  }

  // The value of a number at i (digits or words), 0 when it is none.
  double NumberValue(size_t i) const {
    if (i >= tokens_.size()) return 0;
    const Token& t = tokens_[i];
    if (t.kind == Token::Kind::kNumber) {
      if (IsOrdinal(t.lower)) return 0;
      const std::string digits = absl::StrReplaceAll(t.lower, {{",", ""}});
      double value = 0;
      if (absl::SimpleAtod(digits, &value)) return value;
      // A scale suffix: "5bn", "2.5m".
      for (const auto& [suffix, scale] : ScaleWords()) {
        if (digits.size() > suffix.size() && absl::EndsWith(digits, suffix) &&
            absl::SimpleAtod(digits.substr(0, digits.size() - suffix.size()), &value)) {
          return value * scale;
        }
      }
      return 0;
    }
    return NumberWords().Value(t);
  }

  // Amounts: a number (digits or words, with a scale) that is money, by a
  // currency before or after it, or else counts the noun after it.
  void FindAmounts() {
    std::vector<bool> in_dates(tokens_.size(), false);
    for (const DateMention& mention : dates_) {
      std::fill(in_dates.begin() + mention.first, in_dates.begin() + mention.last, true);
    }
    for (size_t i = 0; i < tokens_.size(); ++i) {
      if (in_dates[i] || tokens_[i].kind == Token::Kind::kPunct) continue;
      const size_t sentence_end = doc_.SentenceTokens(tokens_[i].sentence).second;
      v1::Amount amount;
      const size_t number_end = ReadNumber(i, sentence_end, amount);
      if (number_end == i) continue;
      size_t start = CurrencyBefore(i, amount);
      size_t end = number_end;
      std::string country;
      if (amount.currency_code().empty())
        end = CurrencyAfter(number_end, sentence_end, amount);
      size_t resume = 0;  // "three of its 11 frigates": 11 counts too.
      if (amount.currency_code().empty()) {
        end = CountedNoun(i, number_end, sentence_end, amount, country, &resume);
        if (end == number_end) continue;
      }
      start = QualifierBefore(start, amount);
      if (country.empty()) country = ClauseCountry(start);
      amount.set_country_code(country);
      if (const DateMention* date = OnlyDateIn(tokens_[i].sentence); date != nullptr) {
        *amount.mutable_date() = date->date;
      }
      *amount.mutable_span() = Span(start, end);
      i = (resume != 0 ? resume : end) - 1;
      AddAmountOnce(std::move(amount));
    }
  }

  // Reads the number at i into amount.value: "125", "14.7 billion", "5bn",
  // "twenty five". Returns the index after it, or i when there is none.
  size_t ReadNumber(size_t i, size_t end, v1::Amount& amount) const {
    double value = NumberValue(i);
    if (value <= 0) return i;
    size_t j = i + 1;
    while (j < end && tokens_[i].kind == Token::Kind::kWord &&
           NumberWords().Value(tokens_[j]) > 0) {
      const double next = NumberWords().Value(tokens_[j]);
      value = next == 100 ? value * 100 : value + next;
      ++j;
    }
    if (j < end && tokens_[j].kind == Token::Kind::kNumber) return i;  // "4 2025"
    if (j < end) {
      if (auto scale = ScaleWords().find(tokens_[j].lower);
          scale != ScaleWords().end() && tokens_[j].lower.size() > 1) {
        value *= scale->second;
        ++j;
      }
    }
    amount.set_value(value);
    return j;
  }

  // An upper-case ISO 4217 code as written at token i ("USD"), or "".
  std::string CurrencyCodeAt(size_t i) const {
    if (tokens_[i].kind != Token::Kind::kWord || tokens_[i].lower.size() != 3) return "";
    const std::string code = absl::AsciiStrToUpper(tokens_[i].lower);
    return data_.IsCurrencyCode(code) && doc_.TextOf(i, i + 1) == code ? code : "";
  }

  // A currency before the number at `start` ("$", "US$", "C$", "USD"); the
  // amount's new first token.
  size_t CurrencyBefore(size_t start, v1::Amount& amount) const {
    if (start == 0) return start;
    if (auto symbol = data_.currency_symbols().Find(tokens_, start - 1, start + 1);
        symbol.length == 1) {
      amount.set_currency_code(*symbol.value);
      if (start >= 2) {
        if (auto two = data_.currency_symbols().Find(tokens_, start - 2, start);
            two.length == 2) {
          amount.set_currency_code(*two.value);
          return start - 2;
        }
      }
      return start - 1;
    }
    if (std::string code = CurrencyCodeAt(start - 1); !code.empty()) {
      amount.set_currency_code(code);
      return start - 1;
    }
    return start;
  }

  // A currency after the number ("dollars", "billion euros", "USD"); the
  // amount's new end.
  size_t CurrencyAfter(size_t j, size_t end, v1::Amount& amount) const {
    if (j >= end) return j;
    if (auto words = data_.currency_words().Find(tokens_, j, end); words.length) {
      amount.set_currency_code(*words.value);
      return j + words.length;
    }
    if (std::string code = CurrencyCodeAt(j); !code.empty()) {
      amount.set_currency_code(code);
      return j + 1;
    }
    return j;
  }

  // What the number at i (ending at j) counts: "125 Canadian companies",
  // "four proposals", "5%", "two more Patriot air-defence batteries",
  // "eight new border checkpoints". Sets unit and counted, and `country`
  // from a demonym among the modifiers, and `resume` to a second number
  // the phrase holds ("three of its 11 frigates"). Returns the amount's end,
  // or j when the number counts nothing worth a record.
  size_t CountedNoun(size_t i, size_t j, size_t end, v1::Amount& amount,
                     std::string& country, size_t* resume) const {
    size_t k = j;
    // "three of its 11 frigates": what the second number counts.
    if (k + 2 < end && Is(tokens_[k], "of") &&
        (Is(tokens_[k + 1], "its") || Is(tokens_[k + 1], "the") ||
         Is(tokens_[k + 1], "their"))) {
      k += 2;
      if (NumberValue(k) > 0) *resume = k++;
    }
    int demonyms = 0;
    while (k < end && (CountAdjectives().contains(tokens_[k]) || tokens_[k].capitalized ||
                       (absl::EndsWith(tokens_[k].lower, "ed") && k + 1 < end &&
                        tokens_[k + 1].kind == Token::Kind::kWord) ||
                       (Is(tokens_[k], "and") && demonyms > 0))) {
      if (auto demonym = data_.demonyms().Find(tokens_, k, end); demonym.length) {
        country = ++demonyms == 1 ? *demonym.value : "";  // Two nationalities: none.
        k += demonym.length;
      } else {
        ++k;
      }
    }
    if (k >= end) return j;
    const Token& noun = tokens_[k];
    size_t last = k + 1;
    if (Is(noun, "%") || Is(noun, "percent") || Is(noun, "per")) {
      amount.set_unit("percent");
      if (Is(noun, "per") && IsWord(k + 1, "cent")) ++last;
    } else if (noun.kind == Token::Kind::kWord && !noun.capitalized &&
               !IgnoredUnits().contains(noun) && NumberWords().Value(noun) == 0 &&
               !Is(tokens_[i], "one")) {
      // A compound's head is its last noun: "border checkpoints".
      while (k + 1 < end && !absl::EndsWith(tokens_[k].lower, "s") &&
             tokens_[k + 1].kind == Token::Kind::kWord && !tokens_[k + 1].capitalized &&
             absl::EndsWith(tokens_[k + 1].lower, "s") &&
             !IgnoredUnits().contains(tokens_[k + 1])) {
        ++k;
      }
      amount.set_unit(Singular(tokens_[k].lower));
      last = k + 1;
      // "six memorandums of understanding", "six MoUs": one unit.
      if (auto agreement = AgreementNouns().Find(tokens_, k, end); agreement.length) {
        amount.set_unit(*agreement.value == v1::AGREEMENT_KIND_MEMORANDUM_OF_UNDERSTANDING
                            ? "memorandum"
                            : Singular(tokens_[k + agreement.length - 1].lower));
        last = k + agreement.length;
      }
    } else {
      return j;
    }
    amount.set_counted(std::string(doc_.TextOf(j, last)));
    return last;
  }

  // A qualifier before the amount ("more than", "about"); its new start.
  size_t QualifierBefore(size_t start, v1::Amount& amount) const {
    for (size_t back = 1; back <= 3 && back <= start; ++back) {
      if (auto qualifier = Qualifiers().Find(tokens_, start - back, start);
          qualifier.length == back) {
        amount.set_qualifier(*qualifier.value);
        return start - back;
      }
    }
    return start;
  }

  // A headline repeats the body: the same amount is kept once.
  void AddAmountOnce(v1::Amount amount) {
    const bool repeated = std::any_of(
        summit_->amounts().begin(), summit_->amounts().end(),
        [&](const v1::Amount& earlier) {
          return earlier.value() == amount.value() && earlier.unit() == amount.unit() &&
                 earlier.currency_code() == amount.currency_code() &&
                 earlier.qualifier() == amount.qualifier() &&
                 earlier.country_code() == amount.country_code();
        });
    if (!repeated) *summit_->add_amounts() = std::move(amount);
  }

  // The country that is the subject of the clause ending at token `end`:
  // "Spain exported ...", "... that Germany would send ...".
  std::string ClauseCountry(size_t end) const {
    const size_t sentence_first = doc_.SentenceTokens(tokens_[end].sentence).first;
    size_t first = end;
    while (first > sentence_first) {
      const Token& w = tokens_[first - 1];
      if (Is(w, ",") || Is(w, "that") || Is(w, ";") || Is(w, ":") || Is(w, "said") ||
          Is(w, "says"))
        break;
      --first;
    }
    // ", or roughly $12 billion": the same amount, the same subject.
    if (first < end && Is(tokens_[first], "or") && first > sentence_first + 1) {
      return ClauseCountry(first - 1);
    }
    if (first < end && (Is(tokens_[first], "the") || Is(tokens_[first], "a"))) ++first;
    // In subject position, not part of a leader's mention, not one of a
    // list ("Kenya, Ethiopia sign ...").
    if (first >= end || !tokens_[first].capitalized || MentionStart(first) != first ||
        ParticipantAt(first) >= 0) {
      return "";
    }
    auto country = data_.country_names().Find(tokens_, first, end);
    if (!country.length) country = data_.demonyms().Find(tokens_, first, end);
    if (!country.length) return "";
    const size_t after = first + country.length;
    if (after + 1 < end && (Is(tokens_[after], "and") || Is(tokens_[after], ",")) &&
        (data_.country_names().Find(tokens_, after + 1, end).length ||
         data_.demonyms().Find(tokens_, after + 1, end).length)) {
      return "";  // "Sweden and India sign ...": both.
    }
    if (first > sentence_first && Is(tokens_[first - 1], ",") && first >= 2 &&
        (data_.country_names().Find(tokens_, first - 2, first - 1).length ||
         tokens_[first - 2].capitalized)) {
      return "";
    }
    return *country.value;
  }

  const DateMention* OnlyDateIn(int sentence) const {
    const DateMention* only = nullptr;
    for (const DateMention& mention : dates_) {
      if (tokens_[mention.first].sentence != sentence) continue;
      if (only != nullptr) return nullptr;
      only = &mention;
    }
    return only;
  }

  // The countries a sentence names, and the participants' when it speaks of
  // both sides.
  std::vector<std::string> CountriesIn(int sentence) const {
    std::set<std::string> countries;
    auto [first, last] = doc_.SentenceTokens(sentence);
    for (size_t i = first; i < last; ++i) {
      if (Is(tokens_[i], "both") ||
          (Is(tokens_[i], "two") && i + 1 < last &&
           (Is(tokens_[i + 1], "countries") || Is(tokens_[i + 1], "nations")))) {
        for (int k : participants_) countries.insert(leaders_[k].country);
      }
      if (!tokens_[i].capitalized) continue;
      if (auto name = data_.country_names().Find(tokens_, i, last); name.length) {
        countries.insert(*name.value);
      } else if (auto demonym = data_.demonyms().Find(tokens_, i, last); demonym.length) {
        countries.insert(*demonym.value);
      }
    }
    return {countries.begin(), countries.end()};
  }

  // The place named after an event: "in South Korea", "held in Shanghai".
  v1::Location PlaceAfter(size_t from, size_t end) const {
    v1::Location location;
    for (size_t i = from; i + 1 < end; ++i) {
      if (!Is(tokens_[i], "in") && !Is(tokens_[i], "at")) continue;
      if (auto city = data_.cities().Find(tokens_, i + 1, end);
          city.length && tokens_[i + 1].capitalized) {
        location.set_city(city.value->name());
        location.set_country_code(city.value->country());
        *location.mutable_span() = Span(i + 1, i + 1 + city.length);
        return location;
      }
      size_t c = i + 1;
      if (Is(tokens_[c], "the")) ++c;
      if (auto country = data_.country_names().Find(tokens_, c, end); country.length) {
        location.set_country_code(*country.value);
        *location.mutable_span() = Span(c, c + country.length);
        return location;
      }
    }
    return location;
  }

  // The date of an event's sentence nearest the event.
  const DateMention* DateNear(const Event& event) const {
    const DateMention* best = nullptr;
    size_t best_distance = SIZE_MAX;
    for (const DateMention& mention : dates_) {
      if (tokens_[mention.first].sentence != event.sentence) continue;
      const size_t distance = mention.first > event.last
                                  ? mention.first - event.last
                                  : event.first - std::min(event.first, mention.last);
      if (distance < best_distance) {
        best = &mention;
        best_distance = distance;
      }
    }
    return best;
  }

  void AddEngagements() {
    for (const Event& event : events_) {
      const DateMention* date = DateNear(event);
      if (date == meeting_date_mention_ && date != nullptr) continue;
      // Without a date or an ordinal, a named meeting is this one or a
      // passing mention.
      if (date == nullptr && event.ordinal == 0 && event.year == 0) continue;
      const std::string name(doc_.TextOf(event.first, event.last));
      if (std::any_of(
              summit_->related_engagements().begin(),
              summit_->related_engagements().end(),
              [&](const v1::RelatedEngagement& e) { return e.event_name() == name; })) {
        continue;
      }
      auto [first, last] = doc_.SentenceTokens(event.sentence);
      v1::RelatedEngagement* engagement = summit_->add_related_engagements();
      engagement->set_event_name(name);
      engagement->set_ordinal(event.ordinal);
      if (date != nullptr) *engagement->mutable_date() = date->date;
      if (date == nullptr && event.year != 0)
        engagement->mutable_date()->set_year(event.year);
      *engagement->mutable_location() = PlaceAfter(event.last, last);
      FillFromRecurringEvent(event, *engagement);
      size_t end = last;
      if (Is(tokens_[end - 1], ".")) --end;
      engagement->set_description(std::string(doc_.TextOf(first, end)));
      for (const std::string& country : CountriesIn(event.sentence)) {
        engagement->add_country_codes(country);
      }
      *engagement->mutable_span() = Span(event.mention_first, event.last);
    }
    AddDatedActions();
  }

  // An event held every year at the same time and place ("the China
  // International Import Expo ... last year") takes its month and place
  // from reference/data/events.json where the text gives none.
  void FillFromRecurringEvent(const Event& event,
                              v1::RelatedEngagement& engagement) const {
    auto known = data_.recurring_events().Find(tokens_, event.first, event.last);
    if (known.length != event.last - event.first) return;
    if (engagement.date().year() != 0 && engagement.date().month() == 0) {
      engagement.mutable_date()->set_month(known.value->month());
    }
    if (engagement.location().city().empty() &&
        engagement.location().country_code().empty() && known.value->has_city()) {
      engagement.mutable_location()->set_city(known.value->city().name());
      engagement.mutable_location()->set_country_code(known.value->city().country());
    }
  }

  // A dated meeting outside this one, named by what precedes "held in
  // PLACE": "the intergovernmental consultations held in Berlin two years
  // ago". Returns whether it added one for `mention`.
  bool AddPastMeeting(const DateMention& mention, size_t first, size_t last) {
    static const auto* const kAuxiliaries =
        new TokenSet{"be", "been", "was", "were", "is", "are", "will", "to"};
    static const auto* const kNameStops =
        new TokenSet{"the", "a", "an", "and", "that", "which", "their", "its", "his",
                     "her", "our", "both", "two", "three", "all", "recalled", "since"};
    for (size_t held = first + 1; held + 2 < last; ++held) {
      if (!Is(tokens_[held], "held") || !Is(tokens_[held + 1], "in")) continue;
      v1::Location place = PlaceAfter(held + 1, last);
      if (place.city().empty() && place.country_code().empty()) continue;
      // This meeting, told again ("the talks, held in Beijing on Friday").
      if (place.city() == summit_->location().city() &&
          mention.date.SerializeAsString() == summit_->date().SerializeAsString()) {
        return false;
      }
      size_t end = held;
      while (end > first && kAuxiliaries->contains(tokens_[end - 1])) --end;
      size_t start = end;
      while (start > first && end - start < 5 &&
             tokens_[start - 1].kind == Token::Kind::kWord &&
             !kNameStops->contains(tokens_[start - 1])) {
        --start;
      }
      if (start == end) continue;
      v1::RelatedEngagement* engagement = summit_->add_related_engagements();
      engagement->set_event_name(std::string(doc_.TextOf(start, end)));
      *engagement->mutable_date() = mention.date;
      *engagement->mutable_location() = std::move(place);
      size_t sentence_end = last;
      if (Is(tokens_[sentence_end - 1], ".")) --sentence_end;
      engagement->set_description(std::string(doc_.TextOf(first, sentence_end)));
      for (const std::string& country : CountriesIn(tokens_[first].sentence)) {
        engagement->add_country_codes(country);
      }
      *engagement->mutable_span() = Span(start, end);
      return true;
    }
    return false;
  }

  // Dated actions of a country outside the meeting: "China resumed group
  // tour services ... in November".
  void AddDatedActions() {
    static const auto* const kVerbs = new TokenSet{
        "resumed", "launched",  "opened",  "reopened",   "lifted", "established", "began",
        "started", "suspended", "imposed", "introduced", "eased",  "restored"};
    for (const DateMention& mention : dates_) {
      const int sentence = tokens_[mention.first].sentence;
      if (&mention == meeting_date_mention_ || event_sentence_.contains(sentence)) continue;
      auto [first, last] = doc_.SentenceTokens(sentence);
      // A sentence about this meeting may still recall an earlier one.
      if (AddPastMeeting(mention, first, last) || meeting_sentence_[sentence]) continue;
      for (size_t v = first; v < last; ++v) {
        if (!kVerbs->contains(tokens_[v])) continue;
        size_t end = v + 1;
        while (end < last && end != mention.first &&
               tokens_[end].kind == Token::Kind::kWord &&
               !(Is(tokens_[end], "for") || Is(tokens_[end], "to") ||
                 Is(tokens_[end], "in") || Is(tokens_[end], "on") ||
                 Is(tokens_[end], "with") || Is(tokens_[end], "after")) &&
               end - v < 6) {
          ++end;
        }
        if (end == v + 1) continue;
        v1::RelatedEngagement* engagement = summit_->add_related_engagements();
        engagement->set_event_name(std::string(doc_.TextOf(v, end)));
        *engagement->mutable_date() = mention.date;
        size_t sentence_end = last;
        if (Is(tokens_[sentence_end - 1], ".")) --sentence_end;
        engagement->set_description(std::string(doc_.TextOf(first, sentence_end)));
        for (const std::string& country : CountriesIn(sentence)) {
          engagement->add_country_codes(country);
        }
        *engagement->mutable_span() = Span(v, end);
        break;
      }
    }
  }

  // The participant a mention at token i belongs to; -1 when none.
  int ParticipantAt(size_t i) const {
    return mention_owner_.empty() ? -1 : mention_owner_[i];
  }

  bool IsQuote(size_t i) const {
    const Token& w = tokens_[i];
    return Is(w, "\"") || Is(w, "“") || Is(w, "”") || Is(w, "‘");
  }

  // The first token of the participant mention that holds token i.
  size_t MentionStart(size_t i) const {
    return mention_owner_.empty() || mention_owner_[i] < 0 ? i : mention_start_[i];
  }

  // Indexes every participant mention by token, for ParticipantAt and
  // MentionStart.
  void IndexMentions() {
    mention_owner_.assign(tokens_.size(), -1);
    mention_start_.assign(tokens_.size(), 0);
    for (int k : participants_) {
      for (const auto& [first, last] : leaders_[k].mentions) {
        for (size_t t = first; t < last; ++t) {
          if (mention_owner_[t] >= 0) continue;
          mention_owner_[t] = k;
          mention_start_[t] = first;
        }
      }
    }
  }

  // "President Xi emphasized that ...", "He called for ...".
  // The participant who is the subject of the reporting verb at i: right
  // before it ("Xi emphasized"), before an adverb ("also called") or an
  // aside ("The Sultan, characteristically brief, stressed"), a pronoun
  // for the last participant named, or "and" for the sentence's speaker
  // ("said ... and described"). -1 when none.
  int SpeakerOf(size_t i, size_t first, int last_speaker, int sentence_speaker,
                size_t* subject) const {
    size_t k = i - 1;
    if (k > first && (absl::EndsWith(tokens_[k].lower, "ly") || Is(tokens_[k], "also")))
      --k;
    if (Is(tokens_[k], ",") && k > first) {
      size_t open = k - 1;
      while (open > first && !Is(tokens_[open], ",")) --open;
      if (open > first && Is(tokens_[open], ",")) k = open - 1;
    }
    *subject = k;
    if (int speaker = ParticipantAt(k); speaker >= 0) return speaker;
    if (Is(tokens_[k], "he") || Is(tokens_[k], "she")) return last_speaker;
    if (Is(tokens_[k], "and")) return sentence_speaker;
    return -1;
  }

  // "President Xi emphasized that ...", "He called for ...", "“...,” Prabowo
  // said.", several per sentence.
  void FindStatements() {
    int last_speaker = -1;
    for (int s = 0; s < doc_.sentence_count(); ++s) {
      auto [first, last] = doc_.SentenceTokens(s);
      int sentence_speaker = -1;
      for (size_t i = first; i < last; ++i) {
        if (int k = ParticipantAt(i); k >= 0) last_speaker = k;
        auto verb = ReportingVerbs().find(tokens_[i].lower);
        if (verb == ReportingVerbs().end() || i == first) continue;
        size_t subject = i;
        const int speaker = SpeakerOf(i, first, last_speaker, sentence_speaker, &subject);
        if (speaker < 0) {
          // "..., said Anna Berglund, chief executive of ...": someone else
          // speaks now, and a later "she" is not a participant.
          if (i + 1 < last && tokens_[i + 1].capitalized && ParticipantAt(i + 1) < 0) {
            last_speaker = -1;
          }
          continue;
        }
        std::string lemma = verb->second;
        size_t text_start = i + 1;
        if (lemma == "call for") {
          if (!IsWord(text_start, "for")) continue;  // "called" a name, not a demand.
          ++text_start;
        }
        if (IsWord(text_start, "that") || IsWord(text_start, "on")) ++text_start;
        // The text runs to the sentence's end or to the next "and <verb>".
        size_t end = text_start;
        while (end < last && !(Is(tokens_[end], "and") && end + 1 < last &&
                               ReportingVerbs().contains(tokens_[end + 1].lower))) {
          ++end;
        }
        if (end > text_start && Is(tokens_[end - 1], ".")) --end;
        size_t span_start = subject;
        size_t span_end = end;
        if (end <= text_start) {
          // "“We want to build,” Prabowo said.": the quotation before.
          text_start = first;
          end = MentionStart(subject);
          while (end > text_start && (Is(tokens_[end - 1], ",") || IsQuote(end - 1)))
            --end;
          while (text_start < end && IsQuote(text_start)) ++text_start;
          if (end <= text_start) continue;
          span_start = first;
          span_end = i + 1;
        }
        v1::Statement* statement = summit_->add_statements();
        statement->set_speaker(ParticipantName(speaker));
        statement->set_verb(lemma);
        statement->set_text(std::string(doc_.TextOf(text_start, end)));
        *statement->mutable_span() = Span(span_start, span_end);
        sentence_speaker = speaker;
      }
    }
  }

  void NameSummit() {
    std::set<std::string> countries;
    std::vector<std::string> names;
    for (int k : participants_) {
      countries.insert(absl::AsciiStrToLower(leaders_[k].country));
      names.push_back(leaders_[k].display_name);
    }
    if (phone_) {
      summit_->set_format(v1::SUMMIT_FORMAT_PHONE_CALL);
    } else if (video_) {
      summit_->set_format(v1::SUMMIT_FORMAT_VIDEO_CALL);
    } else if (state_visit_) {
      summit_->set_format(v1::SUMMIT_FORMAT_STATE_VISIT);
    } else if (countries.size() > 2) {
      summit_->set_format(v1::SUMMIT_FORMAT_MULTILATERAL);
    } else {
      summit_->set_format(v1::SUMMIT_FORMAT_BILATERAL);
    }
    const v1::Date& date = summit_->date();
    std::vector<std::string> parts;
    if (date.year() != 0) {
      std::string part = absl::StrCat(date.year());
      if (date.month() != 0)
        absl::StrAppend(&part, "-", absl::Dec(date.month(), absl::kZeroPad2));
      if (date.day() != 0)
        absl::StrAppend(&part, "-", absl::Dec(date.day(), absl::kZeroPad2));
      parts.push_back(part);
    }
    const bool call = summit_->format() == v1::SUMMIT_FORMAT_PHONE_CALL ||
                      summit_->format() == v1::SUMMIT_FORMAT_VIDEO_CALL;
    if (call) {
      parts.push_back("call");
    } else if (!summit_->location().city().empty()) {
      parts.push_back(Slug(summit_->location().city()));
    }
    parts.push_back(absl::StrJoin(countries, "-"));
    summit_->set_name(absl::StrCat("summits/", absl::StrJoin(parts, "-")));

    std::string who =
        names.size() <= 2
            ? absl::StrJoin(names, " and ")
            : absl::StrCat(absl::StrJoin(names.begin(), names.end() - 1, ", "), " and ",
                           names.back());
    if (call) {
      summit_->set_title(
          absl::StrCat(who, " hold a ", phone_ ? "phone call" : "video call"));
    } else if (!summit_->location().city().empty()) {
      summit_->set_title(absl::StrCat(who, " meet in ", summit_->location().city()));
    } else {
      summit_->set_title(absl::StrCat(who, " meet"));
    }
    v1::Source* source = summit_->add_sources();
    source->set_source_id(article_.source_id());
    source->set_url(article_.url());
    source->set_title(article_.title());
    *source->mutable_published() = article_.published();
  }

  const ReferenceData& data_;
  const v1::Article& article_;
  v1::ExtractArticleResponse& out_;
  const Document doc_;
  const std::vector<Token>& tokens_;
  v1::Summit* summit_ = nullptr;
  std::vector<bool> meeting_sentence_;
  std::vector<bool> negated_sentence_;  // Says someone did "not" take part.
  bool phone_ = false;
  bool video_ = false;
  bool state_visit_ = false;
  std::vector<Leader> leaders_;
  std::vector<int> participants_;
  std::vector<std::string> participant_names_;
  std::vector<int> mention_owner_;     // Participant per token, -1 for none.
  std::vector<size_t> mention_start_;  // First token of that mention.
  std::vector<Event> events_;
  absl::flat_hash_set<int> event_sentence_;
  std::vector<DateMention> dates_;
  const DateMention* meeting_date_mention_ = nullptr;
  std::vector<std::string> warnings_;
  std::optional<v1::Location> dateline_location_;
};

}  // namespace

v1::ExtractArticleResponse Extractor::Extract(const v1::Article& article) const {
  v1::ExtractArticleResponse response;
  Run(data_, article, response).Go();
  return response;
}

}  // namespace summit::extractor
