using IqTriageBot.Dialogs;
using IqTriageBot.Domain.Intake;
using IqTriageBot.Domain.Text;
using IqTriageBot.Tests.Infrastructure;

namespace IqTriageBot.Tests.Dialogs;

/// <summary>
/// What people type instead of pressing a button: other names of a language, a town inside a sentence or in
/// a case form, Persian words joined or spaced; and how a city state is confirmed.
/// </summary>
public sealed class TypedAnswersTests
{
    [Theory]
    [InlineData("Farsi", "fa")]
    [InlineData("Persisch", "fa")]
    [InlineData("فارسی", "fa")]
    [InlineData("فارسي", "fa")]
    [InlineData("Dari", "fa")]
    [InlineData("دری", "fa")]
    [InlineData("fa", "fa")]
    [InlineData("Arabisch", "ar")]
    [InlineData("عربي", "ar")]
    [InlineData("ar", "ar")]
    [InlineData("Ukrainisch", "uk")]
    [InlineData("українська мова", "uk")]
    [InlineData("uk", "uk")]
    [InlineData("ua", "uk")]
    [InlineData("русский язык", "ru")]
    [InlineData("Türkisch", "tr")]
    [InlineData("Turkce", "tr")]
    [InlineData("Türkçe", "tr")]
    [InlineData("Englisch", "en")]
    [InlineData("Anglais", "en")]
    [InlineData("Deutsch", "de")]
    [InlineData("einfache Sprache", "de-plain")]
    [InlineData("leichte Sprache", "de-plain")]
    [InlineData("Castellano", "es")]
    [InlineData("Rumänisch", "ro")]
    public void The_language_question_accepts_other_names_and_codes(string typed, string code)
    {
        var conversation = new TestConversation(TestEngine.Instance).Start();

        conversation.Say(typed);

        Assert.Equal([TextKeys.LanguageSet, "consent.intro", "consent.ask"], conversation.LastKeys);
        Assert.Equal(code, conversation.State.Language);
    }

    [Fact]
    public void A_first_message_naming_a_language_by_an_alias_chooses_it()
    {
        var conversation = new TestConversation(TestEngine.Instance);

        conversation.Say("Farsi");

        Assert.Equal("fa", conversation.State.Language);
        Assert.Contains(TextKeys.LanguageSet, conversation.LastKeys);
    }

    [Theory]
    [InlineData("Dari", "prs")]
    [InlineData("Farsi", "fa")]
    public void A_machine_language_offered_under_the_name_wins_over_an_alias(string typed, string code)
    {
        var content = TestEngine.Content.WithMachineLanguages(new Dictionary<string, TextCatalog>());
        var conversation = new TestConversation(new DialogEngine(content)).Start();

        conversation.Say(typed);

        Assert.Equal(code, conversation.State.Language);
    }

    [Fact]
    public void An_unknown_language_name_is_asked_again()
    {
        var conversation = new TestConversation(TestEngine.Instance).Start();

        conversation.Say("Klingonisch");

        Assert.Equal([TextKeys.RepromptLanguage], conversation.LastKeys);
        Assert.Null(conversation.State.Language);
    }

    [Theory]
    [InlineData("Farsi")]
    [InlineData("Arabisch")]
    [InlineData("ua")]
    public void A_language_alias_as_the_answer_to_another_question_does_not_switch_the_language(string typed)
    {
        var conversation = AtPlace("en");

        conversation.Say(typed);

        Assert.Equal([TextKeys.RepromptPlace, "place.ask"], conversation.LastKeys);
        Assert.Equal("en", conversation.State.Language);
    }

    [Theory]
    [InlineData("fr", "j'habite à Munich", "München")]
    [InlineData("de", "ich wohne in Leipzig", "Leipzig")]
    [InlineData("en", "I live in Frankfurt am Main", "Frankfurt am Main")]
    [InlineData("ar", "أسكن في برلين", "Berlin")]
    [InlineData("ru", "живу в Гамбурге", "Hamburg")]
    [InlineData("uk", "я живу у Мюнхені", "München")]
    [InlineData("ru", "я живу в Лейпциге", "Leipzig")]
    [InlineData("pl", "mieszkam w Hamburgu", "Hamburg")]
    [InlineData("pl", "mieszkam w Berlinie", "Berlin")]
    [InlineData("tr", "Köln'de oturuyorum", "Köln")]
    public void A_town_inside_a_sentence_is_recognised_like_the_bare_town(string language, string typed, string town)
    {
        var conversation = AtPlace(language);

        conversation.Say(typed);

        Assert.Equal("concerns.ask", conversation.LastKeys[^1]);
        Assert.Equal(town, conversation.State.Answers.Place?.Town);
    }

    [Fact]
    public void A_postcode_inside_a_sentence_is_recognised()
    {
        var conversation = AtPlace("en");

        conversation.Say("I live in 04109 Leipzig");

        Assert.Equal([TextKeys.PlaceConfirmed, "concerns.ask"], conversation.LastKeys);
        Assert.Equal(("SN", "04109"), (conversation.State.Answers.Place?.Land, conversation.State.Answers.Place?.Postcode));
    }

    [Theory]
    [InlineData("en", "I live in a small village")]
    [InlineData("de", "ich weiß es nicht")]
    [InlineData("de", "ich wohne in einem Dorf")]
    [InlineData("en", "I commute from Essen to Hamm")]
    [InlineData("ru", "живу в деревне")]
    public void A_sentence_without_one_known_town_is_asked_again(string language, string typed)
    {
        var conversation = AtPlace(language);

        conversation.Say(typed);

        Assert.Equal([TextKeys.RepromptPlace, "place.ask"], conversation.LastKeys);
        Assert.Null(conversation.State.Answers.Place);
    }

    [Fact]
    public void A_shared_town_name_inside_a_sentence_asks_for_the_postcode_naming_the_town()
    {
        var conversation = AtPlace("en");

        conversation.Say("I live in Neustadt");

        Assert.Equal([TextKeys.RepromptPlaceAmbiguous, "place.ask"], conversation.LastKeys);
        Assert.Contains("Neustadt", conversation.Last[0].Text, StringComparison.Ordinal);
        Assert.DoesNotContain("live", conversation.Last[0].Text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("en", "Hamburg", "Thank you: Hamburg.")]
    [InlineData("en", "Berlin", "Thank you: Berlin.")]
    [InlineData("ru", "Гамбург", "Спасибо: Гамбург.")]
    [InlineData("de", "Bremerhaven", "Danke: Bremerhaven, Bremen.")]
    [InlineData("de", "Leipzig", "Danke: Leipzig, Sachsen.")]
    [InlineData("en", "20095", "Thank you: 20095, Hamburg.")]
    public void A_city_state_is_named_once_in_the_confirmation(string language, string typed, string confirmation)
    {
        var conversation = AtPlace(language);

        conversation.Say(typed);

        Assert.Equal(confirmation, conversation.Last[0].Text);
    }

    [Fact]
    public void The_place_with_its_Land_names_a_city_state_once()
    {
        var content = TestEngine.Content;
        var english = content.Catalogs["en"];

        Assert.Equal("Hamburg", PlaceLabel.WithLand(new PlaceAnswer("HH", null, "Hamburg"), content, english));
        Assert.Equal("Berlin", PlaceLabel.WithLand(new PlaceAnswer("BE", null, "Berlin"), content, english));
        Assert.Equal("Гамбург", PlaceLabel.WithLand(new PlaceAnswer("HH", null, "Hamburg"), content, content.Catalogs["ru"]));
        Assert.Equal("20095, Hamburg", PlaceLabel.WithLand(new PlaceAnswer("HH", "20095", null), content, english));
        Assert.Equal("Bremerhaven, Bremen", PlaceLabel.WithLand(new PlaceAnswer("HB", null, "Bremerhaven"), content, english));
        Assert.Equal("04109 Leipzig, Saxony", PlaceLabel.WithLand(new PlaceAnswer("SN", "04109", "Leipzig"), content, english));
    }

    [Fact]
    public void A_Persian_word_typed_in_two_parts_has_a_joined_form_equal_to_the_one_with_a_non_joiner()
    {
        var withNonJoiner = TextNormalizer.Normalize("فوق\u200Cلیسانس");

        Assert.Equal("فوقلیسانس", withNonJoiner);
        Assert.Equal([withNonJoiner], TextNormalizer.WithOneSpaceClosed(TextNormalizer.Normalize("فوق لیسانس")));
        Assert.Equal(["فوقلیسانس یا diplom", "فوق لیسانسیا diplom"], TextNormalizer.WithOneSpaceClosed(TextNormalizer.Normalize("فوق لیسانس یا Diplom")));
        Assert.Empty(TextNormalizer.WithOneSpaceClosed("master degree"));
    }

    [Theory]
    [InlineData("فوق\u200Cلیسانس یا Diplom")]
    [InlineData("فوق لیسانس یا Diplom")]
    [InlineData("فوق لیسانس")]
    [InlineData("فوق\u200Cلیسانس")]
    [InlineData("لیسانس", "bachelor")]
    public void The_Persian_degree_buttons_are_matched_joined_or_spaced(string typed, string level = "master")
    {
        var conversation = AtPlace("fa");
        conversation.Say("20095").Press("recognition").Press("done");
        Assert.Equal(["level.ask"], conversation.LastKeys);

        conversation.Say(typed);

        Assert.Equal(["occupation.ask"], conversation.LastKeys);
        Assert.Equal(level, conversation.State.Answers.Level is { } chosen ? IqTriageBot.Domain.Codes.Of(chosen) : null);
    }

    [Theory]
    [InlineData("سیم\u200Cکش ساختمان")]
    [InlineData("سیم کش ساختمان")]
    [InlineData("سیمکش ساختمان")]
    public void A_Persian_occupation_is_found_joined_spaced_or_with_a_non_joiner(string typed)
    {
        var result = TestEngine.Content.Data.Occupations.Classifier.Classify(typed, "fa");

        Assert.True(result.IsConfident, $"'{typed}' is not confident");
        Assert.Equal("electrician-buildings", result.Best!.Occupation.Id);
    }

    /// <summary>A conversation in <paramref name="language"/> at the "where do you live" question.</summary>
    private static TestConversation AtPlace(string language)
    {
        var conversation = new TestConversation(TestEngine.Instance).Start();
        conversation.Press(language).Press("true").Press("germany");
        Assert.Equal(["place.ask"], conversation.LastKeys);
        return conversation;
    }
}
