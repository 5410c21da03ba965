using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;

namespace IqTriageBot.Tests.Infrastructure;

/// <summary>What POST /conversations (or the reconnect GET) answered.</summary>
public sealed record ConversationInfo(HttpStatusCode Status, string ConversationId, string Token, int ExpiresIn, string StreamUrl);

/// <summary>An ActivitySet as received, with its raw text for byte-level comparisons.</summary>
public sealed record ActivityPage(JsonArray Activities, string? Watermark, string Raw);

/// <summary>A thin Direct Line 3.0 client over the factory's HttpClient; every call states its credential.</summary>
public sealed class DirectLineApi(HttpClient http)
{
    public const string Base = "/v3/directline";

    public HttpClient Http { get; } = http;

    public static StringContent Json(string json) => new(json, Encoding.UTF8, "application/json");

    public Task<HttpResponseMessage> SendAsync(HttpMethod method, string path, string? credential, HttpContent? content = null)
    {
        var request = new HttpRequestMessage(method, path) { Content = content };
        if (credential is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", credential);
        }

        return Http.SendAsync(request);
    }

    public async Task<HttpResponseMessage> StartRawAsync(string? credential, string body = "{}") =>
        await SendAsync(HttpMethod.Post, $"{Base}/conversations", credential, Json(body));

    public async Task<ConversationInfo> StartAsync(string credential, string body = "{}")
    {
        using var response = await StartRawAsync(credential, body);
        return await ReadConversationAsync(response);
    }

    /// <summary>A conversation started with the secret for a known user, so the bot greets at once.</summary>
    public Task<ConversationInfo> StartWithUserAsync(string userId = "user-1", string? locale = null) =>
        StartAsync(TriageBotFactory.Secret, new JsonObject { ["user"] = new JsonObject { ["id"] = userId }, ["locale"] = locale }.ToJsonString());

    public async Task<ConversationInfo> ReconnectAsync(string conversationId, string credential, string? watermark)
    {
        var query = watermark is null ? string.Empty : "?watermark=" + Uri.EscapeDataString(watermark);
        using var response = await SendAsync(HttpMethod.Get, $"{Base}/conversations/{conversationId}{query}", credential);
        return await ReadConversationAsync(response);
    }

    public async Task<(string ConversationId, string Token, int ExpiresIn)> GenerateTokenAsync(string? userId = null)
    {
        var body = userId is null ? "{}" : new JsonObject { ["user"] = new JsonObject { ["id"] = userId } }.ToJsonString();
        using var response = await SendAsync(HttpMethod.Post, $"{Base}/tokens/generate", TriageBotFactory.Secret, Json(body));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var json = await ReadObjectAsync(response);
        return (Str(json, "conversationId"), Str(json, "token"), json["expires_in"]!.GetValue<int>());
    }

    public Task<HttpResponseMessage> PostActivityRawAsync(string conversationId, string? credential, string json) =>
        SendAsync(HttpMethod.Post, $"{Base}/conversations/{conversationId}/activities", credential, Json(json));

    /// <summary>Posts a message the way Web Chat does (with a clientActivityID) and returns the id the server gave it.</summary>
    public async Task<string> PostMessageAsync(string conversationId, string credential, string text, string from = "user-1")
    {
        var activity = new JsonObject
        {
            ["type"] = "message",
            ["from"] = new JsonObject { ["id"] = from },
            ["text"] = text,
            ["channelData"] = new JsonObject { ["clientActivityID"] = "client-" + Guid.NewGuid().ToString("N") },
        };
        using var response = await PostActivityRawAsync(conversationId, credential, activity.ToJsonString());
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return Str(await ReadObjectAsync(response), "id");
    }

    public Task<HttpResponseMessage> GetActivitiesRawAsync(string conversationId, string? credential, string? watermark = null)
    {
        var query = watermark is null ? string.Empty : "?watermark=" + Uri.EscapeDataString(watermark);
        return SendAsync(HttpMethod.Get, $"{Base}/conversations/{conversationId}/activities{query}", credential);
    }

    public async Task<ActivityPage> GetActivitiesAsync(string conversationId, string credential, string? watermark = null)
    {
        using var response = await GetActivitiesRawAsync(conversationId, credential, watermark);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var raw = await response.Content.ReadAsStringAsync();
        return ParsePage(raw);
    }

    public static ActivityPage ParsePage(string raw)
    {
        var json = JsonNode.Parse(raw)!.AsObject();
        return new ActivityPage(json["activities"]!.AsArray(), json["watermark"]?.GetValue<string>(), raw);
    }

    public static async Task<JsonObject> ReadObjectAsync(HttpResponseMessage response) =>
        JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsObject();

    /// <summary>Asserts the status and Direct Line's error shape {error:{code,message}}.</summary>
    public static async Task AssertErrorAsync(HttpResponseMessage response, HttpStatusCode status, string code)
    {
        Assert.Equal(status, response.StatusCode);
        var json = await ReadObjectAsync(response);
        var error = Assert.IsType<JsonObject>(json["error"]);
        Assert.Equal(code, error["code"]?.GetValue<string>());
        Assert.False(string.IsNullOrWhiteSpace(error["message"]?.GetValue<string>()), "The error has no message.");
    }

    public static string Str(JsonNode? node, string property) =>
        node?[property]?.GetValue<string>() ?? throw new Xunit.Sdk.XunitException($"'{property}' is missing in {node?.ToJsonString()}");

    private static async Task<ConversationInfo> ReadConversationAsync(HttpResponseMessage response)
    {
        Assert.True(response.IsSuccessStatusCode, $"Expected success, got {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        var json = await ReadObjectAsync(response);
        return new ConversationInfo(response.StatusCode, Str(json, "conversationId"), Str(json, "token"), json["expires_in"]!.GetValue<int>(), Str(json, "streamUrl"));
    }
}
