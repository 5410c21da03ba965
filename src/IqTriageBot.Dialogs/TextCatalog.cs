using System.Text;
using System.Text.RegularExpressions;

namespace IqTriageBot.Dialogs;

/// <summary>One language's texts: catalog key to text with {named} placeholders.</summary>
public sealed partial class TextCatalog(string language, IReadOnlyDictionary<string, string> texts)
{
    public string Language { get; } = language;

    public IReadOnlyDictionary<string, string> Texts { get; } = texts;

    /// <summary>Formats the text for <paramref name="key"/>; every placeholder must be supplied.</summary>
    public string Format(string key, IReadOnlyDictionary<string, string>? args = null)
    {
        if (!Texts.TryGetValue(key, out var template))
        {
            throw new KeyNotFoundException($"Text key '{key}' is missing in catalog '{Language}'.");
        }

        return Placeholder().Replace(template, match =>
        {
            var name = match.Groups[1].Value;
            return args is not null && args.TryGetValue(name, out var value)
                ? value
                : throw new ArgumentException($"Text '{key}' in '{Language}' needs the argument '{name}'.", nameof(args));
        });
    }

    /// <summary>The placeholder names a text uses, for checking that all catalogs agree.</summary>
    public static IReadOnlySet<string> PlaceholdersOf(string text) =>
        Placeholder().Matches(text).Select(m => m.Groups[1].Value).ToHashSet(StringComparer.Ordinal);

    [GeneratedRegex(@"\{([A-Za-z][A-Za-z0-9_]*)\}")]
    private static partial Regex Placeholder();

    public override string ToString() => new StringBuilder().Append(Language).Append(" (").Append(Texts.Count).Append(" texts)").ToString();
}
