using System.Globalization;
using System.Text;

namespace IqTriageBot.Domain.Text;

/// <summary>
/// Folds what people type into a comparable form: lower case, no diacritics (also Arabic harakat and tatweel),
/// one form of the Arabic and Persian letters that are written several ways, Western digits, single spaces,
/// no surrounding punctuation. Used for choices, places, countries and occupations alike. A zero-width non-joiner
/// inside a Persian word is dropped; see <see cref="WithOneSpaceClosed"/> for the same word typed with a space.
/// </summary>
public static class TextNormalizer
{
    public static string Normalize(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return string.Empty;
        }

        var decomposed = text.Normalize(NormalizationForm.FormD);
        var builder = new StringBuilder(decomposed.Length);
        var pendingSpace = false;
        foreach (var raw in decomposed)
        {
            var category = CharUnicodeInfo.GetUnicodeCategory(raw);
            if (category is UnicodeCategory.NonSpacingMark or UnicodeCategory.EnclosingMark or UnicodeCategory.Format
                || raw == '\u0640')
            {
                continue; // diacritics, harakat, tatweel, ZWNJ/ZWJ and bidi marks
            }

            var c = Fold(raw);
            if (char.IsWhiteSpace(c) || c is '-' or '_' or '/' or ',' or '.' or '(' or ')' or '"' or '\'' or '\u2019' or '\u2018' or '`' or '«' or '»' or '“' or '”' or '„' or '!' or '?' or '؟' or '،' or '؛' or ';' or ':')
            {
                pendingSpace = builder.Length > 0;
                continue;
            }

            if (pendingSpace)
            {
                builder.Append(' ');
                pendingSpace = false;
            }

            if (c == 'ß')
            {
                builder.Append("ss");
            }
            else
            {
                builder.Append(c);
            }
        }

        return builder.ToString().Normalize(NormalizationForm.FormC);
    }

    /// <summary>
    /// Persian joins the parts of one word with a zero-width non-joiner, which <see cref="Normalize"/> drops
    /// ("فوق‌لیسانس" becomes "فوقلیسانس"), but many type a space instead ("فوق لیسانس"). These are the forms of a
    /// normalised text with one space between two Arabic-script words closed, to try when the text as typed
    /// matches nothing. Reading the non-joiner as a space instead would make "لیسانس" (bachelor) part of
    /// "فوق لیسانس" (master).
    /// </summary>
    public static IEnumerable<string> WithOneSpaceClosed(string normalized)
    {
        for (var at = normalized.IndexOf(' ', StringComparison.Ordinal); at > 0; at = normalized.IndexOf(' ', at + 1))
        {
            if (at + 1 < normalized.Length && IsArabicScript(normalized[at - 1]) && IsArabicScript(normalized[at + 1]))
            {
                yield return string.Concat(normalized.AsSpan(0, at), normalized.AsSpan(at + 1));
            }
        }
    }

    private static bool IsArabicScript(char c) => c is >= '\u0600' and <= '\u06FF';

    /// <summary>Western digits for Arabic-Indic and Persian digits, so "٠٤١٠٩" is a postcode too.</summary>
    public static string WesternDigits(string text)
    {
        var builder = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            builder.Append(c switch
            {
                >= '\u0660' and <= '\u0669' => (char)('0' + (c - '\u0660')),
                >= '\u06F0' and <= '\u06F9' => (char)('0' + (c - '\u06F0')),
                _ => c,
            });
        }

        return builder.ToString();
    }

    private static char Fold(char c) => c switch
    {
        'ı' => 'i',
        'ł' => 'l',
        'ø' => 'o',
        'đ' => 'd',
        // Arabic and Persian letter variants
        'أ' or 'إ' or 'آ' or 'ٱ' => 'ا',
        'ى' or 'ئ' or 'ي' => 'ی',
        'ك' => 'ک',
        'ة' => 'ه',
        'ؤ' => 'و',
        'ۀ' => 'ه',
        >= '\u0660' and <= '\u0669' => (char)('0' + (c - '\u0660')),
        >= '\u06F0' and <= '\u06F9' => (char)('0' + (c - '\u06F0')),
        _ => char.ToLowerInvariant(c),
    };
}
