namespace IqTriageBot.Domain.Translation;

/// <summary>Why a translation did not come back.</summary>
public enum TranslationFailure
{
    None,

    /// <summary>No translator is configured (or it lacks a key or endpoint).</summary>
    NotConfigured,

    /// <summary>The service did not answer within the configured time.</summary>
    Timeout,

    /// <summary>Too many requests (429) or the character quota is used up (DeepL 456).</summary>
    QuotaExceeded,

    /// <summary>The service refused the request: bad key (401/403), unsupported language, bad input (400, 413).</summary>
    InvalidRequest,

    /// <summary>The service failed (5xx) or could not be reached.</summary>
    ServiceError,

    /// <summary>The service answered, but not in its documented format (or with the wrong number of texts).</summary>
    GarbageResponse,
}

/// <summary>One translated text and the source language the service detected, if it said.</summary>
public sealed record TranslatedText(string Text, string? DetectedLanguage = null);

/// <summary>
/// The outcome of a batch translation: the texts in the order asked, or a failure reason. Never an
/// exception: a translator that fails must not break a conversation.
/// </summary>
public sealed record TranslationResult(IReadOnlyList<TranslatedText> Texts, TranslationFailure Failure = TranslationFailure.None, TimeSpan? RetryAfter = null)
{
    public bool Succeeded => Failure == TranslationFailure.None;

    public static TranslationResult Failed(TranslationFailure failure, TimeSpan? retryAfter = null) => new([], failure, retryAfter);
}

/// <summary>The language a text is written in, with the service's confidence (0..1).</summary>
public sealed record DetectionResult(string? Language, double Score, TranslationFailure Failure = TranslationFailure.None)
{
    public bool Succeeded => Failure == TranslationFailure.None && Language is not null;

    public static DetectionResult Failed(TranslationFailure failure) => new(null, 0, failure);
}

/// <summary>
/// A machine translation service. Language codes are the bot's own (ISO 639, e.g. "ti", "prs", "kmr");
/// each client maps them to its service's codes. Implementations never throw for service or network
/// problems; they report a <see cref="TranslationFailure"/>.
/// </summary>
public interface ITranslator
{
    /// <summary>The provider's name for logs and the cache ("azure", "deepl", "libretranslate"), or "none".</summary>
    string Provider { get; }

    /// <summary>Whether a real service is configured.</summary>
    bool IsConfigured { get; }

    /// <summary>Translates <paramref name="texts"/> from <paramref name="source"/> (null: let the service detect) into <paramref name="target"/>.</summary>
    Task<TranslationResult> TranslateAsync(IReadOnlyList<string> texts, string? source, string target, CancellationToken cancellationToken);

    /// <summary>The language <paramref name="text"/> is written in.</summary>
    Task<DetectionResult> DetectAsync(string text, CancellationToken cancellationToken);
}

/// <summary>The translator used when none is configured: every call reports <see cref="TranslationFailure.NotConfigured"/>.</summary>
public sealed class NoTranslator : ITranslator
{
    public string Provider => "none";

    public bool IsConfigured => false;

    public Task<TranslationResult> TranslateAsync(IReadOnlyList<string> texts, string? source, string target, CancellationToken cancellationToken) =>
        Task.FromResult(TranslationResult.Failed(TranslationFailure.NotConfigured));

    public Task<DetectionResult> DetectAsync(string text, CancellationToken cancellationToken) =>
        Task.FromResult(DetectionResult.Failed(TranslationFailure.NotConfigured));
}
