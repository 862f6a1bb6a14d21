#include "synth/entry_builder.h"

#include <fmt/format.h>
#include <boost/json/serialize.hpp>

#include "synth/person_builder.h"

namespace proaktiv::synth {
namespace {

// Day of the last Sunday of `month` in `year`.
int32_t LastSunday(int year, int month) {
  CivilDate last = *CivilDate::FromYmd(year, month, DaysInMonth(year, month));
  // 1970-01-01 was a Thursday: weekday 0 = Monday … 6 = Sunday.
  int weekday = ((last.days() % 7) + 7 + 3) % 7;
  return last.days() - (weekday + 1) % 7;
}

}  // namespace

std::string OsloTimestamp(int32_t day, int32_t millis) {
  CivilDate date = CivilDate::FromDays(day);
  bool summer = day > LastSunday(date.year(), 3) && day < LastSunday(date.year(), 10);
  int32_t s = millis / 1000;
  return fmt::format("{}T{:02}:{:02}:{:02}.{:03}{}", date.ToString(), s / 3600, s / 60 % 60, s % 60,
                     millis % 1000, summer ? "+02:00" : "+01:00");
}

EntryBuilder::EntryBuilder(int64_t sequence, std::string person_id, std::string_view event_type,
                           std::string timestamp)
    : sequence_(sequence),
      person_id_(std::move(person_id)),
      event_type_(event_type),
      timestamp_(std::move(timestamp)),
      next_fact_(kFirstFreeFact) {}

boost::json::object& EntryBuilder::Add(std::string_view entity, std::string_view change) {
  boost::json::object o;
  o["entitet"] = entity;
  o["entitetsendring"] = change;
  changes_.push_back(std::move(o));
  return changes_.back().as_object();
}

FactRef EntryBuilder::Register(std::string_view entity, boost::json::object body) {
  FactRef id{sequence_, next_fact_++};
  boost::json::object& o = Add(entity, "registrereNy");
  o["opplysningsidentifikator"] = id.ToString();
  o[entity] = std::move(body);
  return id;
}

FactRef EntryBuilder::Correct(std::string_view entity, const FactRef& target,
                              boost::json::object body) {
  FactRef id{sequence_, next_fact_++};
  boost::json::object& o = Add(entity, "korrigere");
  o["opplysningsidentifikator"] = id.ToString();
  o["gjelderOpplysningsidentifikator"] = target.ToString();
  o[entity] = std::move(body);
  return id;
}

void EntryBuilder::Annul(std::string_view entity, const FactRef& target) {
  boost::json::object& o = Add(entity, "annullere");
  o["gjelderOpplysningsidentifikator"] = target.ToString();
}

std::string EntryBuilder::Line() {
  boost::json::object h;
  h["folkeregisteridentifikator"] = person_id_;
  h["hendelsetype"] = event_type_;
  h["ajourholdstidspunkt"] = timestamp_;
  if (!document_.empty()) h["persondokument"] = std::move(document_);
  if (!changes_.empty()) h["egenskapshendelse"] = std::move(changes_);
  boost::json::object top;
  top["sekvensnummer"] = sequence_;
  top["hendelse"] = std::move(h);
  std::string line = boost::json::serialize(top);
  line += '\n';
  return line;
}

}  // namespace proaktiv::synth
