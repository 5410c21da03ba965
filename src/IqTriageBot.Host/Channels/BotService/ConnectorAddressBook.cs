using System.Collections.Concurrent;
using System.Text.Json;
using IqTriageBot.Dialogs;
using IqTriageBot.Domain.Bookings;
using IqTriageBot.Host.Bookings;
using IqTriageBot.Host.Bot;
using IqTriageBot.Host.Protocol;
using IqTriageBot.Storage;

namespace IqTriageBot.Host.Channels.BotService;

/// <summary>
/// Remembers where each Bot Connector conversation can be reached (its serviceUrl, the bot's and the
/// person's ids, the Teams tenant), taken only from authenticated activities, so a token is never sent to a
/// forged serviceUrl. Serves the channels it has addresses for; "delete my data" erases the address.
/// </summary>
public sealed class ConnectorAddressBook(IConnectorAddressStore store, TimeProvider time) : IConversationDataHolder, IHostedService
{
    private readonly ConcurrentDictionary<string, bool> _channels = new(StringComparer.Ordinal);

    /// <summary>True when some conversation on this channel came in through the Connector.</summary>
    public bool Knows(string channelId) => _channels.ContainsKey(channelId);

    /// <summary>Stores the address of the activity's conversation (no-op without a serviceUrl).</summary>
    public async Task RememberAsync(Activity activity, CancellationToken cancellationToken)
    {
        if (activity.ServiceUrl is not { Length: > 0 } serviceUrl || activity.Conversation?.Id is not { Length: > 0 } conversation)
        {
            return;
        }

        var channel = activity.ChannelId ?? "unknown";
        var tenant = activity.Conversation.TenantId ?? TenantOf(activity.ChannelData);
        await store.SaveAsync(new ConnectorAddress(channel, conversation, serviceUrl, activity.Recipient?.Id, activity.From?.Id, tenant, time.GetUtcNow()), cancellationToken)
            .ConfigureAwait(false);
        _channels.TryAdd(channel, true);
    }

    public Task<ConnectorAddress?> FindAsync(string channelId, string conversationId, CancellationToken cancellationToken) =>
        store.FindAsync(channelId, conversationId, cancellationToken);

    public async Task EraseAsync(string channelId, string conversationId, CancellationToken cancellationToken) =>
        await store.DeleteAsync(channelId, conversationId, cancellationToken).ConfigureAwait(false);

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        foreach (var channel in await store.ChannelIdsAsync(cancellationToken).ConfigureAwait(false))
        {
            _channels.TryAdd(channel, true);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>Teams puts the tenant in channelData.tenant.id.</summary>
    private static string? TenantOf(JsonElement? channelData) =>
        channelData is { ValueKind: JsonValueKind.Object } data
        && data.TryGetProperty("tenant", out var tenant) && tenant.ValueKind == JsonValueKind.Object
        && tenant.TryGetProperty("id", out var id) && id.ValueKind == JsonValueKind.String
            ? id.GetString()
            : null;
}

/// <summary>Proactive messages (reminders, cancellations by the centre) to a conversation on an Azure Bot Service channel.</summary>
public sealed class ConnectorProactive(ConnectorAddressBook addresses, ConnectorReplies connector, ILogger<ConnectorProactive> logger) : IProactiveChannel
{
    public bool Serves(string channelId) => addresses.Knows(channelId);

    public async Task<bool> SendAsync(ConversationAddress address, Reply reply, CancellationToken cancellationToken)
    {
        if (await addresses.FindAsync(address.ChannelId, address.ConversationId, cancellationToken).ConfigureAwait(false) is not { } stored)
        {
            BotServiceLog.NoAddress(logger, address.ChannelId);
            return false;
        }

        // Addressed as if answering the person's last message, without pointing at one (send-to-conversation).
        var incoming = new Activity
        {
            Type = ActivityTypes.Event,
            ChannelId = stored.ChannelId,
            ServiceUrl = stored.ServiceUrl,
            Conversation = new ConversationAccount { Id = stored.ConversationId, TenantId = stored.TenantId },
            From = new ChannelAccount { Id = stored.UserId ?? address.UserId, Role = "user" },
            Recipient = new ChannelAccount { Id = stored.BotId, Role = "bot" },
        };
        return await connector.SendAsync(stored.ServiceUrl, TurnMapper.ToActivity(reply, incoming), cancellationToken).ConfigureAwait(false);
    }
}
