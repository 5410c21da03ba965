using IqTriageBot.Domain.Text;
using Microsoft.Recognizers.Text;
using Microsoft.Recognizers.Text.Sequence;

namespace IqTriageBot.Dialogs;

/// <summary>E-mail addresses and phone numbers in free text, through Microsoft.Recognizers.Text (Sequence).</summary>
public static class Sequences
{
    /// <summary>The first e-mail address in the text, or null.</summary>
    public static string? Email(string? text)
    {
        if (string.IsNullOrWhiteSpace(text) || text.Length > 320)
        {
            return null;
        }

        var found = SequenceRecognizer.RecognizeEmail(text.Trim(), Culture.English);
        return found.Count > 0 ? found[0].Resolution["value"]?.ToString() : null;
    }

    /// <summary>The first phone number with at least 6 digits (Arabic and Persian digits too), or null.</summary>
    public static string? Phone(string? text)
    {
        if (string.IsNullOrWhiteSpace(text) || text.Length > 100)
        {
            return null;
        }

        var western = TextNormalizer.WesternDigits(text.Trim());
        foreach (var result in SequenceRecognizer.RecognizePhoneNumber(western, Culture.English))
        {
            var value = result.Resolution["value"]?.ToString();
            if (value is not null && value.Count(char.IsAsciiDigit) >= 6)
            {
                return value;
            }
        }

        return null;
    }
}
