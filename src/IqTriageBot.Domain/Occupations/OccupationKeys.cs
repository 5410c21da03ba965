using System.Text;
using IqTriageBot.Domain.Text;

namespace IqTriageBot.Domain.Occupations;

/// <summary>
/// The comparable forms of an occupation name: normalised (<see cref="TextNormalizer"/>), without words that
/// carry no occupation ("I am a", "ich bin", "für"), with German gender endings folded to one form
/// ("Lehrerin", "Lehrer:in", "LehrerIn" -> "lehrer"; "Kauffrau" -> "kaufmann") and transliterated to Latin
/// letters (AnyAscii), so "medsestra" finds "медсестра".
/// </summary>
public static class OccupationKeys
{
    private static readonly HashSet<string> FillerWords = new(StringComparer.Ordinal)
    {
        // de
        "ich", "bin", "war", "als", "ein", "eine", "einer", "von", "beruf", "mein", "meine", "gelernt", "ausgebildet", "ausbildung", "zur", "zum", "fur", "im", "in", "der", "die", "das", "und",
        // en
        "i", "am", "was", "a", "an", "the", "as", "my", "profession", "job", "is", "worked", "work", "of", "for", "and", "trained",
        // fr, es, ro, pl, tr
        "je", "suis", "un", "une", "le", "la", "de", "du", "soy", "el", "sunt", "am", "jestem", "ben", "olarak", "benim", "meslegim",
        // uk, ru
        "я", "працював", "працювала", "работал", "работала", "по", "професии", "професія", "профессия", "за", "фахом",
        // ar, fa
        "انا", "کنت", "اعمل", "مهنتی", "من", "هستم", "بودم", "شغلم",
    };

    /// <summary>The normalised words of a text, filler words removed (unless nothing else is left).</summary>
    public static string[] Words(string text)
    {
        var normalized = TextNormalizer.Normalize(text.Replace('*', ' ').Replace('+', ' '));
        var words = normalized.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var kept = words.Where(w => !FillerWords.Contains(w)).ToArray();
        return kept.Length > 0 ? kept : words;
    }

    /// <summary>German gender endings folded: -innen/-in (after 5+ letters), -frau(en) -> -mann; a lone "in" dropped.</summary>
    public static string FoldGender(string[] words)
    {
        var builder = new StringBuilder();
        foreach (var word in words)
        {
            if (word is "in" or "innen")
            {
                continue; // "lehrer in" from "Lehrer/in", "Lehrer:in"
            }

            var folded = word;
            if (folded.EndsWith("innen", StringComparison.Ordinal) && folded.Length >= 9)
            {
                folded = folded[..^5];
            }
            else if (folded.EndsWith("in", StringComparison.Ordinal) && folded.Length >= 7 && !folded.EndsWith("ain", StringComparison.Ordinal) && !folded.EndsWith("zin", StringComparison.Ordinal))
            {
                folded = folded[..^2];
            }

            if (folded.EndsWith("frauen", StringComparison.Ordinal))
            {
                folded = folded[..^6] + "mann";
            }
            else if (folded.EndsWith("frau", StringComparison.Ordinal))
            {
                folded = folded[..^4] + "mann";
            }
            else if (folded.EndsWith("leute", StringComparison.Ordinal))
            {
                folded = folded[..^5] + "mann";
            }

            if (builder.Length > 0)
            {
                builder.Append(' ');
            }

            builder.Append(folded);
        }

        return builder.ToString();
    }

    /// <summary>Latin-letter form of any script, lower case, letters and digits and single spaces only.</summary>
    public static string Transliterate(string normalized)
    {
        var ascii = AnyAscii.Transliteration.Transliterate(normalized);
        var builder = new StringBuilder(ascii.Length);
        foreach (var c in ascii)
        {
            if (char.IsAsciiLetterOrDigit(c))
            {
                builder.Append(char.ToLowerInvariant(c));
            }
            else if (builder.Length > 0 && builder[^1] != ' ')
            {
                builder.Append(' ');
            }
        }

        return builder.ToString().Trim();
    }

    /// <summary>
    /// The consonants of a Latin spelling, for comparing "tabib" with طبيب (AnyAscii "tbyb"): doubled letters
    /// once, chat digits read as letters (7 = h; 3 and 2 for ayn and hamza dropped), gh as q, v as w, vowels and
    /// y dropped. Two forms: w dropped (a long u, as in "darusaz") and w kept (a consonant, as in "vakil").
    /// </summary>
    public static IEnumerable<string> Skeletons(string latin)
    {
        var text = latin.Replace("gh", "q", StringComparison.Ordinal).Replace('7', 'h').Replace('v', 'w')
            .Replace("3", string.Empty, StringComparison.Ordinal).Replace("2", string.Empty, StringComparison.Ordinal);
        var single = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            if (single.Length == 0 || single[^1] != c)
            {
                single.Append(c);
            }
        }

        // A final h is often the feminine ending (ta marbuta) that Latin spellings leave out: "mumarida".
        var forms = new List<string> { Consonants(single.ToString(), dropW: false), Consonants(single.ToString(), dropW: true) };
        forms.AddRange(forms.Where(f => f.EndsWith('h') && f.Length > 3).Select(f => f[..^1]).ToList());
        return forms.Distinct();
    }

    private static string Consonants(string text, bool dropW)
    {
        var builder = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            if (c is 'a' or 'e' or 'i' or 'o' or 'u' or 'y' || (dropW && c == 'w') || !(char.IsAsciiLetterLower(c) || c == ' '))
            {
                continue;
            }

            builder.Append(c);
        }

        return builder.ToString().Trim();
    }
}
