using System.Net.WebSockets;
using System.Text;
using IqTriageBot.Tests.Infrastructure;

namespace IqTriageBot.Tests.DirectLine;

/// <summary>
/// The stream over a real Kestrel socket on loopback, with the framework's own ClientWebSocket:
/// TestServer's in-memory WebSocket forgives things a real one does not (cancelling a receive aborts it).
/// </summary>
public sealed class KestrelStreamTests : IAsyncLifetime
{
    private TriageBotFactory Factory { get; } = new();

    public Task InitializeAsync()
    {
        Factory.UseKestrel(0);
        Factory.StartServer();
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await Factory.DisposeAsync();

    [Fact]
    public async Task Real_socket_replays_history_and_closes_with_collision_when_replaced()
    {
        using var http = Factory.CreateClient();
        var api = new DirectLineApi(http);
        var conversation = await api.StartWithUserAsync();
        using var timeout = new CancellationTokenSource(StreamClient.Guard);

        using var first = new ClientWebSocket();
        await first.ConnectAsync(new Uri(conversation.StreamUrl), timeout.Token);
        var replay = await ReceiveTextAsync(first, timeout.Token);
        Assert.Equal("2", DirectLineApi.ParsePage(replay).Watermark);

        var resumed = await api.ReconnectAsync(conversation.ConversationId, TriageBotFactory.Secret, "2");
        using var second = new ClientWebSocket();
        await second.ConnectAsync(new Uri(resumed.StreamUrl), timeout.Token);

        var buffer = new byte[4096];
        var closing = await first.ReceiveAsync(buffer, timeout.Token);
        Assert.Equal(WebSocketMessageType.Close, closing.MessageType);
        Assert.Equal("collision", closing.CloseStatusDescription);
    }

    [Fact]
    public async Task Real_socket_delivers_live_activities_and_ignores_empty_client_frames()
    {
        using var http = Factory.CreateClient();
        var api = new DirectLineApi(http);
        var conversation = await api.StartWithUserAsync();
        using var timeout = new CancellationTokenSource(StreamClient.Guard);
        using var socket = new ClientWebSocket();
        await socket.ConnectAsync(new Uri(conversation.StreamUrl), timeout.Token);
        await ReceiveTextAsync(socket, timeout.Token);

        await socket.SendAsync(Array.Empty<byte>(), WebSocketMessageType.Text, endOfMessage: true, timeout.Token);
        var id = await api.PostMessageAsync(conversation.ConversationId, TriageBotFactory.Secret, "English");

        var echo = DirectLineApi.ParsePage(await ReceiveTextAsync(socket, timeout.Token));
        var reply = DirectLineApi.ParsePage(await ReceiveTextAsync(socket, timeout.Token));
        Assert.Equal(id, DirectLineApi.Str(Assert.Single(echo.Activities), "id"));
        Assert.Equal(id, DirectLineApi.Str(Assert.Single(reply.Activities), "replyToId"));
        Assert.Equal(WebSocketState.Open, socket.State);
    }

    [Fact]
    public async Task Real_socket_closed_by_the_client_gets_a_close_reply()
    {
        using var http = Factory.CreateClient();
        var conversation = await new DirectLineApi(http).StartWithUserAsync();
        using var timeout = new CancellationTokenSource(StreamClient.Guard);
        using var socket = new ClientWebSocket();
        await socket.ConnectAsync(new Uri(conversation.StreamUrl), timeout.Token);
        await ReceiveTextAsync(socket, timeout.Token);

        await socket.CloseAsync(WebSocketCloseStatus.NormalClosure, "bye", timeout.Token);

        Assert.Equal(WebSocketState.Closed, socket.State);
    }

    private static async Task<string> ReceiveTextAsync(WebSocket socket, CancellationToken cancellationToken)
    {
        var buffer = new byte[64 * 1024];
        var result = await socket.ReceiveAsync(buffer, cancellationToken);
        Assert.Equal(WebSocketMessageType.Text, result.MessageType);
        Assert.True(result.EndOfMessage);
        return Encoding.UTF8.GetString(buffer, 0, result.Count);
    }
}
