using System.Text;
using System.Text.RegularExpressions;

namespace IqTriageBot.Domain.Translation;

/// <summary>
/// Keeps {named} placeholders of catalog texts out of a translator's reach: each becomes a numbered marker
/// such as [#0] before sending and its name again after. A translation that lost, doubled or invented a
/// marker cannot be restored; the caller then keeps the source text.
/// </summary>
public static partial class PlaceholderGuard
{
    /// <summary>The text with markers, and the placeholder names in marker order.</summary>
    public static (string Text, IReadOnlyList<string> Names) Protect(string text)
    {
        var names = new List<string>();
        var protectedText = Placeholder().Replace(text, match =>
        {
            names.Add(match.Groups[1].Value);
            return Marker(names.Count - 1);
        });
        return (protectedText, names);
    }

    /// <summary>The translation with the placeholders back, or null when a marker went missing or was added.</summary>
    public static string? Restore(string translated, IReadOnlyList<string> names)
    {
        var found = MarkerPattern().Matches(translated).Select(m => int.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture)).ToList();
        if (found.Count != names.Count || found.Distinct().Count() != names.Count || found.Any(i => i >= names.Count))
        {
            return null;
        }

        if (Placeholder().IsMatch(translated))
        {
            return null;
        }

        return MarkerPattern().Replace(translated, match => new StringBuilder().Append('{').Append(names[int.Parse(match.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture)]).Append('}').ToString());
    }

    private static string Marker(int index) => string.Create(System.Globalization.CultureInfo.InvariantCulture, $"[#{index}]");

    [GeneratedRegex(@"\{([A-Za-z][A-Za-z0-9_]*)\}")]
    private static partial Regex Placeholder();

    [GeneratedRegex(@"\[\s*#\s*(\d{1,3})\s*\]")]
    private static partial Regex MarkerPattern();
}
