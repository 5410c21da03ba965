using System.Globalization;
using IqTriageBot.Domain.Text;

namespace IqTriageBot.Dialogs;

/// <summary>
/// Matches what a person typed or pressed against a list of choices: the 1-based position ("2", "٢"), the label
/// or another name of a choice (after normalisation), the words of exactly one label ("abroad" for
/// "I live abroad"), an accepted word of a choice (catalog key words.opt.&lt;field&gt;.&lt;value&gt;) on its own or
/// inside a longer answer ("I have a Bachelor"), or a label within a typo or two.
/// </summary>
/// <remarks>
/// Accepted words count exactly (after normalisation, without typos), inside a longer answer as whole word
/// sequences only. A phrase inside a longer matched
/// phrase does not count ("applied" in "not applied"); if the words of two choices remain, nothing is guessed.
/// </remarks>
public static class ChoiceMatcher
{
    public static string? Match(string? input, IReadOnlyList<Choice> choices, Func<Choice, IEnumerable<string>>? otherNames = null, Func<Choice, IEnumerable<string>>? acceptedWords = null)
    {
        if (MatchNormalized(Normalize(input), choices, otherNames, acceptedWords) is { } id)
        {
            return id;
        }

        // Persian writes some words in two parts, joined by a zero-width non-joiner or a space ("فوق‌لیسانس" or
        // "فوق لیسانس"): with one space closed the answer may name exactly one choice.
        var joined = TextNormalizer.WithOneSpaceClosed(Normalize(input))
            .Select(variant => MatchNormalized(variant, choices, otherNames, acceptedWords))
            .OfType<string>()
            .Distinct()
            .ToList();
        return joined.Count == 1 ? joined[0] : null;
    }

    private static string? MatchNormalized(string normalized, IReadOnlyList<Choice> choices, Func<Choice, IEnumerable<string>>? otherNames, Func<Choice, IEnumerable<string>>? acceptedWords)
    {
        if (normalized.Length == 0)
        {
            return null;
        }

        if (Position(normalized, choices.Count) is { } position)
        {
            return choices[position].Id;
        }

        var names = choices.Select(c => (c.Id, Names: Names(c, otherNames))).ToList();
        var accepted = AcceptedWords(choices, acceptedWords);
        var exact = names.Where(n => n.Names.Contains(normalized))
            .Concat(accepted.Where(a => a.Words.Contains(normalized)))
            .Select(n => n.Id).Distinct().ToList();
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

        var named = Named(normalized, accepted).Select(n => n.Id).Distinct().ToList();
        if (named.Count > 0)
        {
            return named.Count == 1 ? named[0] : null; // words of two choices: no guess
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
    /// Several choices at once: "1, 3", "working hours / contract", one label, or the accepted words of several
    /// choices in one message ("recognition, and my employer does not pay"). Returns the matched ids (possibly empty).
    /// </summary>
    public static IReadOnlyList<string> MatchMany(string? input, IReadOnlyList<Choice> choices, Func<Choice, IEnumerable<string>>? otherNames = null, Func<Choice, IEnumerable<string>>? acceptedWords = null)
    {
        if (Match(input, choices, otherNames, acceptedWords) is { } single)
        {
            return [single];
        }

        var parts = (input ?? string.Empty).Split([',', ';', '+', '&', '،', '\n', '/'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (parts.Length == 1)
        {
            parts = parts[0].Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (!parts.All(p => Position(Normalize(p), choices.Count) is not null))
            {
                return NamedMany(Normalize(input), AcceptedWords(choices, acceptedWords));
            }
        }

        return parts.Select(p => Match(p, choices, otherNames, acceptedWords)).OfType<string>().Distinct().ToList();
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

    /// <summary>
    /// Several choices named by their accepted words in one message ("recognition and a job"). Empty when one
    /// stretch of the message is claimed by two choices, so nothing is guessed.
    /// </summary>
    private static List<string> NamedMany(string normalized, List<(string Id, HashSet<string> Words)> accepted)
    {
        var named = Named(normalized, accepted);
        var clash = named.Any(a => named.Any(b => a.Id != b.Id && a.Start < b.Start + b.Length && b.Start < a.Start + a.Length));
        return clash ? [] : named.OrderBy(n => n.Start).Select(n => n.Id).Distinct().ToList();
    }

    /// <summary>
    /// The accepted words found in the message as whole word sequences, without those inside a longer one found
    /// (so "not applied" wins over "applied").
    /// </summary>
    private static List<(string Id, int Start, int Length)> Named(string normalized, List<(string Id, HashSet<string> Words)> accepted)
    {
        var words = normalized.Split(' ');
        var found = new List<(string Id, int Start, int Length)>();
        foreach (var (id, phrases) in accepted)
        {
            foreach (var phrase in phrases)
            {
                var sequence = phrase.Split(' ');
                for (var start = 0; start + sequence.Length <= words.Length; start++)
                {
                    if (words.AsSpan(start, sequence.Length).SequenceEqual(sequence))
                    {
                        found.Add((id, start, sequence.Length));
                    }
                }
            }
        }

        return found
            .Where(f => !found.Any(o => o.Length > f.Length && o.Start <= f.Start && o.Start + o.Length >= f.Start + f.Length))
            .ToList();
    }

    private static List<(string Id, HashSet<string> Words)> AcceptedWords(IReadOnlyList<Choice> choices, Func<Choice, IEnumerable<string>>? acceptedWords) =>
        acceptedWords is null
            ? []
            : choices.Select(c => (c.Id, Words: acceptedWords(c).Select(Normalize).Where(w => w.Length > 0).ToHashSet(StringComparer.Ordinal)))
                .Where(a => a.Words.Count > 0)
                .ToList();

    private static HashSet<string> Names(Choice choice, Func<Choice, IEnumerable<string>>? otherNames) =>
        new[] { choice.Id, choice.Label }.Concat(otherNames?.Invoke(choice) ?? []).Select(Normalize).Where(n => n.Length > 0).ToHashSet(StringComparer.Ordinal);
}
