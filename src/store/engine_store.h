#pragma once

// Storage for the proactive engine: offers with their recipients and state transitions, the
// date index, opt-outs and the caseworker queue. It lives in the same database as the registry
// and shares its transaction (RegistryStore::Begin/Commit), so an offer, the index entries it
// consumed and the engine's pointer commit together. Used by one thread at a time, like the
// RegistryStore that owns it.

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "common/result.h"

namespace proaktiv::store {

enum class OfferKind { kOffer, kNotice };
enum class OfferState { kProposed, kSent, kOpened, kAccepted, kDeclined, kExpired, kWithdrawn };

std::string_view Name(OfferKind kind);
std::string_view Name(OfferState state);
Result<OfferKind> ParseOfferKind(std::string_view s);
Result<OfferState> ParseOfferState(std::string_view s);
// Proposed, sent and opened offers are open: they can still be answered, changed or withdrawn.
bool IsOpen(OfferState state);
// The life of an offer: proposed → sent (delivered) → opened → accepted | declined; any open
// offer may expire or be withdrawn, and a citizen may answer an offer they have not opened
// through the portal (sent → accepted | declined). Accepted, declined and expired offers are
// final; a withdrawn offer comes back (→ proposed) only through a re-decision.
bool CanTransition(OfferState from, OfferState to);

struct OfferRecord {
  int64_t id = 0;  // 0 until inserted
  std::string service;
  int64_t subject_key = 0;
  std::string occurrence;  // "date:2026", "event:4711"
  OfferKind kind = OfferKind::kOffer;
  OfferState state = OfferState::kProposed;
  int version = 1;
  std::string kommunenummer;
  std::string reason;
  int32_t decided_day = 0;  // days since 1970-01-01
  std::optional<int32_t> deadline_day;
  int32_t updated_day = 0;
  std::string decision_json;  // application, explanation, reason texts
  std::vector<int64_t> recipients;
};

struct OfferTransition {
  int64_t offer_id = 0;
  std::optional<OfferState> from;  // nullopt when the offer was made
  OfferState to = OfferState::kProposed;
  int version = 1;
  int32_t day = 0;
  std::string cause;
  bool notify = false;  // the citizen must be told (an offer already sent changed)
};

struct DueEntry {
  int32_t due_day = 0;
  int64_t person_key = 0;
  std::string service;
  int trigger_no = 0;
  std::string occurrence;  // empty for date triggers

  bool operator==(const DueEntry&) const = default;
};

struct CaseworkerTask {
  std::string service;
  int64_t subject_key = 0;
  std::string occurrence;
  std::string reason;  // "guardianship", "child-death", "no-recipient", …
  std::string kommunenummer;
  int32_t day = 0;
};

// One group of offers for reports: per service, kommune, month of the decision, kind, state.
struct OfferCount {
  std::string service;
  std::string kommunenummer;
  std::string month;  // "2026-01"
  OfferKind kind = OfferKind::kOffer;
  OfferState state = OfferState::kProposed;
  int64_t count = 0;
};

class EngineStore {
 public:
  virtual ~EngineStore() = default;

  virtual Result<std::optional<OfferRecord>> FindOffer(std::string_view service,
                                                       int64_t subject_key,
                                                       std::string_view occurrence) = 0;
  virtual Result<std::optional<OfferRecord>> FindOfferById(int64_t id) = 0;
  // Inserts `offer` with its recipients and the transition that made it; returns its id.
  // AlreadyExists when (service, subject, occurrence) has an offer.
  virtual Result<int64_t> InsertOffer(const OfferRecord& offer, std::string_view cause) = 0;
  // Writes the offer's state, version, content and recipients, and records `transition`.
  virtual Status UpdateOffer(const OfferRecord& offer, const OfferTransition& transition) = 0;
  // Offers about `subject_key`, open ones only when `open_only`, in id order.
  virtual Result<std::vector<OfferRecord>> OffersAbout(int64_t subject_key, bool open_only) = 0;
  // Offers sent to `recipient_key`, in id order.
  virtual Result<std::vector<OfferRecord>> OffersFor(int64_t recipient_key) = 0;
  // Open offers whose deadline is before `day`, earliest deadline first, at most `limit`.
  virtual Result<std::vector<OfferRecord>> OpenOffersPastDeadline(int32_t day, int limit) = 0;
  virtual Result<std::vector<OfferTransition>> Transitions(int64_t offer_id) = 0;
  virtual Result<std::vector<OfferCount>> CountOffers() = 0;
  // Calls `visit` for every offer in id order (recipients not filled in); stops when it
  // returns false.
  virtual Status ForEachOffer(const std::function<bool(const OfferRecord&)>& visit) = 0;

  // Adds an entry to the date index (an existing identical entry is kept).
  virtual Status AddDue(const DueEntry& entry) = 0;
  // The entries due on or before `day`, earliest first, at most `limit`.
  virtual Result<std::vector<DueEntry>> DueThrough(int32_t day, int limit) = 0;
  virtual Status RemoveDue(const DueEntry& entry) = 0;
  virtual Result<int64_t> CountDue() = 0;

  virtual Status SetOptOut(int64_t person_key, std::string_view service, bool opted_out,
                           int32_t day) = 0;
  virtual Result<bool> IsOptedOut(int64_t person_key, std::string_view service) = 0;

  // Queues a task (an existing task for the same service, subject and occurrence is kept);
  // returns true when it was new.
  virtual Result<bool> AddCaseworkerTask(const CaseworkerTask& task) = 0;
  virtual Result<std::vector<CaseworkerTask>> CaseworkerTasks() = 0;
};

}  // namespace proaktiv::store
