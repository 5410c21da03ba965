using IqTriageBot.Dialogs;

namespace IqTriageBot.Tests.Dialogs;

public class ChoiceMatcherTests
{
    [Theory]
    [InlineData("English", "english")]
    [InlineData("  ENGLISH  ", "english")]
    [InlineData("Français", "francais")]
    [InlineData("Türkçe", "turkce")]
    [InlineData("Română", "romana")]
    [InlineData("Español!", "espanol")]
    [InlineData("\"Polski.\"", "polski")]
    [InlineData("Deutsch?", "deutsch")]
    [InlineData("العربية؟", "العربیه")]
    [InlineData("إنجليزي", "انجلیزی")]
    [InlineData("مُهَنْدِس", "مهندس")]
    [InlineData("Straße", "strasse")]
    [InlineData("'language'", "language")]
    [InlineData("Sprache", "sprache")]
    [InlineData("МОВА", "мова")]
    public void Normalize_folds_case_diacritics_and_surrounding_punctuation(string input, string expected) =>
        Assert.Equal(expected, ChoiceMatcher.Normalize(input));

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("?!")]
    public void Normalize_of_nothing_is_empty(string? input) =>
        Assert.Equal(string.Empty, ChoiceMatcher.Normalize(input));

    [Fact]
    public void Normalize_turns_inner_punctuation_into_single_spaces()
    {
        Assert.Equal("ar sa", ChoiceMatcher.Normalize("AR-SA"));
        Assert.Equal("change language", ChoiceMatcher.Normalize("Change   language."));
        Assert.Equal("lehrer in", ChoiceMatcher.Normalize("Lehrer:in"));
        Assert.Equal("04109", ChoiceMatcher.Normalize("٠٤١٠٩"));
    }

    [Fact]
    public void Match_by_id_label_position_or_other_name()
    {
        Choice[] choices = [new("yes", "Ja"), new("no", "Nein")];

        Assert.Equal("yes", ChoiceMatcher.Match("JA!", choices));
        Assert.Equal("no", ChoiceMatcher.Match("no", choices));
        Assert.Equal("no", ChoiceMatcher.Match("2", choices));
        Assert.Equal("yes", ChoiceMatcher.Match("oui", choices, c => c.Id == "yes" ? ["Oui"] : []));
        Assert.Null(ChoiceMatcher.Match("3", choices));
        Assert.Null(ChoiceMatcher.Match("vielleicht", choices));
    }

    [Theory]
    [InlineData("abroad", "abroad")]
    [InlineData("i live in germany", "germany")]
    [InlineData("I life abrod", "abroad")]
    [InlineData("٢", "abroad")]
    public void Match_by_words_of_one_label_or_within_a_typo(string input, string expected)
    {
        Choice[] choices = [new("germany", "I live in Germany"), new("abroad", "I live abroad")];

        Assert.Equal(expected, ChoiceMatcher.Match(input, choices));
    }

    [Fact]
    public void Words_shared_by_every_label_match_none()
    {
        Choice[] choices = [new("germany", "I live in Germany"), new("abroad", "I live abroad")];

        Assert.Null(ChoiceMatcher.Match("I live", choices));
    }

    [Fact]
    public void Several_choices_at_once_by_numbers_or_labels()
    {
        Choice[] choices = [new("pay", "Pay"), new("hours", "Working hours"), new("contract", "Contract")];

        Assert.Equal(["pay", "contract"], ChoiceMatcher.MatchMany("1, 3", choices));
        Assert.Equal(["pay", "contract"], ChoiceMatcher.MatchMany("1 3", choices));
        Assert.Equal(["hours", "contract"], ChoiceMatcher.MatchMany("working hours / contract", choices));
        Assert.Empty(ChoiceMatcher.MatchMany("nothing of this", choices));
    }

    private static readonly Choice[] Status =
        [new("not-applied", "Not applied yet"), new("pending", "Applied, waiting"), new("full", "Yes, fully recognised"), new("rejected", "Rejected")];

    private static readonly Dictionary<string, string[]> StatusWords = new()
    {
        ["not-applied"] = ["not applied", "not yet", "haven't applied"],
        ["pending"] = ["applied", "submitted", "waiting"],
        ["full"] = ["recognised", "fully recognised"],
        ["rejected"] = ["refused", "not recognised"],
    };

    private static IEnumerable<string> Words(Choice choice) => StatusWords.TryGetValue(choice.Id, out var words) ? words : [];

    [Theory]
    [InlineData("submitted", "pending")]
    [InlineData("SUBMITTED!", "pending")]
    [InlineData("I have submitted it last month", "pending")]
    [InlineData("they refused it", "rejected")]
    [InlineData("I haven’t applied", "not-applied")]
    public void An_accepted_word_alone_or_inside_a_longer_answer_picks_its_choice(string input, string expected) =>
        Assert.Equal(expected, ChoiceMatcher.Match(input, Status, acceptedWords: Words));

    [Theory]
    [InlineData("I have not applied", "not-applied")]
    [InlineData("it was not recognised", "rejected")]
    [InlineData("fully recognised in March", "full")]
    public void A_longer_phrase_wins_over_a_shorter_one_inside_it(string input, string expected) =>
        Assert.Equal(expected, ChoiceMatcher.Match(input, Status, acceptedWords: Words));

    [Theory]
    [InlineData("I applied but they refused")]
    [InlineData("waiting, not yet recognised")]
    [InlineData("submitted and recognised")]
    public void Words_of_two_choices_in_one_answer_pick_nothing(string input) =>
        Assert.Null(ChoiceMatcher.Match(input, Status, acceptedWords: Words));

    [Theory]
    [InlineData("submittedx")]
    [InlineData("resubmitted")]
    [InlineData("submited")]
    [InlineData("asdf")]
    [InlineData("<script>alert(1)</script>")]
    public void Accepted_words_count_only_as_whole_words_and_without_typos(string input) =>
        Assert.Null(ChoiceMatcher.Match(input, Status, acceptedWords: Words));

    [Fact]
    public void A_word_that_two_choices_accept_picks_neither()
    {
        Choice[] choices = [new("phone", "By phone"), new("video", "By video")];

        Assert.Null(ChoiceMatcher.Match("call", choices, acceptedWords: _ => ["call"]));
        Assert.Null(ChoiceMatcher.Match("a call please", choices, acceptedWords: _ => ["call"]));
    }

    [Fact]
    public void Labels_and_numbers_still_come_first()
    {
        Assert.Equal("rejected", ChoiceMatcher.Match("4", Status, acceptedWords: Words));
        Assert.Equal("pending", ChoiceMatcher.Match("Applied, waiting", Status, acceptedWords: Words));
        Assert.Equal("not-applied", ChoiceMatcher.Match("not applied yet", Status, acceptedWords: Words));
    }

    private static readonly Choice[] Concerns =
        [new("recognition", "Recognising my diploma"), new("work", "Trouble at work"), new("school", "School or university"), new("unsure", "Not sure")];

    private static IEnumerable<string> ConcernWords(Choice choice) => choice.Id switch
    {
        "recognition" => ["recognition", "my diploma", "partial recognition"],
        "work" => ["my employer", "wages"],
        "school" => ["university", "study"],
        "unsure" => ["no idea"],
        _ => [],
    };

    [Fact]
    public void Several_choices_named_by_their_words_in_one_message_are_each_chosen()
    {
        Assert.Equal(["recognition", "work"], ChoiceMatcher.MatchMany("recognition of my diploma and my employer does not pay wages", Concerns, acceptedWords: ConcernWords));
        Assert.Equal(["school", "recognition"], ChoiceMatcher.MatchMany("I want to study and need recognition", Concerns, acceptedWords: ConcernWords));
        Assert.Equal(["work", "school"], ChoiceMatcher.MatchMany("wages, university", Concerns, acceptedWords: ConcernWords));
        Assert.Equal(["recognition"], ChoiceMatcher.MatchMany("my diploma", Concerns, acceptedWords: ConcernWords));
    }

    [Fact]
    public void A_stretch_of_the_message_claimed_by_two_choices_chooses_nothing()
    {
        Choice[] choices = [new("a", "Alpha"), new("b", "Beta")];
        IEnumerable<string> Overlapping(Choice c) => c.Id == "a" ? ["red car"] : ["car park"];

        Assert.Empty(ChoiceMatcher.MatchMany("the red car park", choices, acceptedWords: Overlapping));
        Assert.Empty(ChoiceMatcher.MatchMany("nothing of this", Concerns, acceptedWords: ConcernWords));
    }

    [Theory]
    [InlineData("فوق لیسانس", "master")]
    [InlineData("فوق\u200cلیسانس", "master")]
    [InlineData("لیسانس", "bachelor")]
    public void Persian_words_typed_in_two_parts_match_any_list_of_buttons(string typed, string expected)
    {
        // The labels of the Persian catalog, one written with a zero-width non-joiner.
        Choice[] choices = [new("vocational", "آموزش فنی و حرفه‌ای"), new("bachelor", "لیسانس (کارشناسی) یا Meister"), new("master", "فوق\u200cلیسانس یا Diplom")];

        Assert.Equal(expected, ChoiceMatcher.Match(typed, choices));
    }
}
