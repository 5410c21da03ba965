using System.Text.Json.Nodes;
using IqTriageBot.Domain.Translation;

namespace IqTriageBot.Host.Translation;

/// <summary>
/// DeepL API v2: POST /v2/translate with a JSON body {"text": [...], "target_lang": "DE", "source_lang": "EN"}
/// and the header Authorization: DeepL-Auth-Key &lt;key&gt;; the answer is {"translations": [{"text",
/// "detected_source_language"}]}. 456 means the character quota is used up. DeepL has no detection endpoint:
/// detection translates without a source language and reads the detected one. Free keys (ending ":fx") use
/// the api-free host.
/// </summary>
public sealed class DeepLTranslator(HttpClient http, TranslationOptions options, ILogger<DeepLTranslator> logger) : HttpTranslator(http, options, logger)
{
    public const string ProEndpoint = "https://api.deepl.com";
    public const string FreeEndpoint = "https://api-free.deepl.com";

    public override string Provider => "deepl";

    // The service takes up to 50 texts a request.
    protected override int MaxBatchItems => 50;

    private string DefaultEndpoint => Options.Key?.EndsWith(":fx", StringComparison.Ordinal) == true ? FreeEndpoint : ProEndpoint;

    protected override async Task<(TranslationResult Result, int Status)> TranslateBatchAsync(IReadOnlyList<string> texts, string? sourceCode, string targetCode, CancellationToken cancellationToken)
    {
        var body = new JsonObject
        {
            ["text"] = new JsonArray(texts.Select(t => (JsonNode)JsonValue.Create(t)!).ToArray()),
            ["target_lang"] = Target(targetCode),
        };
        if (sourceCode is not null)
        {
            body["source_lang"] = sourceCode.Split('-')[0].ToUpperInvariant();
        }

        var outcome = await PostAsync(At(DefaultEndpoint, "/v2/translate"), body, Headers, cancellationToken, Special).ConfigureAwait(false);
        if (outcome.Json?["translations"] is not JsonArray items)
        {
            return (TranslationResult.Failed(outcome.Failure == TranslationFailure.None ? TranslationFailure.GarbageResponse : outcome.Failure, outcome.RetryAfter), outcome.Status);
        }

        var result = new List<TranslatedText>();
        foreach (var item in items)
        {
            if (TranslatorHttp.Str(item, "text") is not { } text)
            {
                return (TranslationResult.Failed(TranslationFailure.GarbageResponse), outcome.Status);
            }

            result.Add(new TranslatedText(text, TranslatorHttp.Str(item, "detected_source_language")?.ToLowerInvariant()));
        }

        return (new TranslationResult(result), outcome.Status);
    }

    protected override async Task<(DetectionResult Result, int Status)> DetectCoreAsync(string text, CancellationToken cancellationToken)
    {
        var (result, status) = await TranslateBatchAsync([text], null, "en", cancellationToken).ConfigureAwait(false);
        return result is { Succeeded: true, Texts: [{ DetectedLanguage: { } language }] }
            ? (new DetectionResult(language, 0.9), status)
            : (DetectionResult.Failed(result.Succeeded ? TranslationFailure.GarbageResponse : result.Failure), status);
    }

    /// <summary>DeepL wants a regional variant for English and Portuguese as a target.</summary>
    private static string Target(string code) => code.ToUpperInvariant() switch
    {
        "EN" => "EN-GB",
        "PT" => "PT-PT",
        var other => other,
    };

    private static TranslationFailure? Special(int status) => status == 456 ? TranslationFailure.QuotaExceeded : null;

    private void Headers(HttpRequestMessage request) =>
        request.Headers.TryAddWithoutValidation("Authorization", "DeepL-Auth-Key " + Options.Key);
}
