using IqTriageBot.Dialogs;
using IqTriageBot.Dialogs.Flow;
using IqTriageBot.Tests.Infrastructure;
using YamlDotNet.RepresentationModel;

namespace IqTriageBot.Tests.Transcripts;

/// <summary>
/// Runs every conversation story in Transcripts/stories/ (one file per story and language) through the engine
/// in-process. A step says or presses something and lists the keys of the replies it expects, in order;
/// it may also require keys anywhere in its replies, the replies' language and stored answers.
/// </summary>
public sealed class TranscriptTests
{
    private static readonly string Folder = Path.Combine(RepoPaths.Root, "tests", "IqTriageBot.Tests", "Transcripts", "stories");

    public static TheoryData<string> Stories()
    {
        var data = new TheoryData<string>();
        foreach (var file in Directory.GetFiles(Folder, "*.yaml", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            data.Add(Path.GetRelativePath(Folder, file));
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Stories))]
    public void Story_runs_as_written(string story)
    {
        var root = (YamlMappingNode)Load(Path.Combine(Folder, story));
        var locale = Scalar(root, "locale");
        using var desk = new TestDesk();
        var conversation = new TestConversation(TestEngine.Instance, locale, desk);
        var steps = (YamlSequenceNode)root.Children[new YamlScalarNode("steps")];
        var number = 0;
        foreach (var step in steps.Children.Cast<YamlMappingNode>())
        {
            number++;
            var where = $"{story}, step {number} (line {step.Start.Line})";
            if (Scalar(step, "start") is not null)
            {
                conversation.Start();
            }
            else if (Scalar(step, "press") is { } press)
            {
                conversation.Press(press);
            }
            else if (Scalar(step, "say") is { } say)
            {
                conversation.Say(say.Replace("{reference}", conversation.State.BookingReference ?? LastReference(conversation), StringComparison.Ordinal));
            }

            if (Scalar(step, "wait") is { } wait)
            {
                desk.Clock.Advance(TimeSpan.FromHours(double.Parse(wait, System.Globalization.CultureInfo.InvariantCulture)));
            }

            Check(conversation, step, where);
        }
    }

    private static void Check(TestConversation conversation, YamlMappingNode step, string where)
    {
        var replies = conversation.Last;
        Assert.True(replies.Count > 0, $"{where}: the bot said nothing.");
        Assert.All(replies, r => Assert.False(string.IsNullOrWhiteSpace(r.Text), $"{where}: an empty reply ({r.Key})."));
        if (List(step, "expect") is { } expected)
        {
            Assert.True(expected.SequenceEqual(conversation.LastKeys), $"{where}: expected [{string.Join(", ", expected)}] but got [{string.Join(", ", conversation.LastKeys)}].");
        }

        var allKeys = replies.SelectMany(r => r.Keys).ToList();
        foreach (var key in List(step, "includes") ?? [])
        {
            Assert.True(allKeys.Contains(key), $"{where}: no reply uses '{key}' (keys: {string.Join(", ", allKeys)}).");
        }

        foreach (var key in List(step, "excludes") ?? [])
        {
            Assert.False(allKeys.Contains(key), $"{where}: a reply uses '{key}', which it must not.");
        }

        if (Scalar(step, "language") is { } language)
        {
            Assert.All(replies, r => Assert.True(r.Language.Code == language, $"{where}: reply {r.Key} is in {r.Language.Code}, not {language}."));
        }

        if (step.Children.TryGetValue(new YamlScalarNode("answers"), out var answersNode))
        {
            var state = conversation.State;
            foreach (var (key, value) in ((YamlMappingNode)answersNode).Children)
            {
                var field = Fields.All[((YamlScalarNode)key).Value!];
                var expectedValue = value is YamlSequenceNode list
                    ? string.Join(",", list.Children.Cast<YamlScalarNode>().Select(s => s.Value))
                    : ((YamlScalarNode)value).Value;
                var actual = state.Answers.Skipped.Contains(field.Name) ? "skipped" : string.Join(",", field.Read(state.Answers) ?? ["unset"]);
                Assert.True(expectedValue == actual, $"{where}: answer '{field.Name}' is '{actual}', expected '{expectedValue}'.");
            }
        }

        if (List(step, "effects") is { } effects)
        {
            Assert.Equal(effects, conversation.LastEffects.Select(e => IqTriageBot.Domain.Codes.Of(e)));
        }

        if (Scalar(step, "occupation") is { } occupation)
        {
            Assert.Equal(occupation, conversation.State.Answers.Occupation?.OccupationId);
        }
    }

    /// <summary>The booking reference the bot last named (kept after a cancellation for "cancel {reference}" steps).</summary>
    private static string LastReference(TestConversation conversation) =>
        conversation.All.Select(r => IqTriageBot.Domain.Bookings.BookingReference.Find(r.Text)).LastOrDefault(r => r is not null) ?? "NOREF2";

    private static YamlNode Load(string file)
    {
        using var reader = new StreamReader(file);
        var stream = new YamlStream();
        stream.Load(reader);
        return stream.Documents[0].RootNode;
    }

    private static string? Scalar(YamlMappingNode map, string key) =>
        map.Children.TryGetValue(new YamlScalarNode(key), out var node) && node is YamlScalarNode scalar ? scalar.Value : null;

    private static List<string>? List(YamlMappingNode map, string key) =>
        map.Children.TryGetValue(new YamlScalarNode(key), out var node) && node is YamlSequenceNode list
            ? list.Children.Cast<YamlScalarNode>().Select(s => s.Value!).ToList()
            : null;
}
