using IqTriageBot.Domain.Text;

namespace IqTriageBot.Domain.Occupations;

/// <summary>A candidate occupation for what someone wrote, with a score between 0 and 1.</summary>
public sealed record OccupationCandidate(Occupation Occupation, double Score);

/// <summary>Ranked candidates, best first; <see cref="IsConfident"/> when the best is clearly the one.</summary>
public sealed record Classification(IReadOnlyList<OccupationCandidate> Candidates)
{
    /// <summary>Scores from here on count as a match a person would recognise.</summary>
    public const double MatchThreshold = 0.8;

    /// <summary>How far ahead of the runner-up the best must be to be taken without asking.</summary>
    public const double ClearLead = 0.12;

    public OccupationCandidate? Best => Candidates.Count > 0 ? Candidates[0] : null;

    public bool IsConfident =>
        Best is { Score: >= MatchThreshold } best
        && (Candidates.Count == 1 || Candidates[1].Score <= best.Score - ClearLead);

    /// <summary>Candidates worth offering in a clarifying question.</summary>
    public IEnumerable<OccupationCandidate> Plausible => Candidates.Where(c => c.Score >= 0.6);
}

/// <summary>
/// Finds reference occupations for free text in any language: exact names first (also with gender endings
/// folded and in Latin transliteration), then names made of the text's words, then names within a few typos.
/// Built once from the occupation table; thread-safe and allocation-light per query.
/// </summary>
public sealed class OccupationClassifier
{
    private const double FoldedScore = 0.97;
    private const double TransliteratedScore = 0.95;

    /// <summary>A name from another language than the one the person writes counts slightly less (homographs).</summary>
    private const double OtherLanguageFactor = 0.99;

    private readonly IReadOnlyList<Occupation> _occupations;
    private readonly Dictionary<string, List<(int Occupation, double Score, string Language)>> _exact = new(StringComparer.Ordinal);
    private readonly List<Entry> _entries = [];
    private readonly Dictionary<string, List<int>> _byWord = new(StringComparer.Ordinal);

    public OccupationClassifier(IReadOnlyList<Occupation> occupations)
    {
        _occupations = occupations;
        for (var index = 0; index < occupations.Count; index++)
        {
            var occupation = occupations[index];
            var names = occupation.Names.SelectMany(p => p.Value.Select(name => (Language: p.Key, Name: name)))
                .Prepend(("de", occupation.TitleDeMale)).Prepend(("de", occupation.TitleDeFemale)).Prepend(("en", occupation.TitleEn));
            foreach (var (language, name) in names)
            {
                Index(index, name, language);
            }
        }
    }

    /// <summary>Candidates for <paramref name="text"/>, written in <paramref name="language"/> if known (a hint only).</summary>
    public Classification Classify(string text, string? language = null, int max = 5)
    {
        var words = OccupationKeys.Words(text);
        var scores = new Dictionary<int, double>();
        if (words.Length == 0)
        {
            return new Classification([]);
        }

        var key = string.Join(' ', words);
        Take(scores, key, 1.0, language);
        Take(scores, OccupationKeys.FoldGender(words), FoldedScore, language);
        var latin = OccupationKeys.Transliterate(key);
        Take(scores, latin, TransliteratedScore, language);

        if (scores.Count == 0 || scores.Values.Max() < 1.0)
        {
            MatchWords(words, key.Length, scores);
            MatchTypos(key, latin, scores);
        }

        var ranked = scores
            .OrderByDescending(p => p.Value)
            .ThenBy(p => p.Key)
            .Take(max)
            .Select(p => new OccupationCandidate(_occupations[p.Key], Math.Round(p.Value, 3)))
            .ToList();
        return new Classification(ranked);
    }

    private void Index(int occupation, string name, string language)
    {
        var words = OccupationKeys.Words(name);
        if (words.Length == 0)
        {
            return;
        }

        var key = string.Join(' ', words);
        AddExact(key, occupation, 1.0, language);
        AddExact(OccupationKeys.FoldGender(words), occupation, FoldedScore, language);
        var latin = OccupationKeys.Transliterate(key);
        AddExact(latin, occupation, TransliteratedScore, language);

        var entry = _entries.Count;
        _entries.Add(new Entry(occupation, key, latin, words));
        foreach (var word in words.Distinct())
        {
            if (!_byWord.TryGetValue(word, out var list))
            {
                _byWord[word] = list = [];
            }

            list.Add(entry);
        }
    }

    private void AddExact(string key, int occupation, double score, string language)
    {
        if (key.Length == 0)
        {
            return;
        }

        if (!_exact.TryGetValue(key, out var list))
        {
            _exact[key] = list = [];
        }

        if (!list.Any(e => e.Occupation == occupation && e.Language == language && e.Score >= score))
        {
            list.Add((occupation, score, language));
        }
    }

    private void Take(Dictionary<int, double> scores, string key, double factor, string? language)
    {
        if (key.Length > 0 && _exact.TryGetValue(key, out var hits))
        {
            foreach (var (occupation, score, from) in hits)
            {
                var weight = language is null || from == language ? 1.0 : OtherLanguageFactor;
                Raise(scores, occupation, score * factor * weight);
            }
        }
    }

    /// <summary>
    /// Names whose words all occur in the text ("Lehrerin für Mathe" contains "Lehrerin"), scored by how much
    /// of the text they cover; and names that contain every word of a short text, scored lower.
    /// </summary>
    private void MatchWords(string[] words, int textLength, Dictionary<int, double> scores)
    {
        var seen = new HashSet<int>();
        foreach (var word in words)
        {
            if (!_byWord.TryGetValue(word, out var entries))
            {
                continue;
            }

            foreach (var index in entries)
            {
                if (!seen.Add(index))
                {
                    continue;
                }

                var entry = _entries[index];
                var nameInText = entry.Words.All(w => words.Contains(w));
                var textInName = words.All(w => entry.Words.Contains(w));
                if (nameInText)
                {
                    var coverage = (double)entry.Key.Length / textLength;
                    Raise(scores, entry.Occupation, 0.7 + (0.25 * coverage));
                }
                else if (textInName)
                {
                    var coverage = (double)textLength / entry.Key.Length;
                    Raise(scores, entry.Occupation, 0.5 + (0.25 * coverage));
                }
            }
        }
    }

    /// <summary>Whole names within one typo per five letters (at most three), in the script typed or in Latin letters.</summary>
    private void MatchTypos(string key, string latin, Dictionary<int, double> scores)
    {
        var allowed = Math.Min(3, key.Length / 5);
        if (allowed == 0)
        {
            return;
        }

        foreach (var entry in _entries)
        {
            var distance = EditDistance.Compute(key, entry.Key, allowed);
            if (distance > allowed && latin.Length > 0 && entry.Latin.Length > 0)
            {
                distance = EditDistance.Compute(latin, entry.Latin, allowed);
            }

            if (distance <= allowed)
            {
                var length = Math.Max(key.Length, entry.Key.Length);
                Raise(scores, entry.Occupation, 0.95 * (1.0 - ((double)distance / length)));
            }
        }
    }

    private static void Raise(Dictionary<int, double> scores, int occupation, double score)
    {
        if (!scores.TryGetValue(occupation, out var current) || current < score)
        {
            scores[occupation] = score;
        }
    }

    private sealed record Entry(int Occupation, string Key, string Latin, string[] Words);
}
