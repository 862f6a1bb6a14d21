#include "synth/guardianship.h"

#include <array>
#include <utility>

#include "synth/geography.h"
#include "synth/random.h"

namespace proaktiv::synth {
namespace {

// The ten statsforvalter offices and the counties (2024) they serve.
constexpr std::array<std::string_view, 10> kOffices = {
    "statsforvalterenIOsloOgViken",        "statsforvalterenIInnlandet",
    "statsforvaltarenIVestfoldOgTelemark", "statsforvalterenIAgder",
    "statsforvaltarenIRogaland",           "statsforvaltarenIVestland",
    "statsforvaltarenIMoereOgRomsdal",     "statsforvalterenITroendelag",
    "statsforvalterenINordland",           "statsforvalterenITromsOgFinnmark",
};
constexpr std::array<std::pair<std::string_view, uint8_t>, 15> kCountyOffice = {{
    {"Oslo", 0},
    {"Akershus", 0},
    {"Buskerud", 0},
    {"Østfold", 0},
    {"Innlandet", 1},
    {"Vestfold", 2},
    {"Telemark", 2},
    {"Agder", 3},
    {"Rogaland", 4},
    {"Vestland", 5},
    {"Møre og Romsdal", 6},
    {"Trøndelag", 7},
    {"Nordland", 8},
    {"Troms", 9},
    {"Finnmark", 9},
}};

// 1 + the office index of `county`, or 0 when unknown.
uint8_t OfficeCode(std::string_view county) {
  for (const auto& [name, office] : kCountyOffice) {
    if (name == county) return static_cast<uint8_t>(office + 1);
  }
  return 0;
}

double ShareAtAge(int age) {
  if (age < 18) return 0;
  if (age < 67) return 0.006;
  if (age < 80) return 0.012;
  return 0.025;
}

}  // namespace

void AssignGuardianship(Population& part, uint64_t seed, int kommune, CivilDate reference) {
  const uint8_t office = OfficeCode(Kommuner()[static_cast<size_t>(kommune)].county);
  if (office == 0) return;
  Rng rng = Rng::Derive(seed, 4, static_cast<uint64_t>(kommune));
  for (SynthPerson& p : part.persons) {
    const double share = ShareAtAge(reference.YearsSince(p.birth_date()));
    if (share == 0 || p.Has(PersonFlag::kDNumber)) continue;
    if (rng.Chance(share)) p.guardianship = office;
  }
}

std::string_view EmbeteForCounty(std::string_view county) {
  uint8_t office = OfficeCode(county);
  return office == 0 ? std::string_view() : kOffices[office - 1];
}

registry::Guardianship GuardianshipOf(const SynthPerson& p) {
  registry::Guardianship g;
  g.type = "voksen";
  if (p.guardianship != 0 && p.guardianship <= kOffices.size()) {
    g.embete = std::string(kOffices[p.guardianship - 1]);
  }
  g.scope = "personligeOgOekonomiskeInteresser";
  g.scope_within_personal = true;
  return g;
}

}  // namespace proaktiv::synth
