namespace IqTriageBot.Dialogs;

/// <summary>
/// A first guess at the language from the script of a first message, used only to greet in it before the
/// person chooses. Only scripts and letters that point to one catalog language count; Latin text without such
/// letters tells nothing.
/// </summary>
internal static class LanguageGuess
{
    public static LanguageInfo? FromScript(string? text, DialogContent content)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        string? code = null;
        if (text.Any(c => c is >= '\u0600' and <= '\u06FF'))
        {
            // Letters Persian has and Arabic does not: پ چ ژ گ ک ی
            code = text.Any(c => c is '\u067E' or '\u0686' or '\u0698' or '\u06AF' or '\u06A9' or '\u06CC') ? "fa" : "ar";
        }
        else if (text.Any(c => c is >= '\u0400' and <= '\u04FF'))
        {
            code = text.Any(c => c is 'і' or 'ї' or 'є' or 'ґ' or 'І' or 'Ї' or 'Є' or 'Ґ') ? "uk"
                : text.Any(c => c is 'ы' or 'э' or 'ъ' or 'ё' or 'Ы' or 'Э' or 'Ё') ? "ru" : null;
        }
        else if (text.Any(c => c is 'ğ' or 'ı' or 'ş' or 'Ğ' or 'İ' or 'Ş'))
        {
            code = "tr";
        }
        else if (text.Any(c => c is 'ł' or 'ą' or 'ę' or 'ż' or 'ź' or 'ś' or 'ń' or 'Ł' or 'Ż'))
        {
            code = "pl";
        }
        else if (text.Any(c => c is 'ș' or 'ț' or 'ă' or 'Ș' or 'Ț' or 'Ă'))
        {
            code = "ro";
        }

        return content.FindLanguage(code);
    }
}
