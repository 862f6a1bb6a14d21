#include "synth/names.h"

#include <array>
#include <string>

namespace proaktiv::synth {
namespace {

constexpr std::array<std::string_view, 60> kMale = {
    "Jan",    "Per",     "Bjørn",    "Ole",    "Lars",       "Kjell",   "Knut",    "Arne",
    "Svein",  "Thomas",  "Hans",     "Geir",   "Tor",        "Morten",  "Terje",   "Odd",
    "Martin", "Erik",    "Andreas",  "Rune",   "Trond",      "Jon",     "Anders",  "Tore",
    "Harald", "Daniel",  "Kristian", "Olav",   "Gunnar",     "Magnus",  "Jonas",   "Stian",
    "Espen",  "Øyvind",  "Marius",   "Henrik", "Kristoffer", "Eirik",   "Fredrik", "Sindre",
    "Emil",   "Jakob",   "Noah",     "Oliver", "William",    "Lucas",   "Filip",   "Isak",
    "Aksel",  "Theodor", "Johannes", "Sander", "Elias",      "Mathias", "Tobias",  "Vetle",
    "Håkon",  "Sigurd",  "Leon",     "Ludvig"};
constexpr std::array<std::string_view, 60> kFemale = {
    "Anne",     "Inger",   "Kari",      "Marit",    "Ingrid",   "Liv",      "Eva",    "Berit",
    "Astrid",   "Bjørg",   "Hilde",     "Anna",     "Solveig",  "Marianne", "Randi",  "Ida",
    "Nina",     "Maria",   "Elisabeth", "Kristin",  "Bente",    "Heidi",    "Silje",  "Hanne",
    "Gerd",     "Linda",   "Tone",      "Tove",     "Elin",     "Anita",    "Wenche", "Camilla",
    "Ragnhild", "Julie",   "Thea",      "Ingeborg", "Sofie",    "Emma",     "Nora",   "Sara",
    "Olivia",   "Leah",    "Ella",      "Maja",     "Frida",    "Sofia",    "Emilie", "Hedda",
    "Selma",    "Live",    "Tiril",     "Vilde",    "Mathilde", "Oda",      "Aurora", "Amalie",
    "Åse",      "Synnøve", "Guro",      "Sigrid"};
constexpr std::array<std::string_view, 80> kFamily = {
    "Hansen",    "Johansen",      "Olsen",      "Larsen",     "Andersen",    "Pedersen",
    "Nilsen",    "Kristiansen",   "Jensen",     "Karlsen",    "Johnsen",     "Pettersen",
    "Eriksen",   "Berg",          "Haugen",     "Hagen",      "Johannessen", "Andreassen",
    "Jacobsen",  "Dahl",          "Jørgensen",  "Henriksen",  "Lund",        "Halvorsen",
    "Sørensen",  "Jakobsen",      "Moen",       "Gundersen",  "Iversen",     "Strand",
    "Solberg",   "Svendsen",      "Eide",       "Knutsen",    "Martinsen",   "Paulsen",
    "Bakken",    "Kristoffersen", "Mathisen",   "Lie",        "Amundsen",    "Nguyen",
    "Rasmussen", "Ali",           "Lunde",      "Solheim",    "Berge",       "Moe",
    "Nygård",    "Bakke",         "Kristensen", "Fredriksen", "Holm",        "Lien",
    "Hauge",     "Christensen",   "Andresen",   "Nielsen",    "Knudsen",     "Evensen",
    "Sæther",    "Aas",           "Myhre",      "Hanssen",    "Ahmed",       "Haugland",
    "Thomassen", "Sivertsen",     "Simonsen",   "Danielsen",  "Berntsen",    "Sandvik",
    "Rønning",   "Arnesen",       "Antonsen",   "Næss",       "Vik",         "Haug",
    "Ellingsen", "Thorsen"};
constexpr std::array<std::string_view, 99> kStreetPrefix = {
    "Bjørke",   "Furu",     "Gran",     "Eike",
    "Lønne",    "Hegge",    "Rogne",    "Selje",
    "Løvås",    "Skog",     "Fjell",    "Berg",
    "Dal",      "Strand",   "Sjø",      "Elve",
    "Kirke",    "Skole",    "Stasjons", "Torg",
    "Hage",     "Eng",      "Åker",     "Bakke",
    "Haug",     "Myr",      "Li",       "Vik",
    "Nes",      "Holme",    "Øvre ",    "Nedre ",
    "Solhaug",  "Solbakke", "Granly",   "Fagerli",
    "Lia",      "Brekke",   "Moen",     "Sletta",
    "Kongs",    "Dronning", "Prins",    "Olav Tryggvasons ",
    "Storgata", "Kvernhus", "Sag",      "Mølle",
    "Smie",     "Fiskar",   "Båt",      "Brygge",
    "Havne",    "Fyr",      "Nord",     "Sør",
    "Vest",     "Øst",      "Sol",      "Måne",
    "Stjerne",  "Lyng",     "Blåbær",   "Tyttebær",
    "Multe",    "Rips",     "Eple",     "Plomme",
    "Kirsebær", "Rose",     "Lilje",    "Tulipan",
    "Fiol",     "Kløver",   "Hvete",    "Havre",
    "Bygg",     "Rug",      "Ekorn",    "Rev",
    "Elg",      "Hjort",    "Ørn",      "Ravn",
    "Måke",     "Svane",    "Trost",    "Lerke",
    "Meis",     "Spurve",   "Hauk",     "Gaupe",
    "Bjørne",   "Ulve",     "Oter",     "Bever",
    "Laks",     "Ørret",    "Torske"};
constexpr std::array<std::string_view, 20> kStreetSuffix = {
    "veien",   "gata",   "vegen",   "stien", "lia",    "bakken",  "svingen",
    "tunet",   "haugen", "grenda",  "løkka", "jordet", "kroken",  "åsen",
    "plassen", "allé",   "tråkket", "myra",  "ringen", "skrenten"};

}  // namespace

std::span<const std::string_view> GivenNames(bool female) {
  if (female) return kFemale;
  return kMale;
}
std::span<const std::string_view> FamilyNames() { return kFamily; }

int StreetNameCount() { return static_cast<int>(kStreetPrefix.size() * kStreetSuffix.size()); }

std::string StreetName(int i) {
  std::string_view prefix = kStreetPrefix[static_cast<size_t>(i) % kStreetPrefix.size()];
  std::string_view suffix =
      kStreetSuffix[(static_cast<size_t>(i) / kStreetPrefix.size()) % kStreetSuffix.size()];
  std::string out(prefix);
  // "Storgata" and the like are complete names already.
  if (prefix == "Storgata") {
    out += ' ';
    out += std::to_string(1 + i / static_cast<int>(kStreetPrefix.size()));
    return out;
  }
  if (!prefix.empty() && prefix.back() == ' ') {
    out.back() = ' ';
    std::string s(suffix);
    // "Øvre veien" reads oddly; capitalise nothing, keep it simple: "Øvre Bakken".
    if (!s.empty() && s[0] >= 'a' && s[0] <= 'z') s[0] = static_cast<char>(s[0] - 'a' + 'A');
    out += s;
    return out;
  }
  out += suffix;
  return out;
}

}  // namespace proaktiv::synth
