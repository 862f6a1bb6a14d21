#include "http/api/cloud_events.h"

#include <gtest/gtest.h>

namespace proaktiv::http::api {
namespace {

constexpr const char* kEvent =
    R"({"specversion": "1.0", "id": "e-1", "source": "/freg", "type": "no.freg.hendelse",
        "datacontenttype": "application/json", "time": "2026-01-05T10:00:00Z",
        "traceparent": "00-abc", "data": {"sekvensnummer": 1, "hendelse": {}}})";

TEST(CloudEventsTest, StructuredAndBatchMode) {
  auto one = ParseCloudEvents(kEvent, "application/cloudevents+json; charset=utf-8");
  ASSERT_TRUE(one) << one.error().detail;
  ASSERT_EQ(one->size(), 1u);
  EXPECT_EQ((*one)[0].id, "e-1");
  EXPECT_EQ((*one)[0].source, "/freg");
  EXPECT_EQ((*one)[0].type, "no.freg.hendelse");
  EXPECT_EQ((*one)[0].line, R"({"sekvensnummer":1,"hendelse":{}})");

  auto batch = ParseCloudEvents(std::string("[") + kEvent + "," + kEvent + "]",
                                "application/cloudevents-batch+json");
  ASSERT_TRUE(batch) << batch.error().detail;
  EXPECT_EQ(batch->size(), 2u);
  auto empty = ParseCloudEvents("[]", "");
  ASSERT_TRUE(empty);
  EXPECT_TRUE(empty->empty());
}

TEST(CloudEventsTest, ModeMustMatchTheContentType) {
  auto batch_as_one = ParseCloudEvents("[]", "application/cloudevents+json");
  ASSERT_FALSE(batch_as_one);
  EXPECT_EQ(batch_as_one.error().code, "invalid-body");
  auto one_as_batch = ParseCloudEvents(kEvent, "application/cloudevents-batch+json");
  ASSERT_FALSE(one_as_batch);
  EXPECT_EQ(one_as_batch.error().status, 422);
  EXPECT_FALSE(ParseCloudEvents("{nope", ""));
  EXPECT_FALSE(ParseCloudEvents("42", ""));
}

TEST(CloudEventsTest, EnvelopeProblemsNameTheEventAndAttribute) {
  struct Case {
    const char* body;
    const char* detail;
  };
  for (const Case& c : {
           Case{R"([1])", "event 1 of the batch: must be a JSON object"},
           Case{R"({"specversion": "1.0", "source": "s", "type": "t", "data": {}})",
                "the event: attribute 'id' is required"},
           Case{R"({"id": "a", "source": "s", "type": "t", "data": {}})",
                "the event (id 'a'): attribute 'specversion' is required"},
           Case{R"({"specversion": "0.3", "id": "a", "source": "s", "type": "t", "data": {}})",
                "specversion \"0.3\" is not supported"},
           Case{R"({"specversion": "1.0", "id": "a", "type": "t", "data": {}})",
                "attribute 'source' is required"},
           Case{R"({"specversion": "1.0", "id": "a", "source": "s", "type": "", "data": {}})",
                "attribute 'type' is required"},
           Case{R"({"specversion": "1.0", "id": "a", "source": "s", "type": "t"})",
                "attribute 'data' (the feed entry) is required"},
           Case{R"({"specversion": "1.0", "id": "a", "source": "s", "type": "t", "data": "x"})",
                "data must be a JSON object"},
           Case{R"({"specversion": "1.0", "id": "a", "source": "s", "type": "t",
                    "data_base64": "eyJ9"})",
                "data_base64 is not supported"},
           Case{R"({"specversion": "1.0", "id": "a", "source": "s", "type": "t",
                    "datacontenttype": "text/xml", "data": {}})",
                "datacontenttype 'text/xml' is not JSON"},
           Case{R"({"specversion": "1.0", "id": "a", "source": "s", "type": "t", "time": 5,
                    "data": {}})",
                "attribute 'time' must be a text"},
           Case{R"({"specversion": "1.0", "id": "a", "source": "s", "type": "t", "Bad-Name": 1,
                    "data": {}})",
                "'Bad-Name' is not a CloudEvents attribute name"},
       }) {
    auto r = ParseCloudEvents(c.body, "");
    ASSERT_FALSE(r) << c.body;
    EXPECT_EQ(r.error().status, 422);
    EXPECT_NE(r.error().detail.find(c.detail), std::string::npos) << r.error().detail;
  }
  auto second = ParseCloudEvents(std::string("[") + kEvent + R"(, {"id": "b"}])", "");
  ASSERT_FALSE(second);
  EXPECT_NE(second.error().detail.find("event 2 of the batch (id 'b')"), std::string::npos)
      << second.error().detail;
}

}  // namespace
}  // namespace proaktiv::http::api
