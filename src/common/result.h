#pragma once

// Errors as values. Every fallible function in proaktiv returns Result<T>; exceptions are
// caught at the edges (start-up, third-party adapters) and turned into an Error at once.

#include <string>
#include <string_view>
#include <utility>

#include <tl/expected.hpp>

namespace proaktiv {

enum class ErrorCode {
  kInvalidArgument,  // the caller's input is wrong; the message names the field and value
  kNotFound,
  kAlreadyExists,
  kFailedPrecondition,  // the state does not allow the operation (e.g. out-of-order event)
  kDataLoss,            // stored data is corrupt
  kUnavailable,         // an outside system (database, network peer) failed; may succeed later
  kInternal,
};

std::string_view ErrorCodeName(ErrorCode code);

// An error with a code and a human-readable message. Messages never contain a full national
// identity number (use NationalId::Masked()).
struct Error {
  ErrorCode code = ErrorCode::kInternal;
  std::string message;

  // "invalid argument: <message>"
  std::string ToString() const;

  // Returns a copy whose message is "<context>: <message>".
  Error WithContext(std::string_view context) const;
};

template <typename T>
using Result = tl::expected<T, Error>;

using Status = tl::expected<void, Error>;

inline tl::unexpected<Error> MakeError(ErrorCode code, std::string message) {
  return tl::unexpected<Error>(Error{code, std::move(message)});
}
inline tl::unexpected<Error> InvalidArgument(std::string message) {
  return MakeError(ErrorCode::kInvalidArgument, std::move(message));
}
inline tl::unexpected<Error> NotFound(std::string message) {
  return MakeError(ErrorCode::kNotFound, std::move(message));
}
inline tl::unexpected<Error> FailedPrecondition(std::string message) {
  return MakeError(ErrorCode::kFailedPrecondition, std::move(message));
}
inline tl::unexpected<Error> Unavailable(std::string message) {
  return MakeError(ErrorCode::kUnavailable, std::move(message));
}
inline tl::unexpected<Error> DataLoss(std::string message) {
  return MakeError(ErrorCode::kDataLoss, std::move(message));
}
inline tl::unexpected<Error> Internal(std::string message) {
  return MakeError(ErrorCode::kInternal, std::move(message));
}

}  // namespace proaktiv

// Evaluates `expr` (a Result or Status); on error returns the error from the enclosing function.
#define PROAKTIV_RETURN_IF_ERROR(expr)                                    \
  do {                                                                    \
    if (auto proaktiv_status_ = (expr); !proaktiv_status_) {              \
      return tl::unexpected<::proaktiv::Error>(proaktiv_status_.error()); \
    }                                                                     \
  } while (false)

#define PROAKTIV_CONCAT_INNER(a, b) a##b
#define PROAKTIV_CONCAT(a, b) PROAKTIV_CONCAT_INNER(a, b)

// `PROAKTIV_ASSIGN_OR_RETURN(auto x, Compute());` binds the value or returns the error.
#define PROAKTIV_ASSIGN_OR_RETURN(lhs, expr) \
  PROAKTIV_ASSIGN_OR_RETURN_IMPL(PROAKTIV_CONCAT(proaktiv_result_, __LINE__), lhs, expr)
#define PROAKTIV_ASSIGN_OR_RETURN_IMPL(tmp, lhs, expr)             \
  auto tmp = (expr);                                               \
  if (!tmp) return tl::unexpected<::proaktiv::Error>(tmp.error()); \
  lhs = std::move(*tmp)
