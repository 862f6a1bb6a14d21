#include "intake/feed_consumer.h"

#include <algorithm>
#include <string>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include <fmt/format.h>

#include "intake/feed_reader.h"
#include "registry/apply.h"
#include "registry/feed_entry.h"

namespace proaktiv::intake {
namespace {

// Best effort: the sequence number of a line that failed to parse, for the error message.
std::optional<int64_t> SniffSequence(std::string_view line) {
  auto pos = line.find("\"sekvensnummer\"");
  if (pos == std::string_view::npos) return std::nullopt;
  pos = line.find(':', pos);
  if (pos == std::string_view::npos) return std::nullopt;
  ++pos;
  while (pos < line.size() && line[pos] == ' ') ++pos;
  int64_t value = 0;
  bool any = false;
  while (pos < line.size() && line[pos] >= '0' && line[pos] <= '9') {
    value = value * 10 + (line[pos++] - '0');
    any = true;
  }
  return any ? std::optional<int64_t>(value) : std::nullopt;
}

}  // namespace

// The persons touched by the current transaction, written back once at commit.
class FeedConsumer::Batch {
 public:
  Batch(store::RegistryStore& store, size_t expected_entries) : store_(store) {
    // Room for a typical page of the feed; a long batch grows from there.
    slots_.reserve(std::min<size_t>(expected_entries, 4096));
    events_.reserve(std::min<size_t>(expected_entries, 4096));
  }

  // Returns the slot of the person with `number`, loading it from the store; -1 when unknown.
  Result<int> Find(const std::string& number) {
    if (auto it = slot_by_number_.find(number); it != slot_by_number_.end()) return it->second;
    PROAKTIV_ASSIGN_OR_RETURN(auto stored, store_.FindPerson(number));
    if (!stored) return -1;
    for (const auto& fact : stored->person.identity_numbers) {
      if (auto it = slot_by_number_.find(fact.value.number); it != slot_by_number_.end()) {
        return it->second;  // already loaded under another of its numbers
      }
    }
    slots_.push_back(Slot{std::move(*stored), false, true});
    int slot = static_cast<int>(slots_.size()) - 1;
    Index(slot);
    return slot;
  }

  const registry::Person* Get(int slot) const {
    return slot < 0 ? nullptr : &slots_[slot].stored.person;
  }

  int Put(int slot, registry::Person person) {
    if (slot < 0) {
      slots_.push_back(Slot{store::StoredPerson{0, std::move(person)}, true, false});
      slot = static_cast<int>(slots_.size()) - 1;
    } else {
      Slot& s = slots_[slot];
      s.numbers_registered = s.numbers_registered && SameNumbers(s.stored.person, person);
      s.stored.person = std::move(person);
      s.dirty = true;
    }
    Index(slot);
    return slot;
  }

  void AddEvent(int slot, store::StoredEvent event) { events_.push_back({slot, std::move(event)}); }
  bool HasSequence(int64_t sequence) const { return sequences_.contains(sequence); }
  void NoteSequence(int64_t sequence) { sequences_.insert(sequence); }
  size_t size() const { return events_.size(); }

  // Writes persons, then events (which refer to persons' keys), then the pointer. Persons who
  // register identity numbers (new persons, new numbers) are written first, in the order they
  // arrived, so that new persons get their keys in feed order. The rest only rewrite their rows
  // and go in key order: rows that share a page are written one after another, and each page
  // is fetched and dirtied once.
  Status Flush(const std::string& feed, int64_t pointer) {
    std::vector<const Slot*> rewrites;
    rewrites.reserve(slots_.size());
    for (Slot& s : slots_) {
      if (!s.dirty) continue;
      if (s.numbers_registered) {
        rewrites.push_back(&s);
      } else {
        PROAKTIV_ASSIGN_OR_RETURN(s.stored.key, store_.PutPerson(s.stored.key, s.stored.person));
      }
    }
    std::sort(rewrites.begin(), rewrites.end(),
              [](const Slot* a, const Slot* b) { return a->stored.key < b->stored.key; });
    for (const Slot* s : rewrites) {
      PROAKTIV_RETURN_IF_ERROR(store_.UpdatePerson(s->stored.key, s->stored.person));
    }
    for (auto& [slot, event] : events_) {
      event.person_key = slot < 0 ? 0 : slots_[slot].stored.key;
      PROAKTIV_RETURN_IF_ERROR(store_.AppendEvent(event));
    }
    return store_.SetPointer(feed, pointer);
  }

  void Clear() {
    slots_.clear();
    events_.clear();
    slot_by_number_.clear();
    sequences_.clear();
  }

 private:
  struct Slot {
    store::StoredPerson stored;
    bool dirty = false;
    bool numbers_registered = false;  // stored, and no identity number added since it was read
  };

  static bool SameNumbers(const registry::Person& a, const registry::Person& b) {
    if (a.identity_numbers.size() != b.identity_numbers.size()) return false;
    for (size_t i = 0; i < a.identity_numbers.size(); ++i) {
      if (a.identity_numbers[i].value.number != b.identity_numbers[i].value.number) return false;
    }
    return true;
  }

  void Index(int slot) {
    for (const auto& fact : slots_[slot].stored.person.identity_numbers) {
      slot_by_number_[fact.value.number] = slot;
    }
  }

  store::RegistryStore& store_;
  std::vector<Slot> slots_;
  std::vector<std::pair<int, store::StoredEvent>> events_;
  std::unordered_map<std::string, int> slot_by_number_;
  std::unordered_set<int64_t> sequences_;
};

FeedConsumer::FeedConsumer(store::RegistryStore& store, IntakeOptions options)
    : store_(store), options_(std::move(options)) {}

Result<IntakeReport> FeedConsumer::Consume(
    std::istream& in, const std::function<void(const IntakeProgress&)>& progress) {
  IntakeReport report;
  PROAKTIV_ASSIGN_OR_RETURN(int64_t pointer, store_.GetPointer(options_.feed));
  int64_t committed_pointer = pointer;
  Batch batch(store_, options_.batch_size);
  IntakeProgress done;

  // One transaction per batch: the lookups see a stable snapshot and take the lock once.
  bool in_transaction = false;
  auto begin = [&]() -> Status {
    if (in_transaction) return {};
    PROAKTIV_RETURN_IF_ERROR(store_.Begin());
    in_transaction = true;
    return {};
  };
  auto commit = [&]() -> Status {
    if (!in_transaction) return {};
    in_transaction = false;
    if (pointer != committed_pointer || batch.size() != 0) {
      if (auto flushed = batch.Flush(options_.feed, pointer); !flushed) {
        (void)store_.Rollback();
        return flushed;
      }
    }
    PROAKTIV_RETURN_IF_ERROR(store_.Commit());
    committed_pointer = pointer;
    batch.Clear();
    if (progress) progress(done);
    return {};
  };

  // Applies one line; an Error return means "stop at this entry" (not a storage failure, which
  // is returned through `storage_error`).
  std::optional<Error> storage_error;
  auto apply_line = [&](const ReadLine& read) -> std::optional<Error> {
    const std::string& line = read.text;
    const Result<registry::FeedEntry>& entry = read.entry;
    if (!entry) {
      if (entry.error().message.rfind("entry ", 0) == 0) return entry.error();
      if (auto seq = SniffSequence(line)) {
        return entry.error().WithContext(fmt::format("entry {}", *seq));
      }
      return entry.error().WithContext(fmt::format("line {}", report.lines));
    }
    if (entry->sequence <= pointer) {
      bool stored = batch.HasSequence(entry->sequence);
      if (!stored) {
        auto has = store_.HasEvent(options_.feed, entry->sequence);
        if (!has) {
          storage_error = has.error();
          return std::nullopt;
        }
        stored = *has;
      }
      if (stored) {
        ++report.replayed;
        return std::nullopt;
      }
      return Error{ErrorCode::kFailedPrecondition,
                   fmt::format("entry {}: out of order: it arrives after entry {}", entry->sequence,
                               pointer)};
    }
    auto slot = batch.Find(entry->person_id);
    if (!slot) {
      storage_error = slot.error();
      return std::nullopt;
    }
    auto outcome = registry::ApplyFeedEntry(batch.Get(*slot), *entry);
    if (!outcome) return outcome.error().WithContext(fmt::format("entry {}", entry->sequence));

    if (entry->sequence > pointer + 1 && pointer > 0) report.gaps += entry->sequence - pointer - 1;
    int new_slot = batch.Put(*slot, std::move(outcome->person));
    store::StoredEvent event{
        entry->sequence,
        options_.feed,
        0,
        entry->event_type,
        entry->timestamp,
        outcome->known_event_type ? store::EventStatus::kApplied : store::EventStatus::kUnknownType,
        std::string()};
    if (!outcome->known_event_type || !outcome->unknown_entities.empty()) event.body = line;
    event.revisions = outcome->corrections + outcome->annulments;
    batch.AddEvent(new_slot, std::move(event));
    batch.NoteSequence(entry->sequence);
    pointer = entry->sequence;
    ++report.applied;
    ++report.by_type[entry->event_type];
    if (!outcome->known_event_type) ++report.unknown_types[entry->event_type];
    for (const auto& e : outcome->unknown_entities) ++report.unknown_entities[e];
    report.created += outcome->created;
    report.corrections += outcome->corrections;
    report.annulments += outcome->annulments;
    if (!outcome->created && outcome->kommune_after != outcome->kommune_before) {
      ++report.moves_between;
    } else if (entry->event_type == "endringIBostedsadresse") {
      ++report.moves_within;
    }
    return std::nullopt;
  };

  FeedReader reader(in);
  bool stopped = false;
  while (!stopped) {
    std::vector<ReadLine> chunk = reader.Next();
    if (chunk.empty()) break;
    for (const ReadLine& read : chunk) {
      done.bytes = read.bytes_through;
      report.lines = done.lines = read.number;
      PROAKTIV_RETURN_IF_ERROR(begin());
      std::optional<Error> bad = apply_line(read);
      if (storage_error) {
        (void)store_.Rollback();
        return tl::unexpected(*storage_error);
      }
      if (bad) {
        report.error = std::move(bad);
        stopped = true;
        break;
      }
      if (batch.size() >= options_.batch_size) {
        PROAKTIV_RETURN_IF_ERROR(commit());
      } else if (progress && report.lines % 4096 == 0) {
        progress(done);
      }
    }
  }
  PROAKTIV_RETURN_IF_ERROR(commit());
  report.last_sequence = pointer;
  return report;
}

}  // namespace proaktiv::intake
