using System.Globalization;
using IqTriageBot.Domain.Text;

namespace IqTriageBot.Dialogs;

/// <summary>
/// Matches what a person typed or pressed against a list of choices: the 1-based position ("2", "٢"), the label
/// or another name of a choice (after normalisation), the words of exactly one label ("abroad" for
/// "I live abroad"), or a label within a typo or two.
/// </summary>
public static class ChoiceMatcher
{
    public static string? Match(string? input, IReadOnlyList<Choice> choices, Func<Choice, IEnumerable<string>>? otherNames = null)
    {
        var normalized = Normalize(input);
        if (normalized.Length == 0)
        {
            return null;
        }

        if (Position(normalized, choices.Count) is { } position)
        {
            return choices[position].Id;
        }

        var names = choices.Select(c => (c.Id, Names: Names(c, otherNames))).ToList();
        var exact = names.Where(n => n.Names.Contains(normalized)).Select(n => n.Id).Distinct().ToList();
        if (exact.Count == 1)
        {
            return exact[0];
        }

        if (normalized.Length >= 3)
        {
            var words = normalized.Split(' ');
            var containing = names
                .Where(n => n.Names.Any(name => words.All(w => name.Split(' ').Contains(w))))
                .Select(n => n.Id).Distinct().ToList();
            if (containing.Count == 1)
            {
                return containing[0];
            }
        }

        var allowed = normalized.Length >= 9 ? 2 : normalized.Length >= 5 ? 1 : 0;
        if (allowed == 0)
        {
            return null;
        }

        var close = names
            .Select(n => (n.Id, Distance: n.Names.Min(name => EditDistance.Compute(normalized, name, allowed))))
            .Where(n => n.Distance <= allowed)
            .ToList();
        var best = close.Count == 0 ? 0 : close.Min(c => c.Distance);
        var winners = close.Where(c => c.Distance == best).Select(c => c.Id).Distinct().ToList();
        return winners.Count == 1 ? winners[0] : null;
    }

    /// <summary>
    /// Several choices at once: "1, 3", "pay and hours", or one label. Returns the matched ids (possibly empty).
    /// </summary>
    public static IReadOnlyList<string> MatchMany(string? input, IReadOnlyList<Choice> choices, Func<Choice, IEnumerable<string>>? otherNames = null)
    {
        if (Match(input, choices, otherNames) is { } single)
        {
            return [single];
        }

        var parts = (input ?? string.Empty).Split([',', ';', '+', '&', '،', '\n', '/'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (parts.Length == 1)
        {
            parts = parts[0].Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (!parts.All(p => Position(Normalize(p), choices.Count) is not null))
            {
                return [];
            }
        }

        return parts.Select(p => Match(p, choices, otherNames)).OfType<string>().Distinct().ToList();
    }

    /// <summary>Whether the input is one of the words (a |-separated list from a catalog).</summary>
    public static bool IsOneOf(string? input, params string?[] wordLists)
    {
        var normalized = Normalize(input);
        return normalized.Length > 0 && wordLists
            .Where(list => list is not null)
            .SelectMany(list => list!.Split('|'))
            .Any(word => Normalize(word) == normalized);
    }

    public static string Normalize(string? text) => TextNormalizer.Normalize(text);

    private static int? Position(string normalized, int count)
    {
        var digits = normalized.TrimStart('#');
        return int.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out var position) && position >= 1 && position <= count
            ? position - 1
            : null;
    }

    private static HashSet<string> Names(Choice choice, Func<Choice, IEnumerable<string>>? otherNames) =>
        new[] { choice.Id, choice.Label }.Concat(otherNames?.Invoke(choice) ?? []).Select(Normalize).Where(n => n.Length > 0).ToHashSet(StringComparer.Ordinal);
}
