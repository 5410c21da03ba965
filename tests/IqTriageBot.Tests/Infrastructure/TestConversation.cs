using IqTriageBot.Dialogs;
using IqTriageBot.Domain.Bookings;

namespace IqTriageBot.Tests.Infrastructure;

/// <summary>
/// An in-process conversation with the engine, the way a channel drives it: the state goes through its JSON
/// form after every turn (as it does through the store), buttons are pressed by sending their label (as Web
/// Chat's imBack does), and every reply is kept for assertions on its keys.
/// </summary>
public sealed class TestConversation(DialogEngine engine, string? locale = null, TestDesk? desk = null)
{
    private string _stateJson = DialogStateJson.Serialize(new DialogState());

    /// <summary>The conversation's id, as a channel would give it (bookings are kept per conversation).</summary>
    public string ConversationId { get; } = Guid.NewGuid().ToString("N");

    public DateTimeOffset Now => desk?.Clock.GetUtcNow() ?? TestClock.Start;

    public DialogState State => DialogStateJson.Deserialize(_stateJson);

    public IReadOnlyList<Reply> Last { get; private set; } = [];

    public List<Reply> All { get; } = [];

    public List<TurnEffect> Effects { get; } = [];

    public IReadOnlyList<TurnEffect> LastEffects { get; private set; } = [];

    public IReadOnlyList<string> LastKeys => Last.Select(r => r.Key).ToList();

    /// <summary>The choices of the last reply that offers any.</summary>
    public IReadOnlyList<Choice> Choices => Last.LastOrDefault(r => r.Choices.Count > 0)?.Choices ?? [];

    public TestConversation Start() => Run(new UserTurn(TurnKind.ConversationStarted, null, locale, Now));

    public TestConversation Say(string text) => Run(new UserTurn(TurnKind.Message, text, locale, Now));

    /// <summary>Presses the button with this id, sending its label.</summary>
    public TestConversation Press(string id)
    {
        var choice = Choices.FirstOrDefault(c => c.Id == id)
            ?? throw new Xunit.Sdk.XunitException($"No button '{id}' in the last reply; offered: {string.Join(", ", Choices.Select(c => c.Id))} (keys {string.Join(", ", LastKeys)}).");
        return Say(choice.Label);
    }

    private TestConversation Run(UserTurn turn)
    {
        var state = DialogStateJson.Deserialize(_stateJson);
        var result = desk is null
            ? engine.Run(state, turn)
            : engine.RunAsync(state, turn, Port(state), CancellationToken.None).GetAwaiter().GetResult();
        _stateJson = DialogStateJson.Serialize(result.State);
        Last = result.Replies;
        All.AddRange(result.Replies);
        Effects.AddRange(result.Effects);
        LastEffects = result.Effects;
        Assert.Null(result.Request);
        return this;
    }

    private BookingPort Port(DialogState state) =>
        new(desk!.Desk, new ConversationAddress("test", ConversationId, "user-1", null, state.Language ?? "en"), b => $"https://bot.example/calendar/{b.Reference}.ics");
}
