#include "synth/contacts.h"

#include <fmt/format.h>
#include <boost/json/object.hpp>
#include <boost/json/serialize.hpp>

#include "synth/geography.h"
#include "synth/names.h"
#include "synth/random.h"

namespace proaktiv::synth {
namespace {

// "Ærlig Øyvind" → "aerlig.oyvind": e-mail local parts in ASCII.
std::string Ascii(std::string_view name) {
  std::string out;
  for (size_t i = 0; i < name.size(); ++i) {
    unsigned char c = static_cast<unsigned char>(name[i]);
    if (c < 0x80) {
      out += static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
      continue;
    }
    std::string_view rest = name.substr(i, 2);
    if (rest == "æ" || rest == "Æ")
      out += "ae";
    else if (rest == "ø" || rest == "Ø")
      out += "o";
    else if (rest == "å" || rest == "Å")
      out += "aa";
    else
      out += 'x';
    ++i;
  }
  return out;
}

std::string KrrTime(int32_t day, int32_t seconds) {
  CivilDate d = CivilDate::FromDays(day);
  return fmt::format("{}T{:02}:{:02}:{:02}+02", d.ToString(), seconds / 3600, seconds / 60 % 60,
                     seconds % 60);
}

}  // namespace

std::string ContactLine(const SynthPerson& p, uint64_t seed, CivilDate reference) {
  if (p.id == 0 || reference.YearsSince(p.birth_date()) < 15) return {};
  Rng rng = Rng::Derive(seed, 3, p.id);
  boost::json::object o;
  o["personidentifikator"] = IdString(p.id);
  bool reserved = rng.Chance(0.05);
  o["reservasjon"] = reserved ? "JA" : "NEI";
  o["status"] = "AKTIV";
  // Confirmed within the last 18 months for most; up to six years ago for about a fifth.
  auto updated = [&]() {
    int32_t back = rng.Chance(0.8) ? static_cast<int32_t>(rng.Below(540))
                                   : 548 + static_cast<int32_t>(rng.Below(5 * 365));
    return KrrTime(reference.days() - back, 28800 + static_cast<int32_t>(rng.Below(36000)));
  };
  boost::json::object contact;
  bool has_email = rng.Chance(0.92);
  bool has_mobile = rng.Chance(0.95);
  if (has_email) {
    std::string given = Ascii(GivenNames(p.female())[p.given]);
    std::string family = Ascii(FamilyNames()[p.family]);
    static constexpr std::string_view kDomains[] = {"eksempel.no", "epost.example", "post.test"};
    contact["epostadresse"] =
        fmt::format("{}.{}{}@{}", given, family, rng.Below(1000), kDomains[rng.Below(3)]);
    contact["epostadresse_oppdatert"] = updated();
  }
  if (has_mobile) {
    contact["mobiltelefonnummer"] =
        fmt::format("+47{}{:07}", rng.Chance(0.6) ? 9 : 4, rng.Below(10000000));
    contact["mobiltelefonnummer_oppdatert"] = updated();
  }
  o["varslingsstatus"] =
      !reserved && (has_email || has_mobile) ? "KAN_VARSLES" : "KAN_IKKE_VARSLES";
  if (!contact.empty()) o["kontaktinformasjon"] = std::move(contact);
  if (!reserved && rng.Chance(0.6)) {
    boost::json::object box;
    bool digipost = rng.Chance(0.8);
    box["postkasseadresse"] = fmt::format("{}.{}#{:04X}", Ascii(GivenNames(p.female())[p.given]),
                                          Ascii(FamilyNames()[p.family]), rng.Below(65536));
    box["postkasseleverandoeradresse"] = digipost ? "984661185" : "996460320";
    o["digital_postkasse"] = std::move(box);
  }
  double u = rng.Uniform();
  double nn = NynorskShare(p.address.kommune);
  o["spraak"] = u < nn ? "nn" : (u < nn + 0.03 ? "en" : "nb");
  std::string line = boost::json::serialize(o);
  line += '\n';
  return line;
}

}  // namespace proaktiv::synth
