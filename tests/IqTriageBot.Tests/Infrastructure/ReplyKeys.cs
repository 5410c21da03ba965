using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using IqTriageBot.Dialogs;

namespace IqTriageBot.Tests.Infrastructure;

/// <summary>A reply identified by the catalog entry it was formatted from.</summary>
public sealed record ReplyKey(string Language, string Key);

/// <summary>
/// Turns the text of a reply activity back into its catalog language and key, so HTTP-level tests
/// assert on keys ("language_set" in "ar") and never on the wording, which editors may change.
/// </summary>
public static class ReplyKeys
{
    private static readonly Lazy<DialogContent> LazyContent = new(() => DialogContentLoader.Load(RepoPaths.Dialogs));
    private static readonly Lazy<List<(ReplyKey Key, Regex Pattern)>> Patterns = new(BuildPatterns);

    public static DialogContent Content => LazyContent.Value;

    public static ReplyKey Identify(string text)
    {
        var matches = Patterns.Value.Where(p => p.Pattern.IsMatch(text)).Select(p => p.Key).ToList();
        return matches.Count switch
        {
            1 => matches[0],
            0 => throw new Xunit.Sdk.XunitException($"No catalog entry produces the text: {text}"),
            _ => throw new Xunit.Sdk.XunitException($"Several catalog entries produce the text: {string.Join(", ", matches)}"),
        };
    }

    /// <summary>The reply's first key and language, from the channelData.triage the host puts on every reply.</summary>
    public static ReplyKey Identify(JsonNode? activity)
    {
        var meta = activity?["channelData"]?["triage"] ?? throw new Xunit.Sdk.XunitException("The activity carries no channelData.triage.");
        return new ReplyKey(meta["language"]!.GetValue<string>(), meta["keys"]![0]!.GetValue<string>());
    }

    /// <summary>The keys of bot message activities, in order.</summary>
    public static IReadOnlyList<string> KeysOf(IEnumerable<JsonNode?> activities) =>
        activities.Select(a => Identify(a).Key).ToList();

    private static List<(ReplyKey, Regex)> BuildPatterns()
    {
        var result = new List<(ReplyKey, Regex)>();
        foreach (var (language, catalog) in Content.Catalogs)
        {
            foreach (var (key, template) in catalog.Texts)
            {
                var pattern = Regex.Replace(Regex.Escape(template), @"\\\{[A-Za-z][A-Za-z0-9_]*}", ".+?");
                result.Add((new ReplyKey(language, key), new Regex("^" + pattern + "$", RegexOptions.Singleline | RegexOptions.CultureInvariant)));
            }
        }

        return result;
    }
}
