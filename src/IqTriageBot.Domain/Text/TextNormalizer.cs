using System.Globalization;
using System.Text;

namespace IqTriageBot.Domain.Text;

/// <summary>
/// Folds what people type into a comparable form: lower case, no diacritics (also Arabic harakat and tatweel),
/// one form of the Arabic and Persian letters that are written several ways, Western digits, single spaces,
/// no surrounding punctuation. Used for choices, places, countries and occupations alike. Persian writes the parts of
/// one word apart with a zero-width non-joiner or with a space ("فوق‌لیسانس", "فوق لیسانس"); both read as a space.
/// </summary>
public static class TextNormalizer
{
    private const char ZeroWidthNonJoiner = '\u200C';

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
            if (raw == ZeroWidthNonJoiner)
            {
                pendingSpace = builder.Length > 0;
                continue;
            }

            var category = CharUnicodeInfo.GetUnicodeCategory(raw);
            if (category is UnicodeCategory.NonSpacingMark or UnicodeCategory.EnclosingMark or UnicodeCategory.Format
                || raw == '\u0640')
            {
                continue; // diacritics, harakat, tatweel, ZWJ and bidi marks
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
