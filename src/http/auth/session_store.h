#pragma once

// Login sessions, in memory (a restart logs everyone out), and logins in progress.
//
// A session has a random 256-bit id (the proaktiv_session cookie's value, base64url), a random
// CSRF token, and the Principal it authenticates (citizen or staff). It ends `idle` after its
// last use or `absolute` after its creation, whichever comes first (times from the Clock).
// Sessions are looked up by id; the id is not logged anywhere.
//
// A pending login (state → PKCE verifier, nonce, return_to) lives 10 minutes and is taken
// (removed) by the callback, so each state works once.
//
// Expired entries are swept on insertion every so often. Thread-safe (one mutex; every
// operation is a hash-map access).

#include <chrono>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>

#include "common/clock.h"
#include "http/principal.h"

namespace proaktiv::http::auth {

struct SessionLimits {
  std::chrono::seconds idle{std::chrono::minutes(30)};
  std::chrono::seconds absolute{std::chrono::hours(8)};
  std::chrono::seconds pending_login{std::chrono::minutes(10)};
  size_t max_sessions = 1'000'000;  // see Create
  size_t max_pending = 100'000;
};

struct PendingLogin {
  std::string code_verifier;
  std::string nonce;
  std::string return_to;
};

class SessionStore {
 public:
  SessionStore(const Clock& clock, SessionLimits limits = {});

  // Creates a session for `principal`; returns it with session_id and csrf_token filled in.
  // When the store is full, expired sessions are swept first; if it is still full, the error is
  // kUnavailable (the server answers 401 / 503 rather than growing without bound).
  Result<Principal> Create(Principal principal);
  // The session's principal when `id` names a live session (its idle timer restarts).
  std::optional<Principal> Find(std::string_view id);
  void Remove(std::string_view id);
  size_t size() const;

  // Pending logins, keyed by the OAuth state.
  Status PutPending(std::string state, PendingLogin login);
  std::optional<PendingLogin> TakePending(std::string_view state);

 private:
  using TimePoint = std::chrono::system_clock::time_point;
  struct Session {
    Principal principal;
    TimePoint created;
    TimePoint last_used;
  };
  struct Pending {
    PendingLogin login;
    TimePoint expires;
  };
  bool Live(const Session& s, TimePoint now) const;
  void SweepLocked(TimePoint now);

  const Clock& clock_;
  const SessionLimits limits_;
  mutable std::mutex mutex_;
  std::unordered_map<std::string, Session> sessions_;
  std::unordered_map<std::string, Pending> pending_;
  TimePoint next_sweep_{};
};

}  // namespace proaktiv::http::auth
