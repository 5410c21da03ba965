using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text.Json.Nodes;
using IqTriageBot.Tests.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Logging;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace IqTriageBot.Tests.BotService;

/// <summary>
/// The internet services behind Azure Bot Service, on a loopback Kestrel port, in their documented wire
/// format: the Bot Connector's OpenID metadata and key set (keys with endorsements), Entra ID's metadata
/// and keys for Emulator tokens, Entra ID's client-credentials token endpoint, and a Connector's
/// Conversations API that records every activity posted to it and answers as the test scripts it.
/// </summary>
public sealed class FakeBotFramework : IAsyncDisposable
{
    public const string AppId = "3f6a2b1c-0000-4000-8000-00000000b07a";
    public const string AppPassword = "test-app-secret";
    public const string ChannelIssuer = "https://api.botframework.com";
    public const string EmulatorIssuerV1 = "https://sts.windows.net/d6d49420-f39b-4df7-a1dc-d59a935871db/";

    private readonly WebApplication _app;
    private readonly ConcurrentQueue<(int Status, string? RetryAfter)> _script = new();
    private int _tokens;

    private FakeBotFramework(WebApplication app)
    {
        _app = app;
        BaseUrl = app.Urls.First().TrimEnd('/');
    }

    /// <summary>The Connector's key, endorsed for Teams and Web Chat only.</summary>
    public TestKey ChannelKey { get; } = new("channel-key-1");

    /// <summary>Entra ID's key for Emulator tokens.</summary>
    public TestKey EmulatorKey { get; } = new("emulator-key-1");

    /// <summary>Keys the Connector publishes; tests add one to simulate a rotation.</summary>
    public ConcurrentDictionary<string, (TestKey Key, string[] Endorsements)> ChannelKeys { get; } = new();

    public string BaseUrl { get; }

    /// <summary>The serviceUrl channels send, as Azure does: with a trailing slash.</summary>
    public string ServiceUrl => BaseUrl + "/";

    private int _channelKeyFetches;

    /// <summary>How often the Connector's key set was fetched.</summary>
    public int ChannelKeyFetches => Volatile.Read(ref _channelKeyFetches);

    public ConcurrentQueue<ReceivedActivity> Received { get; } = new();

    public ConcurrentQueue<TokenRequest> TokenRequests { get; } = new();

    /// <summary>The next answers of the Conversations API, in order; afterwards 200 with a ResourceResponse.</summary>
    public void Script(params (int Status, string? RetryAfter)[] answers)
    {
        foreach (var answer in answers)
        {
            _script.Enqueue(answer);
        }
    }

    public static FakeBotFramework Start()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        FakeBotFramework? fake = null;
        app.MapGet("/channel/.well-known/openidconfiguration", () => Results.Json(new JsonObject
        {
            ["issuer"] = ChannelIssuer,
            ["authorization_endpoint"] = "https://invalid.example/authorize",
            ["jwks_uri"] = fake!.BaseUrl + "/channel/keys",
            ["id_token_signing_alg_values_supported"] = new JsonArray("RS256"),
            ["token_endpoint_auth_methods_supported"] = new JsonArray("private_key_jwt"),
        }));
        app.MapGet("/channel/keys", () =>
        {
            Interlocked.Increment(ref fake!._channelKeyFetches);
            return Results.Json(new JsonObject { ["keys"] = new JsonArray(fake.ChannelKeys.Values.Select(k => (JsonNode)k.Key.Jwk(k.Endorsements)).ToArray()) });
        });
        app.MapGet("/emulator/v2.0/.well-known/openid-configuration", () => Results.Json(new JsonObject
        {
            ["issuer"] = "https://login.microsoftonline.com/{tenantid}/v2.0",
            ["jwks_uri"] = fake!.BaseUrl + "/emulator/discovery/v2.0/keys",
        }));
        app.MapGet("/emulator/discovery/v2.0/keys", () => Results.Json(new JsonObject { ["keys"] = new JsonArray(fake!.EmulatorKey.Jwk([])) }));
        app.MapPost("/{tenant}/oauth2/v2.0/token", async (HttpContext context, string tenant) =>
        {
            var form = await context.Request.ReadFormAsync();
            fake!.TokenRequests.Enqueue(new TokenRequest(tenant, form.ToDictionary(f => f.Key, f => f.Value.ToString())));
            if (form["client_secret"] != AppPassword)
            {
                return Results.Json(new JsonObject { ["error"] = "invalid_client" }, statusCode: 401);
            }

            var n = Interlocked.Increment(ref fake._tokens);
            return Results.Json(new JsonObject { ["token_type"] = "Bearer", ["expires_in"] = 3599, ["ext_expires_in"] = 3599, ["access_token"] = $"connector-token-{n}" });
        });
        app.MapPost("/v3/conversations/{conversationId}/activities/{**activityId}", (Delegate)((HttpContext context) => fake!.ReceiveAsync(context)));
        app.MapPost("/v3/conversations/{conversationId}/activities", (Delegate)((HttpContext context) => fake!.ReceiveAsync(context)));
        app.StartAsync().GetAwaiter().GetResult();
        fake = new FakeBotFramework(app);
        fake.ChannelKeys[fake.ChannelKey.Id] = (fake.ChannelKey, ["msteams", "webchat"]);
        return fake;
    }

    /// <summary>The host's settings pointing every Bot Framework URL at this fake.</summary>
    public Dictionary<string, string?> HostSettings() => new()
    {
        ["Bot:MicrosoftAppId"] = AppId,
        ["Bot:MicrosoftAppPassword"] = AppPassword,
        ["Bot:OpenIdMetadataUrl"] = BaseUrl + "/channel/.well-known/openidconfiguration",
        ["Bot:EmulatorOpenIdMetadataUrl"] = BaseUrl + "/emulator/v2.0/.well-known/openid-configuration",
        ["Bot:LoginAuthority"] = BaseUrl,
        ["Bot:RetryBaseDelayMilliseconds"] = "10",
        ["Bot:TypingDelayMilliseconds"] = "0",
    };

    /// <summary>A Connector token as Azure Bot Service sends it; <paramref name="change"/> spoils one part of it.</summary>
    public string ChannelToken(DateTimeOffset now, string? serviceUrl = null, Action<SecurityTokenDescriptor>? change = null, TestKey? key = null)
    {
        var descriptor = new SecurityTokenDescriptor
        {
            Issuer = ChannelIssuer,
            Audience = AppId,
            IssuedAt = now.UtcDateTime.AddMinutes(-1),
            NotBefore = now.UtcDateTime.AddMinutes(-1),
            Expires = now.UtcDateTime.AddMinutes(59),
            Claims = new Dictionary<string, object> { ["serviceurl"] = serviceUrl ?? ServiceUrl },
            SigningCredentials = (key ?? ChannelKey).Credentials,
        };
        change?.Invoke(descriptor);
        return new JsonWebTokenHandler { SetDefaultTimesOnTokenCreation = false }.CreateToken(descriptor);
    }

    /// <summary>An Entra ID token (v1: app id in appid; v2: in azp) for the bot's own app id, as the Emulator sends it.</summary>
    public string EmulatorToken(DateTimeOffset now, string appId = AppId, TestKey? key = null, string version = "1.0") =>
        new JsonWebTokenHandler { SetDefaultTimesOnTokenCreation = false }.CreateToken(new SecurityTokenDescriptor
        {
            Issuer = version == "1.0" ? EmulatorIssuerV1 : "https://login.microsoftonline.com/d6d49420-f39b-4df7-a1dc-d59a935871db/v2.0",
            Audience = AppId,
            IssuedAt = now.UtcDateTime.AddMinutes(-1),
            NotBefore = now.UtcDateTime.AddMinutes(-1),
            Expires = now.UtcDateTime.AddMinutes(59),
            Claims = new Dictionary<string, object> { ["ver"] = version, [version == "1.0" ? "appid" : "azp"] = appId, ["tid"] = "d6d49420-f39b-4df7-a1dc-d59a935871db" },
            SigningCredentials = (key ?? EmulatorKey).Credentials,
        });

    /// <summary>Activities (not typing indicators) delivered with 2xx.</summary>
    public IReadOnlyList<JsonObject> Messages() =>
        Received.Where(r => r.Status < 300 && r.Activity["type"]?.GetValue<string>() == "message").Select(r => r.Activity).ToList();

    private async Task<IResult> ReceiveAsync(HttpContext context)
    {
        var raw = context.Features.Get<IHttpRequestFeature>()!.RawTarget;
        var activity = (await System.Text.Json.JsonSerializer.DeserializeAsync<JsonObject>(context.Request.Body))!;
        var (status, retryAfter) = _script.TryDequeue(out var next) ? next : (200, null);
        Received.Enqueue(new ReceivedActivity(raw, context.Request.Headers.Authorization.ToString(), activity, status));
        context.Response.Headers["X-Correlating-OperationId"] = Guid.NewGuid().ToString("N");
        if (retryAfter is not null)
        {
            context.Response.Headers.RetryAfter = retryAfter;
        }

        return status < 300
            ? Results.Json(new JsonObject { ["id"] = "sent-" + Received.Count })
            : Results.Json(new JsonObject { ["error"] = new JsonObject { ["code"] = "ServiceError", ["message"] = "scripted failure" } }, statusCode: status);
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
        ChannelKey.Dispose();
        EmulatorKey.Dispose();
    }
}

public sealed record ReceivedActivity(string RawPath, string Authorization, JsonObject Activity, int Status);

public sealed record TokenRequest(string Tenant, Dictionary<string, string> Form);

/// <summary>An RSA key the tests sign with, and its public half as a JWK.</summary>
public sealed class TestKey(string id) : IDisposable
{
    private readonly RSA _rsa = RSA.Create(2048);

    public string Id { get; } = id;

    public SigningCredentials Credentials => new(new RsaSecurityKey(_rsa) { KeyId = Id }, SecurityAlgorithms.RsaSha256);

    public JsonObject Jwk(string[] endorsements)
    {
        var parameters = _rsa.ExportParameters(false);
        var jwk = new JsonObject
        {
            ["kty"] = "RSA",
            ["use"] = "sig",
            ["kid"] = Id,
            ["n"] = Jwt.ToBase64Url(parameters.Modulus!),
            ["e"] = Jwt.ToBase64Url(parameters.Exponent!),
        };
        if (endorsements.Length > 0)
        {
            jwk["endorsements"] = new JsonArray(endorsements.Select(e => (JsonNode)e).ToArray());
        }

        return jwk;
    }

    public void Dispose() => _rsa.Dispose();
}
