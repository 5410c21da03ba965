using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using IqTriageBot.Host.Bot;
using IqTriageBot.Host.Channels.BotService;
using IqTriageBot.Storage;
using IqTriageBot.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace IqTriageBot.Tests.BotService;

/// <summary>
/// The real host with an app id, its Bot Framework URLs pointed at a <see cref="FakeBotFramework"/>, called
/// from a non-loopback address as Azure Bot Service would.
/// </summary>
public abstract class ConnectorTest : IAsyncLifetime
{
    protected ConnectorTest(IReadOnlyDictionary<string, string?>? extra = null)
    {
        Fake = FakeBotFramework.Start();
        var settings = Fake.HostSettings();
        foreach (var (key, value) in extra ?? new Dictionary<string, string?>())
        {
            settings[key] = value;
        }

        Factory = new TriageBotFactory(settings) { SimulateRemoteCaller = true };
        Http = Factory.CreateClient();
    }

    protected FakeBotFramework Fake { get; }

    protected TriageBotFactory Factory { get; }

    protected HttpClient Http { get; }

    protected DateTimeOffset Now => Factory.Clock.GetUtcNow();

    protected JsonObject Activity(string type, string conversation, string? id = null, string? text = null, string channel = "msteams") => new()
    {
        ["type"] = type,
        ["id"] = id ?? "act-" + Guid.NewGuid().ToString("N")[..8],
        ["channelId"] = channel,
        ["serviceUrl"] = Fake.ServiceUrl,
        ["from"] = new JsonObject { ["id"] = "29:user-1", ["name"] = "Person", ["aadObjectId"] = "00000000-0000-0000-0000-0000000000aa" },
        ["recipient"] = new JsonObject { ["id"] = "28:" + FakeBotFramework.AppId, ["name"] = "IQ Triage" },
        ["conversation"] = new JsonObject { ["id"] = conversation, ["conversationType"] = "personal", ["tenantId"] = "tenant-1" },
        ["text"] = text,
        ["membersAdded"] = type == "conversationUpdate" ? new JsonArray(new JsonObject { ["id"] = "28:" + FakeBotFramework.AppId }, new JsonObject { ["id"] = "29:user-1" }) : null,
    };

    protected async Task<HttpResponseMessage> PostAsync(JsonObject activity, string? token, string scheme = "Bearer")
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/messages") { Content = DirectLineApi.Json(activity.ToJsonString()) };
        if (token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue(scheme, token);
        }

        return await Http.SendAsync(request);
    }

    /// <summary>Waits until the bot's outbox has sent (or given up on) everything queued.</summary>
    protected async Task DeliveredAsync()
    {
        using var guard = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await Factory.Services.GetRequiredService<ConnectorOutbox>().WhenIdleAsync(guard.Token);
    }

    protected async Task<bool> StateStoredAsync(string channel, string conversation) =>
        await Factory.Services.GetRequiredService<IStateStore>().ReadAsync(TurnRunner.StateKey(channel, conversation), CancellationToken.None) is not null;

    protected Task<ConnectorAddress?> AddressAsync(string channel, string conversation) =>
        Factory.Services.GetRequiredService<IConnectorAddressStore>().FindAsync(channel, conversation, CancellationToken.None);

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        Http.Dispose();
        await Factory.DisposeAsync();
        await Fake.DisposeAsync();
    }
}
