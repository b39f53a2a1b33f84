// Small builders of summit records for storage and service tests.
#ifndef SUMMIT_TESTS_TESTING_SUMMITS_H_
#define SUMMIT_TESTS_TESTING_SUMMITS_H_

#include <string>
#include <utility>
#include <vector>

#include "summit/v1/resources.pb.h"

namespace summit::testing {

inline v1::Date MakeDate(int year, int month, int day) {
  v1::Date date;
  date.set_year(year);
  date.set_month(month);
  date.set_day(day);
  return date;
}

struct PersonSpec {
  std::string id;       // participant id, e.g. "xi-jinping"
  std::string country;  // ISO alpha-3
  std::string title = "President";
};

// A summit named summits/`id` on `date` with `people`, touching `sectors`,
// with one agreement covering `agreement_sectors` (none when empty) and one
// source per entry of `sources`.
inline v1::Summit MakeSummit(const std::string& id, const v1::Date& date,
                             const std::vector<PersonSpec>& people,
                             const std::vector<std::string>& sectors,
                             const std::vector<std::string>& agreement_sectors = {},
                             const std::vector<std::string>& sources = {}) {
  v1::Summit summit;
  summit.set_name("summits/" + id);
  summit.set_title("Meeting " + id);
  *summit.mutable_date() = date;
  for (const PersonSpec& person : people) {
    v1::SummitParticipant* participant = summit.add_participants();
    participant->set_participant("participants/" + person.id);
    participant->set_display_name(person.id);
    participant->set_title(person.title);
    participant->set_country_code(person.country);
    participant->add_mentions()->set_text(person.title + " " + person.id);
  }
  for (const std::string& sector : sectors) {
    summit.add_sectors()->set_sector("sectors/" + sector);
  }
  if (!agreement_sectors.empty()) {
    v1::Agreement* agreement = summit.add_agreements();
    agreement->set_description("cooperation documents");
    for (const std::string& sector : agreement_sectors) {
      agreement->add_sectors("sectors/" + sector);
    }
  }
  v1::RelatedEngagement* engagement = summit.add_related_engagements();
  engagement->set_event_name("Expo");
  *engagement->mutable_date() = MakeDate(date.year() - 1, 11, 0);
  for (const std::string& source : sources) {
    v1::Source* added = summit.add_sources();
    added->set_source_id(source);
    added->set_content_sha256("sha-of-" + source);
  }
  return summit;
}

}  // namespace summit::testing

#endif  // SUMMIT_TESTS_TESTING_SUMMITS_H_
