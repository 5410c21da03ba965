using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace IqTriageBot.Tests.Translation;

/// <summary>A request the fake received: path, query, headers and body as sent.</summary>
public sealed record FakeRequest(string Path, IReadOnlyDictionary<string, string> Query, IReadOnlyDictionary<string, string> Headers, string Body);

/// <summary>
/// A local HTTP server that speaks the documented wire formats of Azure Translator v3 (/translate,
/// /detect), DeepL API v2 (/v2/translate) and LibreTranslate (/translate, /detect), checks the parts a real
/// service checks (key, required parameters, body shape) and translates deterministically:
/// English to Tigrinya prefixes a Ge'ez marker (reversible), Tigrinya and English answers of the nurse story
/// come from a small dictionary, and anything else into German gets a "DE:" marker.
/// </summary>
public sealed class FakeTranslatorServer : IAsyncDisposable
{
    /// <summary>What the fake puts before an English text it "translates" into Tigrinya.</summary>
    public const string TigrinyaMarker = "ትግ፦ ";

    public const string Key = "fake-translator-key";
    public const string Region = "westeurope";

    private static readonly Dictionary<string, string> TigrinyaToEnglish = new(StringComparer.Ordinal)
    {
        ["ነርስ"] = "nurse",
        ["ሶርያ"] = "Syria",
        ["ኣብ ጀርመን እየ ዝነብር"] = "I live in Germany",
        ["ሰላም፣ ሓገዝ ደልየ"] = "Hello, I need help",
        ["ደሞዘይ ኣይተኸፍለንን"] = "I have not been paid",
    };

    private static readonly Dictionary<string, string> ToGerman = new(StringComparer.Ordinal)
    {
        ["ነርስ"] = "Krankenpflegerin",
        ["nurse"] = "Krankenpflegerin",
        ["ممرضة"] = "Krankenschwester",
        ["ደሞዘይ ኣይተኸፍለንን"] = "Mein Lohn wurde nicht bezahlt",
    };

    private readonly WebApplication _app;
    private readonly ConcurrentQueue<FakeRequest> _requests = new();

    private FakeTranslatorServer(WebApplication app)
    {
        _app = app;
    }

    /// <summary>The base URL (http://127.0.0.1:port).</summary>
    public string Endpoint { get; private set; } = string.Empty;

    /// <summary>null: answer normally; a status code to answer with; or "garbage" / "hang" / "short".</summary>
    public string? Failure { get; set; }

    /// <summary>Seconds sent in Retry-After with a 429.</summary>
    public int RetryAfterSeconds { get; set; } = 7;

    /// <summary>Whether LibreTranslate requires an api_key (a public instance does; a private one may not).</summary>
    public bool LibreRequiresKey { get; set; } = true;

    public IReadOnlyList<FakeRequest> Requests => [.. _requests];

    public int Count(string path) => _requests.Count(r => r.Path == path);

    public static async Task<FakeTranslatorServer> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        var server = new FakeTranslatorServer(app);
        app.MapPost("/translate", server.TranslateAsync);
        app.MapPost("/detect", server.DetectAsync);
        app.MapPost("/v2/translate", server.DeepLAsync);
        await app.StartAsync();
        server.Endpoint = app.Urls.First().TrimEnd('/');
        return server;
    }

    /// <summary>The fake's translation of one text.</summary>
    public static string Translate(string text, string? from, string to)
    {
        if (to == "ti")
        {
            return TigrinyaMarker + text;
        }

        if (to == "en")
        {
            return text.StartsWith(TigrinyaMarker, StringComparison.Ordinal) ? text[TigrinyaMarker.Length..]
                : TigrinyaToEnglish.TryGetValue(text.Trim(), out var english) ? english : text;
        }

        if (to == "de")
        {
            return ToGerman.TryGetValue(text.Trim(), out var german) ? german : "DE: " + text;
        }

        return $"[{to}] {text}";
    }

    public static string Detect(string text) =>
        text.Any(c => c is >= '\u1200' and <= '\u137F') ? "ti" : text.Any(c => c is >= '\u0600' and <= '\u06FF') ? "ar" : "en";

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private async Task<FakeRequest> RecordAsync(HttpContext context)
    {
        using var reader = new StreamReader(context.Request.Body);
        var body = await reader.ReadToEndAsync(context.RequestAborted);
        var request = new FakeRequest(
            context.Request.Path.Value ?? string.Empty,
            context.Request.Query.ToDictionary(q => q.Key, q => q.Value.ToString()),
            context.Request.Headers.ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase),
            body);
        _requests.Enqueue(request);
        return request;
    }

    /// <summary>The configured failure, if any; true when the response has been written.</summary>
    private async Task<bool> FailAsync(HttpContext context, Func<int, string> errorBody)
    {
        switch (Failure)
        {
            case null:
            case "short":
                return false;
            case "hang":
                await Task.Delay(Timeout.Infinite, context.RequestAborted).ContinueWith(_ => { }, TaskScheduler.Default);
                return true;
            case "garbage":
                context.Response.ContentType = "application/json";
                await context.Response.WriteAsync("{\"translations\": [ {\"text\": \"unterminated", context.RequestAborted);
                return true;
            default:
                var status = int.Parse(Failure, System.Globalization.CultureInfo.InvariantCulture);
                context.Response.StatusCode = status;
                if (status == 429)
                {
                    context.Response.Headers.RetryAfter = RetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
                }

                context.Response.ContentType = "application/json";
                await context.Response.WriteAsync(errorBody(status), context.RequestAborted);
                return true;
        }
    }

    private static string AzureError(int status) =>
        new JsonObject { ["error"] = new JsonObject { ["code"] = status * 1000, ["message"] = "fake error" } }.ToJsonString();

    // Azure Translator v3 and LibreTranslate share /translate; the api-version query tells them apart.
    private async Task TranslateAsync(HttpContext context)
    {
        var request = await RecordAsync(context);
        if (request.Query.ContainsKey("api-version"))
        {
            await AzureTranslateAsync(context, request);
        }
        else
        {
            await LibreTranslateAsync(context, request);
        }
    }

    private async Task DetectAsync(HttpContext context)
    {
        var request = await RecordAsync(context);
        if (request.Query.ContainsKey("api-version"))
        {
            if (!await AzureChecksAsync(context, request) || await FailAsync(context, AzureError))
            {
                return;
            }

            var texts = AzureTexts(request);
            if (texts is null)
            {
                await WriteAsync(context, 400, AzureError(400));
                return;
            }

            var answer = new JsonArray(texts.Select(t => (JsonNode)new JsonObject
            {
                ["language"] = Detect(t),
                ["score"] = 1.0,
                ["isTranslationSupported"] = true,
                ["isTransliterationSupported"] = false,
            }).ToArray());
            await WriteAsync(context, 200, answer.ToJsonString());
            return;
        }

        if (!await LibreChecksAsync(context, request) || await FailAsync(context, LibreError))
        {
            return;
        }

        var q = TryParse(request.Body)?["q"]?.GetValue<string>();
        if (q is null)
        {
            await WriteAsync(context, 400, LibreError(400));
            return;
        }

        await WriteAsync(context, 200, new JsonArray(new JsonObject { ["language"] = Detect(q), ["confidence"] = 90.0 }).ToJsonString());
    }

    private static async Task<bool> AzureChecksAsync(HttpContext context, FakeRequest request)
    {
        if (request.Query.GetValueOrDefault("api-version") != "3.0")
        {
            await WriteAsync(context, 400, AzureError(400));
            return false;
        }

        if (request.Headers.GetValueOrDefault("Ocp-Apim-Subscription-Key") != Key)
        {
            await WriteAsync(context, 401, AzureError(401));
            return false;
        }

        return true;
    }

    private static List<string>? AzureTexts(FakeRequest request) =>
        TryParse(request.Body) is JsonArray array && array.All(e => e is JsonObject o && o["Text"] is JsonValue)
            ? array.Select(e => e!["Text"]!.GetValue<string>()).ToList()
            : null;

    private async Task AzureTranslateAsync(HttpContext context, FakeRequest request)
    {
        if (!await AzureChecksAsync(context, request) || await FailAsync(context, AzureError))
        {
            return;
        }

        var texts = AzureTexts(request);
        var to = request.Query.GetValueOrDefault("to");
        if (texts is null || string.IsNullOrEmpty(to) || texts.Count > 1000)
        {
            await WriteAsync(context, 400, AzureError(400));
            return;
        }

        var from = request.Query.GetValueOrDefault("from");
        var items = texts.Take(Failure == "short" ? Math.Max(0, texts.Count - 1) : texts.Count).Select(t =>
        {
            var item = new JsonObject();
            if (string.IsNullOrEmpty(from))
            {
                item["detectedLanguage"] = new JsonObject { ["language"] = Detect(t), ["score"] = 1.0 };
            }

            item["translations"] = new JsonArray(new JsonObject { ["text"] = Translate(t, from, to), ["to"] = to });
            return (JsonNode)item;
        });
        await WriteAsync(context, 200, new JsonArray(items.ToArray()).ToJsonString());
    }

    private static string DeepLError(int status) => new JsonObject { ["message"] = status == 456 ? "Quota exceeded" : "fake error" }.ToJsonString();

    private async Task DeepLAsync(HttpContext context)
    {
        var request = await RecordAsync(context);
        if (request.Headers.GetValueOrDefault("Authorization") != "DeepL-Auth-Key " + Key)
        {
            await WriteAsync(context, 403, DeepLError(403));
            return;
        }

        if (await FailAsync(context, DeepLError))
        {
            return;
        }

        var body = TryParse(request.Body);
        if (body?["text"] is not JsonArray texts || body["target_lang"]?.GetValue<string>() is not { } target)
        {
            await WriteAsync(context, 400, DeepLError(400));
            return;
        }

        var source = body["source_lang"]?.GetValue<string>();
        var to = target.Split('-')[0].ToLowerInvariant();
        var items = texts.Select(t => t!.GetValue<string>()).Select(t => (JsonNode)new JsonObject
        {
            ["detected_source_language"] = (source ?? Detect(t)).ToUpperInvariant(),
            ["text"] = Translate(t, source?.ToLowerInvariant(), to),
        });
        await WriteAsync(context, 200, new JsonObject { ["translations"] = new JsonArray(items.ToArray()) }.ToJsonString());
    }

    private static string LibreError(int status) => new JsonObject { ["error"] = status == 429 ? "Slowdown: too many requests" : "fake error" }.ToJsonString();

    private async Task<bool> LibreChecksAsync(HttpContext context, FakeRequest request)
    {
        if (LibreRequiresKey && TryParse(request.Body)?["api_key"]?.GetValue<string>() != Key)
        {
            await WriteAsync(context, 403, LibreError(403));
            return false;
        }

        return true;
    }

    private async Task LibreTranslateAsync(HttpContext context, FakeRequest request)
    {
        if (!await LibreChecksAsync(context, request) || await FailAsync(context, LibreError))
        {
            return;
        }

        var body = TryParse(request.Body);
        var target = body?["target"]?.GetValue<string>();
        var source = body?["source"]?.GetValue<string>();
        if (body?["q"] is not { } q || target is null || source is null)
        {
            await WriteAsync(context, 400, LibreError(400));
            return;
        }

        var from = source == "auto" ? null : source;
        JsonObject answer;
        if (q is JsonArray many)
        {
            var texts = many.Select(t => t!.GetValue<string>()).ToList();
            answer = new JsonObject { ["translatedText"] = new JsonArray(texts.Select(t => (JsonNode)JsonValue.Create(Translate(t, from, target))!).ToArray()) };
            if (from is null)
            {
                answer["detectedLanguage"] = new JsonArray(texts.Select(t => (JsonNode)new JsonObject { ["confidence"] = 90.0, ["language"] = Detect(t) }).ToArray());
            }
        }
        else
        {
            var text = q.GetValue<string>();
            answer = new JsonObject { ["translatedText"] = Translate(text, from, target) };
        }

        await WriteAsync(context, 200, answer.ToJsonString());
    }

    private static JsonNode? TryParse(string body)
    {
        try
        {
            return JsonNode.Parse(body);
        }
        catch (System.Text.Json.JsonException)
        {
            return null;
        }
    }

    private static async Task WriteAsync(HttpContext context, int status, string json)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/json";
        await context.Response.WriteAsync(json, context.RequestAborted);
    }
}
