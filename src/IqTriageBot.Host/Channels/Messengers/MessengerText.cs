using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace IqTriageBot.Host.Channels.Messengers;

/// <summary>Text within a platform's limits: split long messages, shorten labels, short tokens for long button values.</summary>
public static class MessengerText
{
    /// <summary>
    /// Splits a text into parts of at most <paramref name="max"/> UTF-16 units, preferring a paragraph break, then a
    /// line break, then a space, and never cutting through a character made of several units (surrogate pairs,
    /// combining marks). Right-to-left text is not touched.
    /// </summary>
    public static IReadOnlyList<string> Split(string text, int max)
    {
        var parts = new List<string>();
        var rest = text.Trim();
        while (rest.Length > max)
        {
            var limit = SafeCut(rest, max);
            var cut = Boundary(rest, limit, "\n\n") ?? Boundary(rest, limit, "\n") ?? Boundary(rest, limit, " ") ?? limit;
            parts.Add(rest[..cut].TrimEnd());
            rest = rest[cut..].TrimStart();
        }

        if (rest.Length > 0 || parts.Count == 0)
        {
            parts.Add(rest);
        }

        return parts;
    }

    /// <summary>The label cut to at most <paramref name="max"/> UTF-16 units on a text-element boundary, with an ellipsis when shortened.</summary>
    public static string Trim(string label, int max)
    {
        var text = label.Trim();
        if (text.Length <= max)
        {
            return text;
        }

        var cut = SafeCut(text, max - 1);
        return text[..cut].TrimEnd() + "…";
    }

    /// <summary>A short ASCII token naming a button value: the same value always gives the same token.</summary>
    public static string Token(string value)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(value));
        return "b" + Convert.ToBase64String(hash, 0, 9).Replace('+', '-').Replace('/', '_');
    }

    /// <summary>The largest length not above <paramref name="max"/> that ends on a text-element boundary.</summary>
    private static int SafeCut(string text, int max)
    {
        var cut = 0;
        var enumerator = StringInfo.GetTextElementEnumerator(text);
        while (enumerator.MoveNext())
        {
            var end = enumerator.ElementIndex + ((string)enumerator.Current).Length;
            if (end > max)
            {
                break;
            }

            cut = end;
        }

        // A single element longer than the limit (a long emoji sequence): cut before it would lose it, so keep the units that fit whole.
        if (cut == 0)
        {
            cut = char.IsHighSurrogate(text[max - 1]) ? max - 1 : max;
        }

        return cut;
    }

    private static int? Boundary(string text, int limit, string separator)
    {
        var index = text.LastIndexOf(separator, limit - 1, limit, StringComparison.Ordinal);
        return index > limit / 2 ? index + separator.Length : null;
    }
}
