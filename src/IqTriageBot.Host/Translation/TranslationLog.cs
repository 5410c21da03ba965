using IqTriageBot.Domain.Translation;

namespace IqTriageBot.Host.Translation;

/// <summary>Log messages of machine translation: providers, languages, counts and failure reasons, never texts.</summary>
internal static partial class TranslationLog
{
    [LoggerMessage(4100, LogLevel.Warning, "Translator {Provider} failed with {Failure} (HTTP {Status}) translating {Count} texts {From}->{To}")]
    public static partial void TranslateFailed(ILogger logger, string provider, TranslationFailure failure, int status, int count, string from, string to);

    [LoggerMessage(4101, LogLevel.Warning, "Translator {Provider} failed with {Failure} (HTTP {Status}) detecting a language")]
    public static partial void DetectFailed(ILogger logger, string provider, TranslationFailure failure, int status);

    [LoggerMessage(4102, LogLevel.Information, "Catalog for {Language} translated by {Provider}: {Translated} texts new, {Cached} from the cache, {Kept} kept in English (placeholders lost)")]
    public static partial void CatalogTranslated(ILogger logger, string language, string provider, int translated, int cached, int kept);

    [LoggerMessage(4103, LogLevel.Warning, "Conversation in {Language} continues in {Fallback}: the translator failed with {Failure}")]
    public static partial void FellBack(ILogger logger, string language, string fallback, TranslationFailure failure);

    [LoggerMessage(4104, LogLevel.Debug, "Free-text answer {Field} translated {From}->de")]
    public static partial void AnswerTranslated(ILogger logger, string field, string from);

    [LoggerMessage(4105, LogLevel.Information, "Machine translation through {Provider} is on")]
    public static partial void Enabled(ILogger logger, string provider);
}
