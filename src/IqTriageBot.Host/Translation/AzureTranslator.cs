using System.Globalization;
using System.Text.Json.Nodes;
using IqTriageBot.Domain.Translation;

namespace IqTriageBot.Host.Translation;

/// <summary>
/// Azure AI Translator, REST API v3.0: POST /translate?api-version=3.0&amp;to=..[&amp;from=..] and POST
/// /detect?api-version=3.0, each with a JSON array of {"Text": ...} objects; the key goes in
/// Ocp-Apim-Subscription-Key and, for a regional resource, the region in Ocp-Apim-Subscription-Region.
/// Answers are arrays in the order of the request.
/// </summary>
public sealed class AzureTranslator(HttpClient http, TranslationOptions options, ILogger<AzureTranslator> logger) : HttpTranslator(http, options, logger)
{
    public const string DefaultEndpoint = "https://api.cognitive.microsofttranslator.com";

    public override string Provider => "azure";

    // The service takes up to 1000 elements and 50,000 characters a request; smaller batches fail less.
    protected override int MaxBatchItems => 100;

    protected override async Task<(TranslationResult Result, int Status)> TranslateBatchAsync(IReadOnlyList<string> texts, string? sourceCode, string targetCode, CancellationToken cancellationToken)
    {
        var query = "/translate?api-version=3.0&to=" + Uri.EscapeDataString(targetCode) + (sourceCode is null ? string.Empty : "&from=" + Uri.EscapeDataString(sourceCode));
        var outcome = await PostAsync(At(DefaultEndpoint, query), Body(texts), Headers, cancellationToken).ConfigureAwait(false);
        if (outcome.Json is not JsonArray items)
        {
            return (TranslationResult.Failed(outcome.Failure == TranslationFailure.None ? TranslationFailure.GarbageResponse : outcome.Failure, outcome.RetryAfter), outcome.Status);
        }

        var result = new List<TranslatedText>();
        foreach (var item in items)
        {
            if (item?["translations"] is not JsonArray { Count: > 0 } translations || TranslatorHttp.Str(translations[0], "text") is not { } text)
            {
                return (TranslationResult.Failed(TranslationFailure.GarbageResponse), outcome.Status);
            }

            result.Add(new TranslatedText(text, TranslatorHttp.Str(item["detectedLanguage"], "language")));
        }

        return (new TranslationResult(result), outcome.Status);
    }

    protected override async Task<(DetectionResult Result, int Status)> DetectCoreAsync(string text, CancellationToken cancellationToken)
    {
        var outcome = await PostAsync(At(DefaultEndpoint, "/detect?api-version=3.0"), Body([text]), Headers, cancellationToken).ConfigureAwait(false);
        var first = outcome.Json is JsonArray { Count: > 0 } array ? array[0] : null;
        if (TranslatorHttp.Str(first, "language") is not { } language)
        {
            return (DetectionResult.Failed(outcome.Failure == TranslationFailure.None ? TranslationFailure.GarbageResponse : outcome.Failure), outcome.Status);
        }

        var score = first!["score"] is JsonValue value && value.TryGetValue<double>(out var s) ? s : 0;
        return (new DetectionResult(language, score), outcome.Status);
    }

    private static JsonArray Body(IEnumerable<string> texts) => new(texts.Select(t => (JsonNode)new JsonObject { ["Text"] = t }).ToArray());

    private void Headers(HttpRequestMessage request)
    {
        request.Headers.Add("Ocp-Apim-Subscription-Key", Options.Key);
        if (!string.IsNullOrWhiteSpace(Options.Region))
        {
            request.Headers.Add("Ocp-Apim-Subscription-Region", Options.Region);
        }

        request.Headers.Add("X-ClientTraceId", Guid.NewGuid().ToString("D", CultureInfo.InvariantCulture));
    }
}
