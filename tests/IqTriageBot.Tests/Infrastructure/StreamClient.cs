using System.Net.WebSockets;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.TestHost;

namespace IqTriageBot.Tests.Infrastructure;

/// <summary>The client side of the Direct Line WebSocket over TestServer, reading ActivitySet frames.</summary>
public sealed class StreamClient : IAsyncDisposable
{
    /// <summary>A guard against a hung test, not a timing assertion.</summary>
    public static readonly TimeSpan Guard = TimeSpan.FromSeconds(15);

    private StreamClient(WebSocket socket) => Socket = socket;

    public WebSocket Socket { get; }

    public static async Task<StreamClient> ConnectAsync(TestServer server, string streamUrl)
    {
        using var timeout = new CancellationTokenSource(Guard);
        var socket = await server.CreateWebSocketClient().ConnectAsync(new Uri(streamUrl), timeout.Token);
        return new StreamClient(socket);
    }

    /// <summary>The next non-empty text frame as an ActivitySet; null when the server closed the socket.</summary>
    public async Task<ActivityPage?> ReceiveAsync()
    {
        while (true)
        {
            var (type, text) = await ReceiveFrameAsync();
            if (type == WebSocketMessageType.Close)
            {
                return null;
            }

            Assert.Equal(WebSocketMessageType.Text, type);
            if (text.Length > 0)
            {
                return DirectLineApi.ParsePage(text);
            }
        }
    }

    /// <summary>Reads frames until an activity matching <paramref name="predicate"/> arrived; returns all activities seen.</summary>
    public async Task<List<JsonNode>> ReceiveUntilAsync(Func<JsonNode, bool> predicate)
    {
        var seen = new List<JsonNode>();
        while (true)
        {
            var page = await ReceiveAsync() ?? throw new Xunit.Sdk.XunitException("The stream closed before the expected activity arrived.");
            foreach (var activity in page.Activities)
            {
                seen.Add(activity!);
                if (predicate(activity!))
                {
                    return seen;
                }
            }
        }
    }

    public async Task<(WebSocketMessageType Type, string Text)> ReceiveFrameAsync()
    {
        using var timeout = new CancellationTokenSource(Guard);
        var buffer = new byte[8192];
        using var message = new MemoryStream();
        while (true)
        {
            var result = await Socket.ReceiveAsync(buffer, timeout.Token);
            if (result.MessageType == WebSocketMessageType.Close)
            {
                return (WebSocketMessageType.Close, result.CloseStatusDescription ?? Socket.CloseStatusDescription ?? string.Empty);
            }

            message.Write(buffer, 0, result.Count);
            if (result.EndOfMessage)
            {
                return (result.MessageType, Encoding.UTF8.GetString(message.ToArray()));
            }
        }
    }

    public Task SendTextAsync(string text) =>
        Socket.SendAsync(Encoding.UTF8.GetBytes(text), WebSocketMessageType.Text, endOfMessage: true, CancellationToken.None);

    public ValueTask DisposeAsync()
    {
        Socket.Abort();
        Socket.Dispose();
        return ValueTask.CompletedTask;
    }
}
