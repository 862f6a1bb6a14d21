#include "http/auth/session_store.h"

#include "http/auth/crypto.h"

namespace proaktiv::http::auth {
namespace {

constexpr std::chrono::seconds kSweepEvery{60};

}  // namespace

SessionStore::SessionStore(const Clock& clock, SessionLimits limits)
    : clock_(clock), limits_(limits) {}

bool SessionStore::Live(const Session& s, TimePoint now) const {
  return now < s.last_used + limits_.idle && now < s.created + limits_.absolute;
}

void SessionStore::SweepLocked(TimePoint now) {
  std::erase_if(sessions_, [&](const auto& e) { return !Live(e.second, now); });
  std::erase_if(pending_, [&](const auto& e) { return now >= e.second.expires; });
  next_sweep_ = now + kSweepEvery;
}

Result<Principal> SessionStore::Create(Principal principal) {
  const TimePoint now = clock_.Now();
  principal.session_id = RandomToken(32);
  principal.csrf_token = RandomToken(32);
  std::lock_guard lock(mutex_);
  if (now >= next_sweep_ || sessions_.size() >= limits_.max_sessions) SweepLocked(now);
  if (sessions_.size() >= limits_.max_sessions) {
    return Unavailable("too many open sessions; try again later");
  }
  sessions_.emplace(principal.session_id, Session{principal, now, now});
  return principal;
}

std::optional<Principal> SessionStore::Find(std::string_view id) {
  const TimePoint now = clock_.Now();
  std::lock_guard lock(mutex_);
  auto it = sessions_.find(std::string(id));
  if (it == sessions_.end()) return std::nullopt;
  if (!Live(it->second, now)) {
    sessions_.erase(it);
    return std::nullopt;
  }
  it->second.last_used = now;
  return it->second.principal;
}

void SessionStore::Remove(std::string_view id) {
  std::lock_guard lock(mutex_);
  sessions_.erase(std::string(id));
}

size_t SessionStore::size() const {
  std::lock_guard lock(mutex_);
  return sessions_.size();
}

Status SessionStore::PutPending(std::string state, PendingLogin login) {
  const TimePoint now = clock_.Now();
  std::lock_guard lock(mutex_);
  if (now >= next_sweep_ || pending_.size() >= limits_.max_pending) SweepLocked(now);
  if (pending_.size() >= limits_.max_pending) {
    return Unavailable("too many logins in progress; try again later");
  }
  pending_.insert_or_assign(std::move(state),
                            Pending{std::move(login), now + limits_.pending_login});
  return {};
}

std::optional<PendingLogin> SessionStore::TakePending(std::string_view state) {
  const TimePoint now = clock_.Now();
  std::lock_guard lock(mutex_);
  auto it = pending_.find(std::string(state));
  if (it == pending_.end()) return std::nullopt;
  Pending pending = std::move(it->second);
  pending_.erase(it);
  if (now >= pending.expires) return std::nullopt;
  return std::move(pending.login);
}

}  // namespace proaktiv::http::auth
