#include "intake/feed_reader.h"

#include <gtest/gtest.h>

#include <sstream>
#include <string>
#include <vector>

#include "registry/testing/feed_builder.h"

namespace proaktiv::intake {
namespace {

using registry::testing::Address;
using registry::testing::Change;
using registry::testing::Entry;

std::string Move(int64_t sequence) {
  return Entry(sequence, "10915596784", "endringIBostedsadresse",
               {{"egenskapshendelse",
                 boost::json::array{Change("bostedsadresse", "registrereNy", "a2", "",
                                           Address("4601", "Bryggen", "2024-06-01"))}}});
}

std::vector<ReadLine> ReadAll(FeedReader& reader) {
  std::vector<ReadLine> all;
  for (;;) {
    std::vector<ReadLine> chunk = reader.Next();
    if (chunk.empty()) return all;
    for (ReadLine& line : chunk) all.push_back(std::move(line));
  }
}

TEST(FeedReaderTest, LinesComeInOrderAcrossChunks) {
  std::string text;
  for (int64_t i = 1; i <= 25; ++i) text += Move(i) + "\n";
  std::istringstream in(text);
  FeedReader reader(in, /*lines_per_chunk=*/4);
  std::vector<ReadLine> lines = ReadAll(reader);
  ASSERT_EQ(lines.size(), 25u);
  for (size_t i = 0; i < lines.size(); ++i) {
    ASSERT_TRUE(lines[i].entry.has_value()) << lines[i].entry.error().message;
    EXPECT_EQ(lines[i].entry->sequence, static_cast<int64_t>(i) + 1);
    EXPECT_EQ(lines[i].number, static_cast<int64_t>(i) + 1);
    EXPECT_EQ(lines[i].text, Move(static_cast<int64_t>(i) + 1));
  }
  EXPECT_EQ(lines.back().bytes_through, static_cast<int64_t>(text.size()));
}

TEST(FeedReaderTest, BlankLinesAreSkippedButTheirBytesCount) {
  std::string first = Move(1);
  std::string second = Move(2);
  std::istringstream in("\n  \r\n" + first + "\n\t\n" + second + "\n\n");
  FeedReader reader(in);
  std::vector<ReadLine> lines = ReadAll(reader);
  ASSERT_EQ(lines.size(), 2u);
  EXPECT_EQ(lines[0].number, 1);
  EXPECT_EQ(lines[0].bytes_through, static_cast<int64_t>(1 + 4 + first.size() + 1));
  EXPECT_EQ(lines[1].number, 2);
  EXPECT_EQ(lines[1].bytes_through,
            static_cast<int64_t>(1 + 4 + first.size() + 1 + 2 + second.size() + 1));
}

TEST(FeedReaderTest, AnUnparsableLineCarriesItsErrorAndTheLinesAfterItStillCome) {
  std::istringstream in(Move(1) + "\n{\"sekvensnummer\": 2, \"hendelse\": 7}\nnot json\n" +
                        Move(4) + "\n");
  FeedReader reader(in);
  std::vector<ReadLine> lines = ReadAll(reader);
  ASSERT_EQ(lines.size(), 4u);
  EXPECT_TRUE(lines[0].entry.has_value());
  ASSERT_FALSE(lines[1].entry.has_value());
  EXPECT_NE(lines[1].entry.error().message.find("entry 2"), std::string::npos)
      << lines[1].entry.error().message;
  EXPECT_FALSE(lines[2].entry.has_value());
  EXPECT_EQ(lines[2].text, "not json");
  EXPECT_TRUE(lines[3].entry.has_value());
}

TEST(FeedReaderTest, EmptyInputEndsAtOnce) {
  std::istringstream in("\n\n");
  FeedReader reader(in);
  EXPECT_TRUE(reader.Next().empty());
  EXPECT_TRUE(reader.Next().empty());
}

// The consumer stops at a bad entry and drops the reader while it still has input ahead: the
// reader must not wait for room that will never come.
TEST(FeedReaderTest, DroppingTheReaderEarlyStopsItsThread) {
  std::string text;
  for (int64_t i = 1; i <= 5000; ++i) text += Move(i) + "\n";
  std::istringstream in(text);
  {
    FeedReader reader(in, /*lines_per_chunk=*/2);
    ASSERT_EQ(reader.Next().size(), 2u);
  }  // joins here; a hang fails the test by its timeout
  SUCCEED();
}

}  // namespace
}  // namespace proaktiv::intake
