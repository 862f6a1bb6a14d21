#include "http/api/offer_answers.h"

#include <algorithm>
#include <charconv>

#include <fmt/format.h>

#include "common/logging.h"
#include "http/api/application_corrections.h"
#include "http/api/offer_views.h"

namespace proaktiv::http::api {
namespace {

using store::OfferState;

constexpr size_t kMaxComment = 2000;

// Runs `body` (returning ApiResult<T>) in a transaction of `store`; rolls back on error.
template <typename T, typename Body>
ApiResult<T> InTransaction(store::RegistryStore& store, Body&& body) {
  PROAKTIV_API_RETURN_IF_ERROR(store.Begin());
  ApiResult<T> out = body();
  if (!out) {
    (void)store.Rollback();
    return out;
  }
  if (auto committed = store.Commit(); !committed) {
    (void)store.Rollback();
    return tl::unexpected(FromError(committed.error()));
  }
  return out;
}

// Writes one step of the offer's life.
ApiStatus Move(store::EngineStore& engine, store::OfferRecord& offer, OfferState to, CivilDate day,
               std::string_view cause) {
  const OfferState from = offer.state;
  offer.state = to;
  offer.updated_day = day.days();
  PROAKTIV_API_RETURN_IF_ERROR(
      engine.UpdateOffer(offer, store::OfferTransition{offer.id, from, to, offer.version,
                                                       day.days(), std::string(cause), false}));
  return {};
}

size_t Length(std::string_view s) {
  return static_cast<size_t>(
      std::count_if(s.begin(), s.end(), [](char c) { return (c & 0xC0) != 0x80; }));
}

ApiStatus CheckAnswerable(const store::OfferRecord& offer) {
  if (offer.kind != store::OfferKind::kOffer) {
    return Fail(
        409, "not-answerable",
        fmt::format("offer {} is a notice; there is nothing to accept or decline", offer.id));
  }
  switch (offer.state) {
    case OfferState::kAccepted:
    case OfferState::kDeclined:
      return Fail(409, "already-answered",
                  fmt::format("offer {} is already {}", offer.id, store::Name(offer.state)));
    case OfferState::kExpired:
    case OfferState::kWithdrawn:
      return Fail(409, fmt::format("offer-{}", store::Name(offer.state)),
                  fmt::format("offer {} is {}; it can no longer be answered", offer.id,
                              store::Name(offer.state)));
    default:
      return {};
  }
}

}  // namespace

ApiResult<store::OfferRecord> FindMyOffer(store::EngineStore& engine, const Citizen& citizen,
                                          std::string_view id_text) {
  auto not_found = [&] {
    return Fail(404, "not-found",
                fmt::format("you have no offer {}", RedactIdentityNumbers(id_text.substr(0, 24))));
  };
  int64_t id = 0;
  const auto [end, ec] = std::from_chars(id_text.data(), id_text.data() + id_text.size(), id);
  if (ec != std::errc() || end != id_text.data() + id_text.size() || id <= 0) return not_found();
  PROAKTIV_API_ASSIGN_OR_RETURN(auto offer, engine.FindOfferById(id));
  if (!offer || std::find(offer->recipients.begin(), offer->recipients.end(), citizen.key) ==
                    offer->recipients.end()) {
    return not_found();
  }
  return std::move(*offer);
}

ApiResult<store::OfferRecord> OpenThroughPortal(store::RegistryStore& store, const Citizen& citizen,
                                                std::string_view id_text, CivilDate today) {
  PROAKTIV_API_ASSIGN_OR_RETURN(store::OfferRecord offer,
                                FindMyOffer(store.engine(), citizen, id_text));
  if (offer.state != OfferState::kProposed && offer.state != OfferState::kSent) return offer;
  // Read again under the write lock: another request may have opened it meanwhile.
  return InTransaction<store::OfferRecord>(store, [&]() -> ApiResult<store::OfferRecord> {
    PROAKTIV_API_ASSIGN_OR_RETURN(store::OfferRecord current,
                                  FindMyOffer(store.engine(), citizen, id_text));
    if (current.state == OfferState::kProposed) {
      PROAKTIV_API_RETURN_IF_ERROR(
          Move(store.engine(), current, OfferState::kSent, today, "portal"));
    }
    if (current.state == OfferState::kSent) {
      PROAKTIV_API_RETURN_IF_ERROR(
          Move(store.engine(), current, OfferState::kOpened, today, "portal"));
    }
    return current;
  });
}

ApiResult<Answer> ParseAnswer(std::string_view body, bool accept) {
  Answer out;
  out.accept = accept;
  if (body.find_first_not_of(" \t\r\n") == std::string_view::npos) return out;
  boost::system::error_code ec;
  boost::json::value doc = boost::json::parse(body, ec);
  if (ec) return Fail(422, "invalid-body", fmt::format("the body is not JSON: {}", ec.message()));
  if (!doc.is_object()) return Fail(422, "invalid-body", "the body must be a JSON object");
  for (const auto& [key, value] : doc.get_object()) {
    if (key == "application") {
      if (!accept) {
        return Fail(422, "invalid-body",
                    "application: a decline carries no application; leave it out");
      }
      if (!value.is_object()) {
        return Fail(422, "invalid-body", "application must be an object of the fields to correct");
      }
      out.application = value;
    } else if (key == "comment") {
      if (!value.is_string()) return Fail(422, "invalid-body", "comment must be a text");
      if (Length(value.get_string()) > kMaxComment) {
        return Fail(422, "invalid-body",
                    fmt::format("comment is longer than {} characters", kMaxComment));
      }
      out.comment = std::string(value.get_string());
    } else if (key == "satisfaction") {
      int64_t score = 0;
      if (value.is_int64()) {
        score = value.get_int64();
      } else if (value.is_uint64()) {
        score = value.get_uint64() > 5 ? 6 : static_cast<int64_t>(value.get_uint64());
      } else {
        return Fail(422, "invalid-body", "satisfaction must be a whole number from 1 to 5");
      }
      if (score < 1 || score > 5) {
        return Fail(422, "invalid-body",
                    fmt::format("satisfaction {} is not a whole number from 1 to 5", score));
      }
      out.satisfaction = static_cast<int>(score);
    } else {
      return Fail(422, "invalid-body",
                  fmt::format("'{}' is not a member of an answer; use application, comment "
                              "and satisfaction",
                              RedactIdentityNumbers(std::string(key).substr(0, 64))));
    }
  }
  return out;
}

ApiResult<store::OfferRecord> AnswerOffer(store::RegistryStore& store,
                                          const engine::ServiceLibrary& library,
                                          const Citizen& citizen, std::string_view id_text,
                                          const Answer& answer, CivilDate today) {
  return InTransaction<store::OfferRecord>(store, [&]() -> ApiResult<store::OfferRecord> {
    store::EngineStore& engine = store.engine();
    PROAKTIV_API_ASSIGN_OR_RETURN(store::OfferRecord offer, FindMyOffer(engine, citizen, id_text));
    PROAKTIV_API_RETURN_IF_ERROR(CheckAnswerable(offer));
    PROAKTIV_API_ASSIGN_OR_RETURN(boost::json::object decision, ParseDecision(offer));

    boost::json::object stored{{"decision", answer.accept ? "accepted" : "declined"},
                               {"on", today.ToString()}};
    if (answer.accept) {
      const engine::ServiceBundle* bundle = library.Find(offer.service);
      const boost::json::value* application = decision.if_contains("application");
      const boost::json::value none;
      if (answer.application && !answer.application->get_object().empty()) {
        if (bundle == nullptr) {
          return Fail(422, "invalid-application",
                      fmt::format("the service '{}' is no longer offered; its application "
                                  "cannot be corrected",
                                  offer.service));
        }
        PROAKTIV_API_ASSIGN_OR_RETURN(CorrectedApplication corrected,
                                      ApplyCorrections(application ? *application : none,
                                                       *answer.application, bundle->definition()));
        boost::json::array fields;
        for (std::string& f : corrected.corrected) fields.emplace_back(std::move(f));
        stored["application"] = std::move(corrected.application);
        stored["corrected"] = std::move(fields);
      } else {
        stored["application"] = application ? *application : boost::json::value(nullptr);
        stored["corrected"] = boost::json::array{};
      }
    }
    if (answer.comment && !answer.comment->empty()) stored["comment"] = *answer.comment;
    decision["answer"] = std::move(stored);

    if (offer.state == OfferState::kProposed) {
      PROAKTIV_API_RETURN_IF_ERROR(Move(engine, offer, OfferState::kSent, today, "portal"));
    }
    offer.decision_json = boost::json::serialize(decision);
    PROAKTIV_API_RETURN_IF_ERROR(Move(engine, offer,
                                      answer.accept ? OfferState::kAccepted : OfferState::kDeclined,
                                      today, "citizen"));
    if (answer.satisfaction) {
      PROAKTIV_API_RETURN_IF_ERROR(store.portal().PutFeedback(
          store::OfferFeedback{offer.id, citizen.key, offer.service, offer.kommunenummer,
                               *answer.satisfaction, answer.comment.value_or(""), today.days()}));
    }
    return offer;
  });
}

}  // namespace proaktiv::http::api
