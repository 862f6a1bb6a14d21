#include "delivery/testing/outbox_fixture.h"

#include <algorithm>
#include <array>
#include <random>

#include <fmt/format.h>

#include "catalog/localized_text.h"
#include "delivery/outbox_writer.h"
#include "delivery/sms_window.h"

namespace proaktiv::delivery::testing {
namespace {

constexpr int kPersonsPerTransaction = 500;

constexpr std::array<const char*, 12> kGiven = {"Kari",  "Ola",  "Åse", "Bjørn", "Ingrid", "Håkon",
                                                "Sølvi", "Arne", "Eli", "Ørjan", "Maja",   "Nils"};
constexpr std::array<const char*, 10> kFamily = {"Nordmann", "Hansen", "Johansen", "Ødegård",
                                                 "Berg",     "Haugen", "Lie",      "Sæther",
                                                 "Dahl",     "Aasen"};
constexpr std::array<const char*, 8> kStreets = {
    "Storgata",      "Kong Oscars gate", "Nygårdsgaten",     "Fjellveien",
    "Sandviksveien", "Løvstakkveien",    "Møllendalsbakken", "Årstadveien"};
constexpr std::array<const char*, 6> kLanguages = {"nb", "nb", "nb", "nn", "en", "se"};

template <typename T>
registry::Fact<T> F(T value) {
  return registry::Fact<T>{"fixture", 0, std::move(value)};
}

// A resident of the kommune, made up from `rng`; `protection` as given.
registry::Person MakeResident(int64_t index, std::mt19937_64& rng,
                              const OutboxFixtureOptions& options,
                              registry::AddressProtection protection) {
  registry::Person p;
  // 11 made-up digits that cannot collide between persons of one fixture.
  p.identity_numbers.push_back(
      F(registry::IdentityNumber{fmt::format("7{:010}", index + 1), true}));
  p.name.facts.push_back(
      F(registry::PersonName{kGiven[rng() % kGiven.size()], "", kFamily[rng() % kFamily.size()]}));
  const CivilDate born =
      CivilDate::FromDays(options.day.days() - 365 * 25 - static_cast<int32_t>(rng() % (365 * 40)));
  p.birth.facts.push_back(F(registry::Birth{born, options.kommunenummer}));
  p.status.facts.push_back(F(registry::StatusFact{registry::PersonStatus::kBosatt}));
  registry::Address a;
  a.street = kStreets[rng() % kStreets.size()];
  a.house_number = std::to_string(1 + rng() % 90);
  a.postal_code = fmt::format("50{:02}", 3 + rng() % 90);
  a.postal_place = "BERGEN";
  a.kommunenummer = options.kommunenummer;
  a.moved_in = CivilDate::FromDays(born.days() + 365 * 20);
  p.residence.facts.push_back(F(a));
  if (protection != registry::AddressProtection::kUgradert) {
    p.protection.facts.push_back(F(registry::ProtectionFact{protection}));
  }
  return p;
}

// The contact record of `person_key`, or nullopt for a person without one (see the header).
std::optional<store::ContactRecord> MakeContact(int64_t person_key, int64_t index, bool protect,
                                                std::mt19937_64& rng, int64_t confirmed) {
  store::ContactRecord c;
  c.person_key = person_key;
  c.status = "AKTIV";
  c.notification_status = "KAN_VARSLES";
  c.language = kLanguages[rng() % kLanguages.size()];
  c.loaded_at = confirmed;
  const std::string mobile = fmt::format("+479{:07}", index % 10000000);
  const std::string email = fmt::format("innbygger{}@eksempel.no", index + 1);
  auto with_mobile = [&] {
    c.mobile = mobile;
    c.mobile_updated = confirmed;
  };
  auto with_email = [&] {
    c.email = email;
    c.email_updated = confirmed;
  };
  const uint64_t pick = protect ? 100 : rng() % 100;
  if (pick < 30) {
    c.mailbox_address = fmt::format("{}.postkasse", index + 1);
    c.mailbox_provider = (rng() % 2) == 0 ? "digipost" : "eboks";
    with_email();
  } else if (pick < 65) {
    with_email();
    with_mobile();
  } else if (pick < 75) {
    with_email();
  } else if (pick < 85) {
    with_mobile();
  } else if (pick < 95) {
    c.reserved = true;
    if (rng() % 2 == 0) with_mobile();
  } else if (pick < 100) {
    return std::nullopt;
  } else {  // a protected address: reserved, sometimes with a mobile for the notice
    c.reserved = true;
    if (rng() % 2 == 0) with_mobile();
  }
  return c;
}

}  // namespace

int64_t OutboxFixture::messages() const {
  int64_t n = 0;
  for (const auto& [channel, keys] : keys) n += static_cast<int64_t>(keys.size());
  return n;
}

Result<OutboxFixture> FillOutbox(store::RegistryStore& store, const DeliveryConfig& config,
                                 const OutboxFixtureOptions& options) {
  if (options.people <= 0) {
    return InvalidArgument(fmt::format("people must be positive, not {}", options.people));
  }
  std::mt19937_64 rng(options.seed);
  const int64_t queued_at = StartOfDayInNorway(options.day);
  const int64_t confirmed = queued_at - 90 * 86400;  // well within 18 months
  const catalog::LocalizedText service_name{"Barnehageplass", "Barnehageplass",
                                            "Kindergarten place"};
  OutboxWriter writer(store, config);
  OutboxFixture fixture;
  for (int64_t begin = 0; begin < options.people; begin += kPersonsPerTransaction) {
    const int64_t end = std::min<int64_t>(options.people, begin + kPersonsPerTransaction);
    PROAKTIV_RETURN_IF_ERROR(InTransaction(store, [&]() -> Status {
      for (int64_t i = begin; i < end; ++i) {
        const bool protect = i % 12 == 11;
        const auto protection = !protect       ? registry::AddressProtection::kUgradert
                                : i % 24 == 23 ? registry::AddressProtection::kStrengtFortrolig
                                               : registry::AddressProtection::kFortrolig;
        const registry::Person person = MakeResident(i, rng, options, protection);
        PROAKTIV_ASSIGN_OR_RETURN(int64_t key, store.PutPerson(0, person));
        ++fixture.persons;
        if (auto contact = MakeContact(key, i, protect, rng, confirmed)) {
          PROAKTIV_RETURN_IF_ERROR(store.contacts().PutContact(*contact));
        }
        // The offer and its messages, as engine/offer_decider.cc writes them.
        store::OfferRecord offer;
        offer.service = options.service;
        offer.subject_key = key;
        offer.occurrence = fmt::format("date:{}", options.day.ToString().substr(0, 4));
        offer.kommunenummer = options.kommunenummer;
        offer.reason = "fixture";
        offer.decided_day = options.day.days();
        offer.updated_day = options.day.days();
        offer.deadline_day = options.day.days() + 60;
        offer.decision_json = "{}";
        offer.recipients = {key};
        PROAKTIV_ASSIGN_OR_RETURN(offer.id, store.engine().InsertOffer(offer, "trigger"));
        fixture.offer_ids.push_back(offer.id);
        auto render = [&](std::string_view language,
                          const registry::Person&) -> Result<ServiceText> {
          return ServiceText{fmt::format("Tilbud om barnehageplass ({})", language),
                             "Barnet ditt kan få plass i barnehagen fra august.\nSvar innen "
                             "fristen."};
        };
        PROAKTIV_ASSIGN_OR_RETURN(int written,
                                  writer.Enqueue(offer, store::MessageKind::kOffer, service_name,
                                                 {{key, &person}}, render, queued_at));
        if (written == 0) return Internal(fmt::format("offer {} queued no message", offer.id));
      }
      return {};
    }));
  }
  // The keys as stored (the writer chose the channels).
  for (int64_t offer : fixture.offer_ids) {
    PROAKTIV_ASSIGN_OR_RETURN(auto messages, store.outbox().MessagesOf(offer));
    for (const store::OutboxMessage& m : messages) {
      fixture.keys[m.channel].push_back(m.idempotency_key);
    }
  }
  for (auto& [channel, keys] : fixture.keys) std::sort(keys.begin(), keys.end());
  return fixture;
}

Result<OutboxFixture> FillOutboxFile(const std::string& path, const DeliveryConfig& config,
                                     const OutboxFixtureOptions& options) {
  PROAKTIV_ASSIGN_OR_RETURN(auto store, store::OpenSqliteStore(path));
  return FillOutbox(*store, config, options);
}

}  // namespace proaktiv::delivery::testing
