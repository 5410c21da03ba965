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
    [InlineData("العربية؟", "العربية")]
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
    public void Normalize_keeps_inner_punctuation()
    {
        Assert.Equal("ar-sa", ChoiceMatcher.Normalize("AR-SA"));
        Assert.Equal("change language", ChoiceMatcher.Normalize("Change language."));
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
}
