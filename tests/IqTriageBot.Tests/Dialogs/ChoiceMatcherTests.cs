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
}
