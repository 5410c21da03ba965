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

    /// <summary>From this score an exact lookup ends the search.</summary>
    private const double ExactEnough = 0.9;

    /// <summary>A typo match against a word of another language is much weaker evidence.</summary>
    private const double OtherLanguageTypoFactor = 0.92;

    /// <summary>Names listed first are the ones an editor means most; later ones lose a little per place.</summary>
    private const double RankStep = 0.003;

    /// <summary>Latin-letter spellings of Arabic and Persian names match on their consonants ("tabib" ~ طبيب).</summary>
    private const double SkeletonScore = 0.86;

    /// <summary>An inflected word ("hemşireyim", "бухгалтером") that starts with a name.</summary>
    private const double InflectedScore = 0.86;

    /// <summary>Languages whose words take endings, so that a name may be followed by a few letters.</summary>
    private static readonly HashSet<string> InflectingLanguages = ["tr", "uk", "ru", "pl", "ro", "fa"];

    private readonly IReadOnlyList<Occupation> _occupations;
    private readonly Dictionary<string, List<(int Occupation, double Score, string Language)>> _exact = new(StringComparer.Ordinal);
    private readonly List<Entry> _entries = [];
    private readonly Dictionary<string, List<int>> _byWord = new(StringComparer.Ordinal);
    private readonly TypoIndex _typos = new();
    private readonly TypoIndex _latinTypos = new();

    /// <summary>One-word names by their first three letters, for inflected words.</summary>
    private readonly Dictionary<string, List<int>> _byStart = new(StringComparer.Ordinal);

    public OccupationClassifier(IReadOnlyList<Occupation> occupations)
    {
        _occupations = occupations;
        for (var index = 0; index < occupations.Count; index++)
        {
            var occupation = occupations[index];
            var names = occupation.Names.SelectMany(p => p.Value.Select((name, rank) => (Language: p.Key, Name: name, Rank: rank)))
                .Prepend(("de", occupation.TitleDeMale, 0)).Prepend(("de", occupation.TitleDeFemale, 0)).Prepend(("en", occupation.TitleEn, 0));
            foreach (var (language, name, rank) in names)
            {
                Index(index, name, language, rank);
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
        if (scores.Count == 0)
        {
            // "برق کار" for "برقکار": a Persian word typed in two parts.
            foreach (var joined in TextNormalizer.WithOneSpaceClosed(key))
            {
                Take(scores, joined, 1.0, language);
            }
        }

        Take(scores, OccupationKeys.FoldGender(words), FoldedScore, language);
        var latin = OccupationKeys.Transliterate(key);
        Take(scores, latin, TransliteratedScore, language);
        if (scores.Count == 0 && latin == key)
        {
            // Typed in Latin letters: perhaps an Arabic or Persian name as people spell it on a phone.
            foreach (var skeleton in OccupationKeys.Skeletons(key).Where(k => k.Length >= 3))
            {
                Take(scores, "~" + skeleton, 1.0, null);
            }
        }

        // An exact name (in any language or form) is as good as it gets; the slower fallbacks are for the rest.
        if (scores.Count == 0 || scores.Values.Max() < ExactEnough)
        {
            MatchWords(words, key.Length, language, scores);
            if (scores.Count == 0 || scores.Values.Max() < Classification.MatchThreshold)
            {
                MatchTypos(key, latin, language, scores);
            }
        }

        var ranked = scores
            .OrderByDescending(p => p.Value)
            .ThenBy(p => p.Key)
            .Take(max)
            .Select(p => new OccupationCandidate(_occupations[p.Key], Math.Round(p.Value, 3)))
            .ToList();
        return new Classification(ranked);
    }

    private void Index(int occupation, string name, string language, int rank)
    {
        var words = OccupationKeys.Words(name);
        if (words.Length == 0)
        {
            return;
        }

        var key = string.Join(' ', words);
        var weight = 1.0 - (RankStep * Math.Min(rank, 10));
        AddExact(key, occupation, weight, language);
        if (name.Contains('\u200C', StringComparison.Ordinal))
        {
            // "سیم‌کش" is often typed "سیم کش": the spaced form is a name too (the normaliser joins at the non-joiner).
            AddExact(string.Join(' ', OccupationKeys.Words(name.Replace('\u200C', ' '))), occupation, weight, language);
        }

        AddExact(OccupationKeys.FoldGender(words), occupation, FoldedScore * weight, language);
        var latin = OccupationKeys.Transliterate(key);
        AddExact(latin, occupation, TransliteratedScore * weight, language);
        if (language is "ar" or "fa")
        {
            foreach (var skeleton in OccupationKeys.Skeletons(latin).Where(k => k.Length >= 3))
            {
                AddExact("~" + skeleton, occupation, SkeletonScore * weight, language);
            }
        }

        var entry = _entries.Count;
        _entries.Add(new Entry(occupation, key, latin, words, language));
        _typos.Add(key, entry);
        if (latin.Length > 0 && latin != key)
        {
            _latinTypos.Add(latin, entry);
        }

        if (words.Length == 1 && key.Length >= 4)
        {
            if (!_byStart.TryGetValue(key[..3], out var starting))
            {
                _byStart[key[..3]] = starting = [];
            }

            starting.Add(entry);
        }

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
    private void MatchWords(string[] words, int textLength, string? language, Dictionary<int, double> scores)
    {
        if (language is not null && InflectingLanguages.Contains(language))
        {
            MatchInflected(words, scores);
        }

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

    /// <summary>
    /// A one-word name followed by an ending of up to three letters, the name's last letter allowed to change
    /// ("медсестра" in "медсестрою", "avukat" in "avukatım"), in a text of one or two words.
    /// </summary>
    private void MatchInflected(string[] words, Dictionary<int, double> scores)
    {
        if (words.Length > 2)
        {
            return;
        }

        foreach (var word in words.Where(w => w.Length >= 5))
        {
            if (!_byStart.TryGetValue(word[..3], out var candidates))
            {
                continue;
            }

            foreach (var index in candidates)
            {
                var entry = _entries[index];
                if (word.Length <= entry.Key.Length - 1 || word.Length - entry.Key.Length > 3)
                {
                    continue;
                }

                if (word.StartsWith(entry.Key.AsSpan(0, entry.Key.Length - 1), StringComparison.Ordinal) && word != entry.Key)
                {
                    Raise(scores, entry.Occupation, InflectedScore * (words.Length == 1 ? 1.0 : 0.97));
                }
            }
        }
    }

    /// <summary>Whole names within one typo per five letters (at most three), in the script typed or in Latin letters.</summary>
    private void MatchTypos(string key, string latin, string? language, Dictionary<int, double> scores)
    {
        var allowed = Math.Min(3, key.Length / 5);
        if (allowed == 0)
        {
            return;
        }

        var best = new Dictionary<int, int>();
        void Keep(int entry, int distance, int length)
        {
            if (!best.TryGetValue(entry, out var known) || distance < known)
            {
                best[entry] = distance;
            }
        }

        _typos.Search(key, allowed, Keep);
        if (latin.Length > 0)
        {
            _latinTypos.Search(latin, allowed, Keep);
        }

        foreach (var (index, distance) in best)
        {
            var entry = _entries[index];
            var length = Math.Max(key.Length, entry.Key.Length);
            var factor = language is null || entry.Language == language ? 1.0 : OtherLanguageTypoFactor;
            Raise(scores, entry.Occupation, 0.95 * factor * (1.0 - ((double)distance / length)));
        }
    }

    private static void Raise(Dictionary<int, double> scores, int occupation, double score)
    {
        if (!scores.TryGetValue(occupation, out var current) || current < score)
        {
            scores[occupation] = score;
        }
    }

    private sealed record Entry(int Occupation, string Key, string Latin, string[] Words, string Language);
}
