using System.Text.Json.Nodes;
using IqTriageBot.Domain.Translation;

namespace IqTriageBot.Host.Translation;

/// <summary>
/// LibreTranslate (self-hosted): POST /translate with {"q": [...], "source": "en" | "auto", "target": "de",
/// "format": "text", "api_key": ...}; with an array q the answer's translatedText is an array in the same
/// order (and detectedLanguage an array of {language, confidence 0-100} for source auto). POST /detect with
/// {"q", "api_key"} answers [{"language", "confidence"}].
/// </summary>
public sealed class LibreTranslator(HttpClient http, TranslationOptions options, ILogger<LibreTranslator> logger) : HttpTranslator(http, options, logger)
{
    public override string Provider => "libretranslate";

    protected override int MaxBatchItems => 50;

    protected override async Task<(TranslationResult Result, int Status)> TranslateBatchAsync(IReadOnlyList<string> texts, string? sourceCode, string targetCode, CancellationToken cancellationToken)
    {
        var body = new JsonObject
        {
            ["q"] = new JsonArray(texts.Select(t => (JsonNode)JsonValue.Create(t)!).ToArray()),
            ["source"] = sourceCode ?? "auto",
            ["target"] = targetCode,
            ["format"] = "text",
        };
        AddKey(body);
        var outcome = await PostAsync(At(string.Empty, "/translate"), body, _ => { }, cancellationToken).ConfigureAwait(false);
        if (outcome.Json?["translatedText"] is not JsonArray items)
        {
            return (TranslationResult.Failed(outcome.Failure == TranslationFailure.None ? TranslationFailure.GarbageResponse : outcome.Failure, outcome.RetryAfter), outcome.Status);
        }

        var detected = outcome.Json["detectedLanguage"] as JsonArray;
        var result = new List<TranslatedText>();
        for (var i = 0; i < items.Count; i++)
        {
            if (items[i] is not JsonValue value || !value.TryGetValue<string>(out var text))
            {
                return (TranslationResult.Failed(TranslationFailure.GarbageResponse), outcome.Status);
            }

            result.Add(new TranslatedText(text, detected is not null && i < detected.Count ? TranslatorHttp.Str(detected[i], "language") : null));
        }

        return (new TranslationResult(result), outcome.Status);
    }

    protected override async Task<(DetectionResult Result, int Status)> DetectCoreAsync(string text, CancellationToken cancellationToken)
    {
        var body = new JsonObject { ["q"] = text };
        AddKey(body);
        var outcome = await PostAsync(At(string.Empty, "/detect"), body, _ => { }, cancellationToken).ConfigureAwait(false);
        var first = outcome.Json is JsonArray { Count: > 0 } array ? array[0] : null;
        if (TranslatorHttp.Str(first, "language") is not { } language)
        {
            return (DetectionResult.Failed(outcome.Failure == TranslationFailure.None ? TranslationFailure.GarbageResponse : outcome.Failure), outcome.Status);
        }

        var confidence = first!["confidence"] is JsonValue value && value.TryGetValue<double>(out var c) ? c : 0;
        return (new DetectionResult(language, confidence / 100.0), outcome.Status);
    }

    private void AddKey(JsonObject body)
    {
        if (!string.IsNullOrWhiteSpace(Options.Key))
        {
            body["api_key"] = Options.Key;
        }
    }
}
