// The print provider's daily batch and the letter channel that fills it: files, manifest,
// replacing a key, never a second copy of a key on a later day.

#include "delivery/print_batch.h"

#include <filesystem>
#include <fstream>
#include <sstream>

#include <gtest/gtest.h>
#include <boost/json.hpp>

#include "delivery/letter_channel.h"
#include "delivery/testing/receiver_process.h"

namespace proaktiv::delivery {
namespace {

namespace fs = std::filesystem;

CivilDate Day(int day) { return CivilDate::FromYmd(2025, 3, day).value(); }

boost::json::object Manifest(const fs::path& directory) {
  std::ifstream in(directory / "manifest.json");
  std::stringstream text;
  text << in.rdbuf();
  return boost::json::parse(text.str()).as_object();
}

std::string FileText(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream text;
  text << in.rdbuf();
  return text.str();
}

PrintLetter Letter(std::string key, std::string pdf = "%PDF-1.5 first") {
  return PrintLetter{.key = std::move(key),
                     .pdf = std::move(pdf),
                     .pages = 1,
                     .sender = "Bærum kommune",
                     .address = {.name = "Kari Nordmann",
                                 .street = "Løvstien 42B",
                                 .postal_code = "1337",
                                 .city = "SANDVIKA"}};
}

TEST(PrintBatch, WritesThePdfAndTheManifestOfTheDay) {
  PrintBatch batch(testing::MakeTempDirectory("proaktiv-batch"));
  auto entry = batch.Write(Day(12), Letter("offer-31.letter.initial"));
  ASSERT_TRUE(entry) << entry.error().message;
  EXPECT_EQ(entry->provider_id, "2025-03-12/offer-31.letter.initial");
  EXPECT_FALSE(entry->already_committed);
  const fs::path day = batch.DayDirectory(Day(12));
  EXPECT_EQ(FileText(day / "offer-31.letter.initial.pdf"), "%PDF-1.5 first");
  const auto manifest = Manifest(day);
  EXPECT_EQ(manifest.at("date").as_string(), "2025-03-12");
  ASSERT_EQ(manifest.at("letters").as_array().size(), 1u);
  const auto& letter = manifest.at("letters").as_array()[0].as_object();
  EXPECT_EQ(letter.at("file").as_string(), "offer-31.letter.initial.pdf");
  EXPECT_EQ(letter.at("sha256").as_string().size(), 64u);
  EXPECT_EQ(letter.at("envelope").at("street").as_string(), "Løvstien 42B");
  EXPECT_EQ(letter.at("envelope").at("postal_code").as_string(), "1337");
}

TEST(PrintBatch, WritingAKeyAgainTheSameDayReplacesIt) {
  PrintBatch batch(testing::MakeTempDirectory("proaktiv-batch"));
  ASSERT_TRUE(batch.Write(Day(12), Letter("a")));
  const std::string first_sha(
      Manifest(batch.DayDirectory(Day(12))).at("letters").as_array()[0].at("sha256").as_string());
  ASSERT_TRUE(batch.Write(Day(12), Letter("b")));
  ASSERT_TRUE(batch.Write(Day(12), Letter("a", "%PDF-1.5 second")));
  const fs::path day = batch.DayDirectory(Day(12));
  const auto letters = Manifest(day).at("letters").as_array();
  ASSERT_EQ(letters.size(), 2u);
  EXPECT_EQ(letters[0].at("key").as_string(), "a");  // replaced in its place
  EXPECT_EQ(letters[1].at("key").as_string(), "b");
  EXPECT_EQ(FileText(day / "a.pdf"), "%PDF-1.5 second");
  EXPECT_NE(letters[0].at("sha256").as_string(), first_sha);
  int files = 0;
  for (const auto& entry : fs::directory_iterator(day)) {
    ++files;
    EXPECT_EQ(entry.path().extension() == ".tmp", false) << entry.path();
  }
  EXPECT_EQ(files, 3);  // a.pdf, b.pdf, manifest.json
}

TEST(PrintBatch, ARestartedWriterAddsToTheDaysManifestOnDisk) {
  const std::string root = testing::MakeTempDirectory("proaktiv-batch");
  {
    PrintBatch first(root);
    ASSERT_TRUE(first.Write(Day(12), Letter("a")));
    ASSERT_TRUE(first.Write(Day(12), Letter("b")));
  }
  PrintBatch second(root);  // a new process: nothing in memory
  ASSERT_TRUE(second.Write(Day(12), Letter("c")));
  ASSERT_TRUE(second.Write(Day(12), Letter("a", "%PDF-1.5 again")));
  const auto letters = Manifest(second.DayDirectory(Day(12))).at("letters").as_array();
  ASSERT_EQ(letters.size(), 3u);
  EXPECT_EQ(letters[0].at("key").as_string(), "a");
  EXPECT_EQ(letters[1].at("key").as_string(), "b");
  EXPECT_EQ(letters[2].at("key").as_string(), "c");
  // The next day starts a new manifest.
  ASSERT_TRUE(second.Write(Day(13), Letter("d")));
  EXPECT_EQ(Manifest(second.DayDirectory(Day(13))).at("letters").as_array().size(), 1u);
  EXPECT_EQ(Manifest(second.DayDirectory(Day(12))).at("letters").as_array().size(), 3u);
}

TEST(PrintBatch, AKeyCommittedOnAnEarlierDayIsNotWrittenAgain) {
  PrintBatch batch(testing::MakeTempDirectory("proaktiv-batch"));
  ASSERT_TRUE(batch.Write(Day(12), Letter("late")));
  // The dispatcher crashed before recording; it sends again after midnight.
  auto again = batch.Write(Day(13), Letter("late"));
  ASSERT_TRUE(again) << again.error().message;
  EXPECT_TRUE(again->already_committed);
  EXPECT_EQ(again->provider_id, "2025-03-12/late");
  EXPECT_FALSE(fs::exists(batch.DayDirectory(Day(13)) / "late.pdf"));
}

TEST(PrintBatch, AKeyIndexedButNeverCommittedIsWrittenToday) {
  const std::string root = testing::MakeTempDirectory("proaktiv-batch");
  PrintBatch batch(root);
  // A crash between the index and the manifest on the 12th: the index names the day, the
  // day's manifest does not list the key.
  fs::create_directories(fs::path(root) / "keys");
  std::ofstream(fs::path(root) / "keys" / "torn") << "2025-03-12";
  auto entry = batch.Write(Day(13), Letter("torn"));
  ASSERT_TRUE(entry) << entry.error().message;
  EXPECT_FALSE(entry->already_committed);
  EXPECT_EQ(entry->provider_id, "2025-03-13/torn");
  EXPECT_EQ(Manifest(batch.DayDirectory(Day(13))).at("letters").as_array().size(), 1u);
}

TEST(PrintBatch, AProtectedEnvelopeCarriesOnlyThePostalCode) {
  PrintBatch batch(testing::MakeTempDirectory("proaktiv-batch"));
  PrintLetter letter = Letter("protected");
  letter.address.protected_address = true;
  ASSERT_TRUE(batch.Write(Day(12), letter));
  const std::string manifest = FileText(batch.DayDirectory(Day(12)) / "manifest.json");
  EXPECT_EQ(manifest.find("Løvstien"), std::string::npos) << manifest;
  EXPECT_EQ(manifest.find("Kari"), std::string::npos) << manifest;
  EXPECT_EQ(manifest.find("SANDVIKA"), std::string::npos) << manifest;
  EXPECT_NE(manifest.find(R"("protected":true)"), std::string::npos) << manifest;
  EXPECT_NE(manifest.find(R"("postal_code":"1337")"), std::string::npos) << manifest;
}

TEST(PrintBatch, RefusesAKeyThatIsNotASafeFileName) {
  PrintBatch batch(testing::MakeTempDirectory("proaktiv-batch"));
  for (const char* key : {"", "../escape", ".hidden", "a/b", "sp ace"}) {
    auto refused = batch.Write(Day(12), Letter(key));
    ASSERT_FALSE(refused) << key;
    EXPECT_EQ(refused.error().code, ErrorCode::kInvalidArgument);
    EXPECT_NE(refused.error().message.find("letter key"), std::string::npos);
  }
}

TEST(LetterChannel, RendersTodaysLetterIntoTodaysBatch) {
  const std::string root = testing::MakeTempDirectory("proaktiv-letters");
  // 2025-03-12 23:30 in Oslo is 22:30 UTC: still the 12th.
  FakeClock clock(std::chrono::system_clock::from_time_t(1741818600));
  auto channel = LetterChannel::Create({.batch_root = root}, clock);
  ASSERT_TRUE(channel) << channel.error().message;
  EXPECT_EQ((*channel)->kind(), ChannelKind::kLetter);
  OutgoingMessage message;
  message.message_id = 31;
  message.idempotency_key = "offer-31.letter.initial";
  message.channel = ChannelKind::kLetter;
  message.language = "nn";
  message.address = {
      .name = "Kari Nordmann", .street = "Løvstien 42B", .postal_code = "1337", .city = "SANDVIKA"};
  message.kommune_name = "Bærum kommune";
  message.subject = "Tilbod om barnehageplass";
  message.body = "Hei Kari,\n\nBarnet ditt kan få plass.";
  message.link = "https://baerum.proaktiv.no/t/Xy7kQ2";
  auto receipt = (*channel)->Send(message);
  ASSERT_TRUE(receipt) << receipt.error().message;
  EXPECT_EQ(receipt->provider_id, "2025-03-12/offer-31.letter.initial");
  EXPECT_FALSE(receipt->awaiting_receipt);
  const fs::path pdf = fs::path(root) / "2025-03-12" / "offer-31.letter.initial.pdf";
  EXPECT_EQ(FileText(pdf).substr(0, 5), "%PDF-");

  // Sent again the next day (a crash before recording): the letter stays in the 12th's batch.
  clock.Advance(std::chrono::hours(2));
  auto again = (*channel)->Send(message);
  ASSERT_TRUE(again);
  EXPECT_EQ(again->provider_id, "2025-03-12/offer-31.letter.initial");
  EXPECT_FALSE(fs::exists(fs::path(root) / "2025-03-13" / "offer-31.letter.initial.pdf"));

  message.idempotency_key = "offer 31";
  auto bad_key = (*channel)->Send(message);
  ASSERT_FALSE(bad_key);
  EXPECT_EQ(bad_key.error().code, ErrorCode::kInvalidArgument);
}

TEST(LetterChannel, RefusesALogoThatIsNotAPng) {
  const std::string root = testing::MakeTempDirectory("proaktiv-letters");
  std::ofstream(root + "/logo.png") << "not a png";
  SystemClock clock;
  auto channel = LetterChannel::Create(
      {.batch_root = root + "/out", .logo_png_path = root + "/logo.png"}, clock);
  ASSERT_FALSE(channel);
  EXPECT_NE(channel.error().message.find("logo_png_path"), std::string::npos);
}

}  // namespace
}  // namespace proaktiv::delivery
