// JWS compact serialisation: a good token gives its parts; every defect is refused with a message
// naming it, and the algorithm check refuses "none" and anything the caller did not list.

#include "common/jws_compact.h"

#include <gtest/gtest.h>
#include <boost/json.hpp>

#include "common/base64.h"

namespace proaktiv {
namespace {

constexpr std::string_view kEdDsa[] = {"EdDSA"};
constexpr std::string_view kRs256[] = {"RS256"};

std::string Part(const boost::json::object& o) {
  return Base64UrlEncode(boost::json::serialize(o));
}

const std::string kPayload = Part({{"sub", "x"}});
const std::string kSignature = Base64UrlEncode("signature bytes");

std::string Token(const boost::json::object& header) {
  return Part(header) + "." + kPayload + "." + kSignature;
}

// The error message, or "" when the token is accepted.
std::string ErrorOf(std::string_view token, std::span<const std::string_view> algs = kEdDsa) {
  auto jws = ParseCompactJws(token, algs);
  if (jws) return "";
  EXPECT_EQ(jws.error().code, ErrorCode::kInvalidArgument);
  return jws.error().message;
}

TEST(CompactJws, AcceptsAGoodToken) {
  const std::string header = Part({{"alg", "EdDSA"}, {"typ", "JWT"}, {"kid", "k1"}});
  auto jws = ParseCompactJws(header + "." + kPayload + "." + kSignature, kEdDsa);
  ASSERT_TRUE(jws) << jws.error().message;
  EXPECT_EQ(jws->alg, "EdDSA");
  EXPECT_EQ(jws->kid, "k1");
  EXPECT_EQ(jws->header.at("typ").as_string(), "JWT");
  EXPECT_EQ(jws->payload.at("sub").as_string(), "x");
  EXPECT_EQ(jws->signing_input, header + "." + kPayload);
  EXPECT_EQ(jws->signature, "signature bytes");

  auto no_kid = ParseCompactJws(Token({{"alg", "RS256"}}), kRs256);
  ASSERT_TRUE(no_kid) << no_kid.error().message;
  EXPECT_EQ(no_kid->kid, "");

  constexpr std::string_view kBoth[] = {"EdDSA", "RS256"};
  EXPECT_EQ(ErrorOf(Token({{"alg", "RS256"}}), kBoth), "");
  EXPECT_EQ(ErrorOf(Token({{"alg", "EdDSA"}}), kBoth), "");
}

TEST(CompactJws, RefusesAnythingButThreeParts) {
  const std::string good = Token({{"alg", "EdDSA"}});
  EXPECT_EQ(ErrorOf(""), "the token has 1 parts; a JWS has 3");
  EXPECT_EQ(ErrorOf(Part({{"alg", "EdDSA"}})), "the token has 1 parts; a JWS has 3");
  EXPECT_EQ(ErrorOf("a.b"), "the token has 2 parts; a JWS has 3");
  EXPECT_EQ(ErrorOf(good + "."), "the token has 4 parts; a JWS has 3");
  EXPECT_EQ(ErrorOf(good + "." + kSignature), "the token has 4 parts; a JWS has 3");
  EXPECT_EQ(ErrorOf("." + good), "the token has 4 parts; a JWS has 3");
  EXPECT_EQ(ErrorOf(".."), "the token's header is not JSON");  // three empty parts
  EXPECT_EQ(ErrorOf(good), "");
}

TEST(CompactJws, RefusesAHeaderThatIsNotAJsonObject) {
  const std::string rest = "." + kPayload + "." + kSignature;
  EXPECT_EQ(ErrorOf("e30=" + rest).rfind("the token's header is not base64url: ", 0), 0u);
  EXPECT_EQ(ErrorOf("!!!!" + rest).rfind("the token's header is not base64url: ", 0), 0u);
  EXPECT_EQ(ErrorOf(Base64UrlEncode("not json") + rest), "the token's header is not JSON");
  EXPECT_EQ(ErrorOf(Base64UrlEncode("[\"EdDSA\"]") + rest),
            "the token's header is not a JSON object");
  EXPECT_EQ(ErrorOf(Base64UrlEncode("\"EdDSA\"") + rest),
            "the token's header is not a JSON object");
}

TEST(CompactJws, RefusesAMissingOrUnsignedAlgorithm) {
  EXPECT_EQ(ErrorOf(Token({{"typ", "JWT"}})),
            "the token's header has no algorithm (alg); only EdDSA is accepted");
  EXPECT_EQ(ErrorOf(Token({{"alg", 1}})),
            "the token's header has no algorithm (alg); only EdDSA is accepted");
  EXPECT_EQ(ErrorOf(Token({{"alg", nullptr}})),
            "the token's header has no algorithm (alg); only EdDSA is accepted");
  for (const char* none : {"none", "None", "NONE", "nOnE"}) {
    EXPECT_EQ(ErrorOf(Token({{"alg", none}})),
              "the token is unsigned (alg \"none\"); only EdDSA is accepted")
        << none;
    EXPECT_EQ(ErrorOf(Part({{"alg", none}}) + "." + kPayload + "."),
              "the token is unsigned (alg \"none\"); only EdDSA is accepted")
        << none;
  }
  // Even a caller that lists "none" gets no unsigned token.
  constexpr std::string_view kWithNone[] = {"none", "RS256"};
  EXPECT_EQ(ErrorOf(Part({{"alg", "none"}}) + "." + kPayload + ".", kWithNone),
            "the token is unsigned (alg \"none\"); only none or RS256 is accepted");
  EXPECT_EQ(ErrorOf(Token({{"alg", "nonE"}}), kWithNone),
            "the token is unsigned (alg \"none\"); only none or RS256 is accepted");
}

TEST(CompactJws, RefusesAnAlgorithmTheCallerDidNotList) {
  EXPECT_EQ(ErrorOf(Token({{"alg", "RS256"}})),
            "the token's algorithm (alg) is \"RS256\"; only EdDSA is accepted");
  EXPECT_EQ(ErrorOf(Token({{"alg", "EdDSA"}}), kRs256),
            "the token's algorithm (alg) is \"EdDSA\"; only RS256 is accepted");
  EXPECT_EQ(ErrorOf(Token({{"alg", "HS256"}}), kRs256),
            "the token's algorithm (alg) is \"HS256\"; only RS256 is accepted");
  EXPECT_EQ(ErrorOf(Token({{"alg", "eddsa"}})),
            "the token's algorithm (alg) is \"eddsa\"; only EdDSA is accepted");
  EXPECT_EQ(ErrorOf(Token({{"alg", ""}})),
            "the token's algorithm (alg) is \"\"; only EdDSA is accepted");
  EXPECT_EQ(ErrorOf(Token({{"alg", "EdDSAEdDSAEdDSAEdDSA"}})),
            "the token's algorithm (alg) is \"EdDSAEdDSAEdDSAE\"; only EdDSA is accepted");
  EXPECT_EQ(ErrorOf(Token({{"alg", "EdDSA"}}), {}),
            "the token's algorithm (alg) is \"EdDSA\"; no algorithm is accepted");
}

TEST(CompactJws, RefusesCritAndANonStringKid) {
  EXPECT_EQ(ErrorOf(Token({{"alg", "EdDSA"}, {"crit", {"exp"}}})),
            "the token has critical header parameters (crit), which are not supported");
  EXPECT_EQ(ErrorOf(Token({{"alg", "EdDSA"}, {"crit", boost::json::array()}})),
            "the token has critical header parameters (crit), which are not supported");
  EXPECT_EQ(ErrorOf(Token({{"alg", "EdDSA"}, {"kid", 7}})), "the token's kid is not a string");
  EXPECT_EQ(ErrorOf(Token({{"alg", "EdDSA"}, {"kid", nullptr}})),
            "the token's kid is not a string");
  EXPECT_EQ(ErrorOf(Token({{"alg", "EdDSA"}, {"kid", ""}})), "");
}

TEST(CompactJws, RefusesAPayloadThatIsNotAJsonObject) {
  const std::string header = Part({{"alg", "EdDSA"}});
  const auto with_payload = [&](std::string_view payload) {
    return ErrorOf(header + "." + std::string(payload) + "." + kSignature);
  };
  EXPECT_EQ(with_payload("e30=").rfind("the token's payload is not base64url: ", 0), 0u);
  EXPECT_EQ(with_payload(Base64UrlEncode("not json")), "the token's payload is not JSON");
  EXPECT_EQ(with_payload(""), "the token's payload is not JSON");
  EXPECT_EQ(with_payload(Base64UrlEncode("[1]")), "the token's payload is not a JSON object");
  EXPECT_EQ(with_payload(Base64UrlEncode("{}")), "");
}

TEST(CompactJws, RefusesABadOrEmptySignature) {
  const std::string input = Part({{"alg", "EdDSA"}}) + "." + kPayload + ".";
  EXPECT_EQ(ErrorOf(input + "c2ln=").rfind("the token's signature is not base64url: ", 0), 0u);
  EXPECT_EQ(ErrorOf(input + "c2l+").rfind("the token's signature is not base64url: ", 0), 0u);
  EXPECT_EQ(ErrorOf(input), "the token has an empty signature");
  EXPECT_EQ(ErrorOf(input + "c2ln"), "");
}

TEST(CompactJws, ErrorsDoNotEchoTheTokenOrItsClaims) {
  const std::string secret = "12345678901";
  const std::string claims = Part({{"pid", secret}});
  const std::string header = Part({{"alg", "EdDSA"}, {"x", secret}});
  for (const std::string& token :
       {claims, claims + "." + claims, claims + "." + claims + "." + claims + "." + claims,
        header + "." + Base64UrlEncode("\"" + secret + "\"") + "." + kSignature,
        Part({{"alg", "RS256"}, {"x", secret}}) + "." + claims + "." + kSignature,
        Part({{"alg", "EdDSA"}, {"kid", 1}, {"x", secret}}) + "." + claims + "." + kSignature,
        header + "." + claims + "." + secret + "!"}) {
    const std::string message = ErrorOf(token);
    ASSERT_NE(message, "");
    EXPECT_EQ(message.find(secret), std::string::npos) << message;
    EXPECT_EQ(message.find(claims), std::string::npos) << message;
  }
}

}  // namespace
}  // namespace proaktiv
