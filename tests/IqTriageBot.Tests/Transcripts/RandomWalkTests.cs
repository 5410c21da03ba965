using IqTriageBot.Dialogs;
using IqTriageBot.Dialogs.Flow;
using IqTriageBot.Tests.Infrastructure;

namespace IqTriageBot.Tests.Transcripts;

/// <summary>
/// 10,000 simulated conversations with random buttons, garbage, emoji, very long text, other scripts and
/// commands at any step. Every turn must be answered, no question may be re-prompted more often than the
/// retry limit, and afterwards a person who simply answers must still reach the result or a deliberate end.
/// </summary>
public sealed class RandomWalkTests
{
    private const int Conversations = 10_000;
    private const int RandomTurns = 25;
    private const int FinishingTurns = 80;

    private static readonly string[] Noise =
    [
        "", "   ", "asdf", "???", "😀😀😀", "🙏", "12345678901234567890", "-1", "0", "99", "<script>alert(1)</script>",
        "'; DROP TABLE dialog_state; --", "{\"text\":\"json\"}", "null", "\u200f\u202e", "ممكن مساعدة", "не знаю", "我不知道",
        "ትግርኛ", "Ich weiß nicht", "yes no", "1,2,3,4,5,6,7,8,9,10,11", "a@", "+", "0000", "00000", "99999", "Zürich",
    ];

    private static readonly string[] Commands =
    [
        "help", "back", "restart", "language", "person", "delete my data", "hilfe", "zurück", "مساعدة", "мова", "/start",
    ];

    [Fact]
    public void Random_conversations_never_go_silent_loop_or_dead_end()
    {
        var engine = TestEngine.Instance;
        using var desk = new TestDesk();
        var maxRetries = new DialogOptions().MaxRetries;
        var finished = 0;
        for (var seed = 0; seed < Conversations; seed++)
        {
            var random = new Random(seed);
            var locale = random.Next(4) == 0 ? null : TestEngine.Content.Languages[random.Next(TestEngine.Content.Languages.Count)].Locale;
            var conversation = new TestConversation(engine, locale, desk);
            var repeats = new RepeatCounter();
            if (random.Next(3) > 0)
            {
                Step(conversation, c => c.Start(), seed, repeats, maxRetries, allowSilence: true);
            }

            for (var turn = 0; turn < RandomTurns; turn++)
            {
                var text = RandomInput(random, conversation);
                Step(conversation, c => c.Say(text), seed, repeats, maxRetries);
            }

            for (var turn = 0; turn < FinishingTurns && !IsDone(conversation.State); turn++)
            {
                var text = SensibleInput(conversation);
                Step(conversation, c => c.Say(text), seed, repeats, maxRetries);
            }

            Assert.True(IsDone(conversation.State), $"seed {seed}: a cooperative person did not reach a result or an end (at {conversation.State.Node}, pending {conversation.State.Pending}).");
            finished++;
        }

        Assert.Equal(Conversations, finished);
    }

    private static void Step(TestConversation conversation, Action<TestConversation> act, int seed, RepeatCounter repeats, int maxRetries, bool allowSilence = false)
    {
        act(conversation);
        if (!allowSilence)
        {
            Assert.True(conversation.Last.Count > 0, $"seed {seed}: the bot said nothing at {conversation.State.Node}.");
        }

        Assert.All(conversation.Last, r => Assert.False(string.IsNullOrWhiteSpace(r.Text), $"seed {seed}: empty reply {r.Key}."));
        var reprompted = conversation.LastKeys.Any(k => k.StartsWith("reprompt.", StringComparison.Ordinal));
        var count = repeats.Next(conversation.State.Node, conversation.State.Pending, reprompted);
        Assert.True(count <= maxRetries, $"seed {seed}: '{conversation.State.Node}' was re-prompted {count} times in a row.");
    }

    private static bool IsDone(DialogState state) =>
        state.Completed || TestEngine.Content.Flow.Nodes.Any(n => n.Id == state.Node && n.Ask == AskKind.End);

    private static string RandomInput(Random random, TestConversation conversation)
    {
        var choices = conversation.Choices;
        return random.Next(100) switch
        {
            < 55 when choices.Count > 0 => choices[random.Next(choices.Count)].Label,
            < 62 => (random.Next(choices.Count + 3) + 1).ToString(System.Globalization.CultureInfo.InvariantCulture),
            < 80 => Noise[random.Next(Noise.Length)],
            < 86 => Commands[random.Next(Commands.Length)],
            < 90 => new string('x', random.Next(1000, 6000)),
            _ => SensibleInput(conversation),
        };
    }

    /// <summary>What a cooperative person answers: the first button, or a valid answer of the asked kind.</summary>
    private static string SensibleInput(TestConversation conversation)
    {
        var state = conversation.State;
        if (conversation.Choices.Count > 0)
        {
            return conversation.Choices[0].Label;
        }

        var node = TestEngine.Content.Flow.Nodes.FirstOrDefault(n => n.Id == state.Node);
        return node?.Ask switch
        {
            AskKind.Place => "10115",
            AskKind.Country => "SY",
            AskKind.Occupation => "Bäcker",
            AskKind.Email => "person@example.org",
            AskKind.Phone => "+49 30 1234567",
            AskKind.Text => "My employer does not pay.",
            _ => "1",
        };
    }

    /// <summary>Counts re-prompts of the same question in a row.</summary>
    private sealed class RepeatCounter
    {
        private (string?, Pending) _last;
        private int _count;

        public int Next(string? node, Pending pending, bool reprompted)
        {
            if (!reprompted)
            {
                _count = 0;
            }
            else
            {
                _count = _last == (node, pending) ? _count + 1 : 1;
            }

            _last = (node, pending);
            return _count;
        }
    }
}
