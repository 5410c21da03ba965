using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace IqTriageBot.Tests.Messengers;

/// <summary>A call the fake platform received.</summary>
public sealed record RecordedCall(string Path, string? Authorization, JsonObject Body);

/// <summary>
/// A stand-in for the Telegram Bot API and the Meta Graph API on a loopback Kestrel port, answering in their
/// documented shapes: Bot API {"ok":true,"result":…}; Graph {"messaging_product":"whatsapp","contacts":[…],"messages":[{"id":"wamid…"}]}.
/// While <see cref="Down"/> is set it answers 502 and records nothing; the attempts are counted.
/// </summary>
public sealed class FakePlatform : IAsyncDisposable
{
    private readonly WebApplication _app;
    private int _messageId = 1000;

    private FakePlatform(WebApplication app) => _app = app;

    public ConcurrentQueue<RecordedCall> Calls { get; } = new();

    public bool Down { get; set; }

    /// <summary>When set, the next call is answered 429 with parameters.retry_after of this many seconds (Bot API shape).</summary>
    public int? RateLimitOnceSeconds { get; set; }

    private int _failed;

    public int FailedAttempts => _failed;

    public string BaseUrl { get; private set; } = string.Empty;

    public static async Task<FakePlatform> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var fake = new FakePlatform(app);
        app.MapPost("/{**path}", fake.HandleAsync);
        await app.StartAsync();
        fake.BaseUrl = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return fake;
    }

    /// <summary>The calls whose path ends with the method (Bot API) or "/messages" (Graph).</summary>
    public IReadOnlyList<JsonObject> BodiesOf(string pathEnd) => Calls.Where(c => c.Path.EndsWith(pathEnd, StringComparison.Ordinal)).Select(c => c.Body).ToList();

    /// <summary>Forgets the calls so far.</summary>
    public void Clear() => Calls.Clear();

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private async Task<IResult> HandleAsync(HttpContext context, string path)
    {
        if (Down)
        {
            Interlocked.Increment(ref _failed);
            return Results.Text("{\"ok\":false,\"error_code\":502,\"description\":\"Bad Gateway\"}", "application/json", statusCode: 502);
        }

        if (RateLimitOnceSeconds is { } seconds)
        {
            RateLimitOnceSeconds = null;
            Interlocked.Increment(ref _failed);
            return Results.Json(
                new JsonObject { ["ok"] = false, ["error_code"] = 429, ["description"] = $"Too Many Requests: retry after {seconds}", ["parameters"] = new JsonObject { ["retry_after"] = seconds } },
                statusCode: 429);
        }

        var body = await JsonNode.ParseAsync(context.Request.Body) as JsonObject ?? [];
        Calls.Enqueue(new RecordedCall("/" + path, context.Request.Headers.Authorization.ToString(), body));
        var id = Interlocked.Increment(ref _messageId);
        if (path.EndsWith("/messages", StringComparison.Ordinal))
        {
            var to = body["to"]?.GetValue<string>() ?? body["recipient"]?.GetValue<string>() ?? string.Empty;
            return Results.Json(new JsonObject
            {
                ["messaging_product"] = "whatsapp",
                ["contacts"] = new JsonArray(new JsonObject { ["input"] = to, ["wa_id"] = to }),
                ["messages"] = new JsonArray(new JsonObject { ["id"] = $"wamid.fake{id}" }),
            });
        }

        JsonNode result = path.EndsWith("/sendMessage", StringComparison.Ordinal)
            ? new JsonObject { ["message_id"] = id, ["date"] = 1740910531, ["chat"] = new JsonObject { ["id"] = body["chat_id"]?.DeepClone(), ["type"] = "private" }, ["text"] = body["text"]?.DeepClone() }
            : JsonValue.Create(true);
        return Results.Json(new JsonObject { ["ok"] = true, ["result"] = result });
    }
}
