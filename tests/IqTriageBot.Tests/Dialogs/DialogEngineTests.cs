using IqTriageBot.Dialogs;
using IqTriageBot.Tests.Infrastructure;

namespace IqTriageBot.Tests.Dialogs;

public class DialogEngineTests
{
    private static readonly DialogContent Content = ReplyKeys.Content;
    private readonly DialogEngine _engine = new(Content);

    private static UserTurn Started(string? locale = null) => new(TurnKind.ConversationStarted, null, locale);

    private static UserTurn Message(string text, string? locale = null) => new(TurnKind.Message, text, locale);

    [Fact]
    public void Start_greets_and_offers_every_language()
    {
        var result = _engine.Run(new DialogState(), Started());

        Assert.Equal([TextKeys.Greeting, TextKeys.ChooseLanguage], result.Replies.Select(r => r.Key));
        Assert.All(result.Replies, r => Assert.Equal("en", r.Language.Code));
        Assert.Equal(Content.Languages.Select(l => l.Code), result.Replies[1].Choices.Select(c => c.Id));
        Assert.Equal(Content.Languages.Select(l => l.Name), result.Replies[1].Choices.Select(c => c.Label));
        Assert.Equal(DialogEngine.LanguageNode, result.State.Node);
        Assert.Null(result.State.Language);
    }

    [Theory]
    [InlineData("العربية")]
    [InlineData("arabic")]
    [InlineData("Arabisch")]
    [InlineData("3")]
    [InlineData("ar")]
    [InlineData("  AR-sa ")]
    public void Choosing_Arabic_confirms_in_Arabic(string answer)
    {
        var asked = _engine.Run(new DialogState(), Started()).State;

        var result = _engine.Run(asked, Message(answer));

        var reply = Assert.Single(result.Replies);
        Assert.Equal(TextKeys.LanguageSet, reply.Key);
        Assert.Equal("ar", reply.Language.Code);
        Assert.Contains("العربية", reply.Text, StringComparison.Ordinal);
        Assert.Equal("ar", result.State.Language);
        Assert.Equal(DialogEngine.ReadyNode, result.State.Node);
    }

    [Theory]
    [InlineData("Українська", "uk")]
    [InlineData("turkish", "tr")]
    [InlineData("Türkçe", "tr")]
    [InlineData("turkce", "tr")]
    [InlineData("11", "ro")]
    [InlineData("Persisch", "fa")]
    public void Every_way_of_naming_a_language_is_understood(string answer, string expected)
    {
        var asked = _engine.Run(new DialogState(), Started()).State;

        var result = _engine.Run(asked, Message(answer));

        Assert.Equal(expected, result.State.Language);
        Assert.Equal(expected, Assert.Single(result.Replies).Language.Code);
    }

    [Theory]
    [InlineData("qwertz")]
    [InlineData("12")]
    [InlineData("0")]
    [InlineData("")]
    public void Unknown_answer_repeats_the_choice_and_keeps_the_state(string answer)
    {
        var asked = _engine.Run(new DialogState(), Started()).State;

        var result = _engine.Run(asked, Message(answer));

        var reply = Assert.Single(result.Replies);
        Assert.Equal(TextKeys.NotUnderstood, reply.Key);
        Assert.Equal(Content.Languages.Count, reply.Choices.Count);
        Assert.Equal(asked.Node, result.State.Node);
        Assert.Equal(asked.Language, result.State.Language);
    }

    [Theory]
    [InlineData("language")]
    [InlineData("Sprache")]
    [InlineData("мова")]
    [InlineData("LANGUAGE!")]
    public void Language_command_after_choosing_reopens_the_choice_in_the_chosen_language(string command)
    {
        var chosen = Run(Started(), Message("ukrainian")).State;
        var afterOtherMessage = _engine.Run(chosen, Message("hello")).State;

        var result = _engine.Run(afterOtherMessage, Message(command));

        var reply = Assert.Single(result.Replies);
        Assert.Equal(TextKeys.ChooseLanguage, reply.Key);
        Assert.Equal("uk", reply.Language.Code);
        Assert.Equal(Content.Languages.Count, reply.Choices.Count);
        Assert.Equal("uk", result.State.Language);
        Assert.Equal(DialogEngine.LanguageNode, result.State.Node);
    }

    [Theory]
    [InlineData("language")]
    [InlineData("Sprache")]
    [InlineData("мова")]
    public void Language_command_while_choosing_asks_again_without_not_understood(string command)
    {
        var asked = _engine.Run(new DialogState(), Started("uk-UA")).State;

        var result = _engine.Run(asked, Message(command, "uk-UA"));

        var reply = Assert.Single(result.Replies);
        Assert.Equal(TextKeys.ChooseLanguage, reply.Key);
        Assert.Equal("uk", reply.Language.Code);
        Assert.Equal(DialogEngine.LanguageNode, result.State.Node);
        Assert.Null(result.State.Language);
    }

    [Fact]
    public void Reopened_choice_can_switch_the_language()
    {
        var reopened = Run(Started(), Message("arabic"), Message("language")).State;

        var result = _engine.Run(reopened, Message("Deutsch"));

        Assert.Equal(TextKeys.LanguageSet, Assert.Single(result.Replies).Key);
        Assert.Equal("de", result.State.Language);
    }

    [Fact]
    public void Message_after_choosing_answers_ready_in_that_language()
    {
        var chosen = Run(Started(), Message("fa")).State;

        var result = _engine.Run(chosen, Message("hello"));

        var reply = Assert.Single(result.Replies);
        Assert.Equal(TextKeys.Ready, reply.Key);
        Assert.Equal("fa", reply.Language.Code);
        Assert.True(reply.Language.IsRightToLeft);
    }

    [Theory]
    [InlineData("uk-UA", "uk")]
    [InlineData("ar_SY", "ar")]
    [InlineData("fr", "fr")]
    [InlineData("xx-YY", "en")]
    [InlineData(null, "en")]
    public void Channel_locale_picks_the_greeting_language(string? locale, string expected)
    {
        var result = _engine.Run(new DialogState(), Started(locale));

        Assert.All(result.Replies, r => Assert.Equal(expected, r.Language.Code));
        Assert.Null(result.State.Language);
    }

    [Fact]
    public void First_message_naming_a_language_greets_and_sets_it()
    {
        var result = _engine.Run(new DialogState(), Message("Русский"));

        Assert.Equal([TextKeys.Greeting, TextKeys.LanguageSet], result.Replies.Select(r => r.Key));
        Assert.Equal("ru", result.State.Language);
    }

    [Fact]
    public void Repeated_conversation_start_sends_nothing()
    {
        var asked = _engine.Run(new DialogState(), Started()).State;

        var result = _engine.Run(asked, Started());

        Assert.Empty(result.Replies);
        Assert.Equal(asked.Node, result.State.Node);
    }

    [Fact]
    public void Apology_uses_the_chosen_language()
    {
        Assert.Equal(TextKeys.TurnFailed, _engine.Apology(null).Key);
        Assert.Equal("tr", _engine.Apology(new DialogState { Language = "tr" }).Language.Code);
    }

    private TurnResult Run(params UserTurn[] turns)
    {
        var state = new DialogState();
        TurnResult? result = null;
        foreach (var turn in turns)
        {
            result = _engine.Run(state, turn);
            state = result.State;
        }

        return result!;
    }
}
