using System.Text.Json.Nodes;
using IqTriageBot.Domain.Translation;

namespace IqTriageBot.Host.Translation;

/// <summary>
/// What the three HTTP clients share: batching, the time limit, logging of failures (counts and codes, never
/// texts), and the bot's language codes (de-plain is German to a translator).
/// </summary>
public abstract class HttpTranslator(HttpClient http, TranslationOptions options, ILogger logger) : ITranslator
{
    /// <summary>Ticks (UTC) until which the service asked to be left alone (429 with Retry-After); 0: not paused.</summary>
    private long _pausedUntil;

    public abstract string Provider { get; }

    public bool IsConfigured => true;

    protected HttpClient Http { get; } = http;

    protected TranslationOptions Options { get; } = options;

    protected TimeSpan Timeout => TimeSpan.FromSeconds(Options.TimeoutSeconds);

    /// <summary>Most texts one request may carry.</summary>
    protected abstract int MaxBatchItems { get; }

    /// <summary>Most characters one request should carry.</summary>
    protected virtual int MaxBatchChars => 10_000;

    public async Task<TranslationResult> TranslateAsync(IReadOnlyList<string> texts, string? source, string target, CancellationToken cancellationToken)
    {
        if (texts.Count == 0)
        {
            return new TranslationResult([]);
        }

        var from = source is null ? null : BaseCode(source);
        var to = BaseCode(target);
        if (Paused(out var wait))
        {
            return TranslationResult.Failed(TranslationFailure.QuotaExceeded, wait);
        }

        var all = new List<TranslatedText>(texts.Count);
        foreach (var batch in TranslatorHttp.Batches(texts, MaxBatchItems, MaxBatchChars))
        {
            var (result, status) = await TranslateBatchAsync(batch, from, to, cancellationToken).ConfigureAwait(false);
            if (!result.Succeeded || result.Texts.Count != batch.Count)
            {
                var failure = result.Succeeded ? TranslationFailure.GarbageResponse : result.Failure;
                TranslationLog.TranslateFailed(logger, Provider, failure, status, batch.Count, from ?? "auto", to);
                PauseFor(result.RetryAfter);
                return TranslationResult.Failed(failure, result.RetryAfter);
            }

            all.AddRange(result.Texts);
        }

        return new TranslationResult(all);
    }

    public async Task<DetectionResult> DetectAsync(string text, CancellationToken cancellationToken)
    {
        if (Paused(out _))
        {
            return DetectionResult.Failed(TranslationFailure.QuotaExceeded);
        }

        var (result, status) = await DetectCoreAsync(text, cancellationToken).ConfigureAwait(false);
        if (!result.Succeeded)
        {
            TranslationLog.DetectFailed(logger, Provider, result.Failure == TranslationFailure.None ? TranslationFailure.GarbageResponse : result.Failure, status);
            return result.Failure == TranslationFailure.None ? DetectionResult.Failed(TranslationFailure.GarbageResponse) : result;
        }

        return result with { Language = BaseCode(result.Language!) };
    }

    /// <summary>Whether an earlier Retry-After still holds; then no request is sent until it has passed.</summary>
    private bool Paused(out TimeSpan wait)
    {
        wait = new DateTime(Interlocked.Read(ref _pausedUntil), DateTimeKind.Utc) - DateTime.UtcNow;
        return wait > TimeSpan.Zero;
    }

    private void PauseFor(TimeSpan? retryAfter)
    {
        if (retryAfter is { } wait && wait > TimeSpan.Zero)
        {
            Interlocked.Exchange(ref _pausedUntil, (DateTime.UtcNow + TimeSpan.FromSeconds(Math.Min(wait.TotalSeconds, 3600))).Ticks);
        }
    }

    /// <summary>One request: the translations in order, or a failure; and the HTTP status for the log.</summary>
    protected abstract Task<(TranslationResult Result, int Status)> TranslateBatchAsync(IReadOnlyList<string> texts, string? sourceCode, string targetCode, CancellationToken cancellationToken);

    protected abstract Task<(DetectionResult Result, int Status)> DetectCoreAsync(string text, CancellationToken cancellationToken);

    /// <summary>The base URL with <paramref name="path"/> appended (keeps a path prefix of the endpoint).</summary>
    protected Uri At(string defaultEndpoint, string path)
    {
        var endpoint = string.IsNullOrWhiteSpace(Options.Endpoint) ? defaultEndpoint : Options.Endpoint;
        return new Uri(endpoint.TrimEnd('/') + path, UriKind.Absolute);
    }

    private protected Task<HttpOutcome> PostAsync(Uri uri, JsonNode body, Action<HttpRequestMessage> headers, CancellationToken cancellationToken, Func<int, TranslationFailure?>? special = null) =>
        TranslatorHttp.PostJsonAsync(Http, uri, body, headers, Timeout, special, cancellationToken);

    /// <summary>The bot's code as translators know it: de-plain is German; regional suffixes are kept only for Dari (fa-AF).</summary>
    public static string BaseCode(string code) => code.ToLowerInvariant() switch
    {
        "de-plain" => "de",
        "fa-af" => "prs",
        var other => other,
    };
}
