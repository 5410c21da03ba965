using System.Globalization;
using System.Text;

namespace IqTriageBot.Dialogs;

/// <summary>Matches what a person typed or pressed against a list of choices.</summary>
public static class ChoiceMatcher
{
    /// <summary>
    /// The choice whose id, label or one of its extra names equals the input after normalisation,
    /// or whose 1-based position the input names ("2"). Null when nothing matches.
    /// </summary>
    public static string? Match(string? input, IReadOnlyList<Choice> choices, Func<Choice, IEnumerable<string>>? otherNames = null)
    {
        var normalized = Normalize(input);
        if (normalized.Length == 0)
        {
            return null;
        }

        if (int.TryParse(normalized, NumberStyles.None, CultureInfo.InvariantCulture, out var position)
            && position >= 1 && position <= choices.Count)
        {
            return choices[position - 1].Id;
        }

        foreach (var choice in choices)
        {
            var names = new[] { choice.Id, choice.Label }.Concat(otherNames?.Invoke(choice) ?? []);
            if (names.Any(name => Normalize(name) == normalized))
            {
                return choice.Id;
            }
        }

        return null;
    }

    /// <summary>Case-folded, trimmed, diacritics and surrounding punctuation removed.</summary>
    public static string Normalize(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return string.Empty;
        }

        var decomposed = text.Trim().Normalize(NormalizationForm.FormD);
        var builder = new StringBuilder(decomposed.Length);
        foreach (var c in decomposed)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark)
            {
                builder.Append(char.ToLowerInvariant(c));
            }
        }

        return builder.ToString().Normalize(NormalizationForm.FormC).Trim('.', '!', '?', '،', '؟', ' ', '"', '\'');
    }
}
