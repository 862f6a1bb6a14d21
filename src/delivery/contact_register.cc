#include "delivery/contact_register.h"

#include <charconv>
#include <chrono>

#include <date/date.h>
#include <fmt/format.h>
#include <boost/json.hpp>

#include "common/civil_date.h"

namespace proaktiv::delivery {
namespace {

Result<int> Digits(std::string_view text, size_t pos, size_t n, std::string_view what) {
  int v = 0;
  if (pos + n > text.size()) return InvalidArgument(fmt::format("{} is missing", what));
  auto [end, ec] = std::from_chars(text.data() + pos, text.data() + pos + n, v);
  if (ec != std::errc() || end != text.data() + pos + n) {
    return InvalidArgument(fmt::format("{} is not a number", what));
  }
  return v;
}

Result<std::string> StringField(const boost::json::object& o, std::string_view key, bool required) {
  const boost::json::value* v = o.if_contains(key);
  if (v == nullptr || v->is_null()) {
    if (required) return InvalidArgument(fmt::format("field '{}' is missing", key));
    return std::string();
  }
  if (!v->is_string()) return InvalidArgument(fmt::format("field '{}' is not a string", key));
  return std::string(v->get_string());
}

Result<std::optional<int64_t>> TimeField(const boost::json::object& o, std::string_view key) {
  PROAKTIV_ASSIGN_OR_RETURN(std::string text, StringField(o, key, false));
  if (text.empty()) return std::optional<int64_t>();
  auto t = ParseKrrTime(text);
  if (!t)
    return InvalidArgument(fmt::format("field '{}' = '{}': {}", key, text, t.error().message));
  return std::optional<int64_t>(*t);
}

std::string ProviderName(std::string_view provider) {
  if (provider == "984661185") return "digipost";
  if (provider == "996460320") return "eboks";
  return std::string(provider);
}

}  // namespace

Result<int64_t> ParseKrrTime(std::string_view text) {
  PROAKTIV_ASSIGN_OR_RETURN(CivilDate day, CivilDate::Parse(text));
  int64_t seconds = int64_t{day.days()} * 86400;
  if (text.size() == 10) return seconds;
  if (text.size() < 19 || (text[10] != 'T' && text[10] != ' ') || text[13] != ':' ||
      text[16] != ':') {
    return InvalidArgument("not a date-time of the form YYYY-MM-DDThh:mm:ss");
  }
  PROAKTIV_ASSIGN_OR_RETURN(int h, Digits(text, 11, 2, "the hour"));
  PROAKTIV_ASSIGN_OR_RETURN(int m, Digits(text, 14, 2, "the minute"));
  PROAKTIV_ASSIGN_OR_RETURN(int s, Digits(text, 17, 2, "the second"));
  if (h > 23 || m > 59 || s > 60) return InvalidArgument("the time of day is out of range");
  seconds += h * 3600 + m * 60 + s;
  std::string_view zone = text.substr(19);
  if (!zone.empty() && zone[0] == '.') {  // fractions of a second are dropped
    size_t i = 1;
    while (i < zone.size() && zone[i] >= '0' && zone[i] <= '9') ++i;
    zone = zone.substr(i);
  }
  if (zone.empty() || zone == "Z") return seconds;
  if (zone[0] != '+' && zone[0] != '-') return InvalidArgument("the UTC offset is not +hh or -hh");
  PROAKTIV_ASSIGN_OR_RETURN(int oh, Digits(zone, 1, 2, "the offset's hours"));
  int om = 0;
  if (zone.size() == 6 && zone[3] == ':') {
    PROAKTIV_ASSIGN_OR_RETURN(om, Digits(zone, 4, 2, "the offset's minutes"));
  } else if (zone.size() == 5) {
    PROAKTIV_ASSIGN_OR_RETURN(om, Digits(zone, 3, 2, "the offset's minutes"));
  } else if (zone.size() != 3) {
    return InvalidArgument("the UTC offset is not +hh, +hhmm or +hh:mm");
  }
  const int offset = (oh * 3600 + om * 60) * (zone[0] == '-' ? -1 : 1);
  return seconds - offset;
}

bool ConfirmedWithin18Months(const std::optional<int64_t>& updated,
                             const std::optional<int64_t>& verified, int64_t now) {
  std::optional<int64_t> latest = updated;
  if (verified && (!latest || *verified > *latest)) latest = verified;
  if (!latest) return false;
  using namespace std::chrono;
  const sys_seconds t{seconds{now}};
  const auto day = floor<days>(t);
  date::year_month_day ymd{day};
  ymd = ymd - date::months{18};
  if (!ymd.ok()) ymd = ymd.year() / ymd.month() / date::last;  // 31 Aug → 28/29 Feb
  const sys_seconds cutoff = date::sys_days(ymd) + (t - day);
  return *latest >= cutoff.time_since_epoch().count();
}

Result<KrrLine> ParseKrrLine(std::string_view line, int64_t loaded_at) {
  boost::system::error_code ec;
  boost::json::value doc = boost::json::parse(line, ec);
  if (ec || !doc.is_object()) return InvalidArgument("the line is not a JSON object");
  const boost::json::object& o = doc.get_object();
  KrrLine out;
  ContactRecord& r = out.record;
  r.loaded_at = loaded_at;
  PROAKTIV_ASSIGN_OR_RETURN(out.identity_number, StringField(o, "personidentifikator", true));
  if (out.identity_number.size() != 11) {
    return InvalidArgument("field 'personidentifikator' is not 11 digits");
  }
  PROAKTIV_ASSIGN_OR_RETURN(std::string reservation, StringField(o, "reservasjon", false));
  if (reservation == "JA") {
    r.reserved = true;
  } else if (reservation == "NEI" || reservation.empty()) {
    r.reserved = false;
  } else {
    return InvalidArgument(fmt::format("field 'reservasjon' = '{}' is not JA or NEI", reservation));
  }
  PROAKTIV_ASSIGN_OR_RETURN(r.status, StringField(o, "status", true));
  if (r.status != "AKTIV" && r.status != "SLETTET" && r.status != "IKKE_REGISTRERT") {
    return InvalidArgument(
        fmt::format("field 'status' = '{}' is not AKTIV, SLETTET or IKKE_REGISTRERT", r.status));
  }
  PROAKTIV_ASSIGN_OR_RETURN(r.notification_status, StringField(o, "varslingsstatus", false));
  if (r.notification_status.empty()) r.notification_status = "KAN_IKKE_VARSLES";
  if (r.notification_status != "KAN_VARSLES" && r.notification_status != "KAN_IKKE_VARSLES") {
    return InvalidArgument(
        fmt::format("field 'varslingsstatus' = '{}' is not KAN_VARSLES or KAN_IKKE_VARSLES",
                    r.notification_status));
  }
  if (const boost::json::value* c = o.if_contains("kontaktinformasjon"); c && !c->is_null()) {
    if (!c->is_object()) return InvalidArgument("field 'kontaktinformasjon' is not an object");
    const boost::json::object& k = c->get_object();
    PROAKTIV_ASSIGN_OR_RETURN(r.email, StringField(k, "epostadresse", false));
    PROAKTIV_ASSIGN_OR_RETURN(r.email_updated, TimeField(k, "epostadresse_oppdatert"));
    PROAKTIV_ASSIGN_OR_RETURN(r.email_verified, TimeField(k, "epostadresse_sist_verifisert"));
    PROAKTIV_ASSIGN_OR_RETURN(r.mobile, StringField(k, "mobiltelefonnummer", false));
    PROAKTIV_ASSIGN_OR_RETURN(r.mobile_updated, TimeField(k, "mobiltelefonnummer_oppdatert"));
    PROAKTIV_ASSIGN_OR_RETURN(r.mobile_verified,
                              TimeField(k, "mobiltelefonnummer_sist_verifisert"));
  }
  if (const boost::json::value* b = o.if_contains("digital_postkasse"); b && !b->is_null()) {
    if (!b->is_object()) return InvalidArgument("field 'digital_postkasse' is not an object");
    PROAKTIV_ASSIGN_OR_RETURN(r.mailbox_address,
                              StringField(b->get_object(), "postkasseadresse", true));
    PROAKTIV_ASSIGN_OR_RETURN(std::string provider,
                              StringField(b->get_object(), "postkasseleverandoeradresse", true));
    r.mailbox_provider = ProviderName(provider);
  }
  PROAKTIV_ASSIGN_OR_RETURN(r.language, StringField(o, "spraak", false));
  if (r.language.empty()) r.language = "nb";
  if (r.language != "nb" && r.language != "nn" && r.language != "en" && r.language != "se") {
    return InvalidArgument(
        fmt::format("field 'spraak' = '{}' is not nb, nn, en or se", r.language));
  }
  return out;
}

Result<ContactLoadReport> LoadContacts(store::RegistryStore& store, std::istream& in,
                                       int64_t loaded_at,
                                       const std::function<void(int64_t)>& progress, int batch) {
  ContactLoadReport report;
  std::string line;
  bool open = false;
  auto fail = [&](Error e) -> Result<ContactLoadReport> {
    if (open) (void)store.Rollback();
    return tl::unexpected(std::move(e));
  };
  while (std::getline(in, line)) {
    ++report.lines;
    if (line.find_first_not_of(" \t\r") == std::string::npos) continue;
    auto parsed = ParseKrrLine(line, loaded_at);
    if (!parsed) return fail(parsed.error().WithContext(fmt::format("line {}", report.lines)));
    if (!open) {
      if (auto s = store.Begin(); !s) return fail(s.error());
      open = true;
    }
    auto person = store.FindPerson(parsed->identity_number);
    if (!person) return fail(person.error());
    if (!*person) {
      ++report.unknown_persons;
    } else {
      parsed->record.person_key = (*person)->key;
      if (auto s = store.contacts().PutContact(parsed->record); !s) return fail(s.error());
      ++report.loaded;
    }
    if (report.lines % batch == 0) {
      open = false;
      if (auto s = store.Commit(); !s) return fail(s.error());
      if (progress) progress(report.lines);
    }
  }
  if (open) {
    open = false;
    if (auto s = store.Commit(); !s) return fail(s.error());
  }
  if (progress) progress(report.lines);
  return report;
}

}  // namespace proaktiv::delivery
