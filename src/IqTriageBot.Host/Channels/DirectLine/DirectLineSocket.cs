using System.Globalization;
using System.Net.WebSockets;
using System.Text;
using Microsoft.Extensions.Options;

namespace IqTriageBot.Host.Channels.DirectLine;

/// <summary>
/// The WebSocket at streamUrl. On connect it replays stored activities after the watermark, then pushes
/// new ones as UTF-8 text frames holding an ActivitySet. Frames from the client (DirectLineJS sends an
/// empty one every 20 s) are read and ignored.
/// </summary>
public static class DirectLineSocket
{
    private static readonly TimeSpan Heartbeat = TimeSpan.FromSeconds(20);

    public static async Task<IResult> Connect(
        string conversationId,
        string? t,
        string? watermark,
        HttpContext context,
        DirectLineTokens tokens,
        DirectLineConversations conversations,
        ConversationHub hub,
        IOptions<DirectLineOptions> options,
        IHostApplicationLifetime lifetime,
        ILogger<ConversationHub> logger)
    {
        if (!context.WebSockets.IsWebSocketRequest)
        {
            return DirectLineErrors.BadArgument("This address accepts WebSocket connections only.");
        }

        var check = string.IsNullOrEmpty(t) ? new TokenCheck(TokenStatus.Invalid, null) : tokens.Check(t, DirectLineTokens.StreamKind);
        if (check.Status == TokenStatus.Invalid)
        {
            return DirectLineErrors.BadCredentials();
        }

        if (check.Status == TokenStatus.Expired)
        {
            return DirectLineErrors.TokenExpired();
        }

        if (check.Grant!.ConversationId != conversationId)
        {
            return DirectLineErrors.WrongConversation();
        }

        // Browsers do not apply CORS to WebSockets, so the origin is checked here.
        if (!OriginAllowed(context.Request, options.Value))
        {
            return DirectLineErrors.Error(StatusCodes.Status403Forbidden, "Forbidden", "This origin may not open the stream.");
        }

        if (await conversations.GetAsync(conversationId, context.RequestAborted) is null)
        {
            return DirectLineErrors.UnknownConversation();
        }

        using var socket = await context.WebSockets.AcceptWebSocketAsync();
        var subscription = hub.Subscribe(conversationId);
        try
        {
            // Shutting down closes open streams as a replacement does; clients reconnect to the next instance.
            using var ending = CancellationTokenSource.CreateLinkedTokenSource(subscription.Replaced.Token, lifetime.ApplicationStopping);
            await PumpAsync(socket, subscription, conversationId, ActivitySetJson.ParseWatermark(watermark), conversations, ending.Token, context.RequestAborted);
        }
        catch (Exception exception) when (exception is WebSocketException or OperationCanceledException)
        {
            DirectLineLog.StreamClosed(logger, exception.GetType().Name);
        }
        finally
        {
            hub.Unsubscribe(conversationId, subscription);
        }

        return Results.Empty;
    }

    private static async Task PumpAsync(
        WebSocket socket,
        StreamSubscription subscription,
        string conversationId,
        long watermark,
        DirectLineConversations conversations,
        CancellationToken ending,
        CancellationToken aborted)
    {
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(aborted, ending);
        var receiving = DrainClientFramesAsync(socket, stop, aborted);

        try
        {
            // Subscribed before reading history, so nothing that arrives in between is missed; the
            // sequence check below drops what the replay already sent.
            var sent = watermark;
            while (true)
            {
                var page = await conversations.ReadAfterAsync(conversationId, sent, 100, stop.Token);
                if (page.Count == 0)
                {
                    break;
                }

                await SendAsync(socket, ActivitySetJson.Build(page.Select(a => a.Json), page[^1].Sequence.ToString(CultureInfo.InvariantCulture)), aborted);
                sent = page[^1].Sequence;
            }

            var reader = subscription.Frames.Reader;
            while (!stop.IsCancellationRequested)
            {
                using var idle = CancellationTokenSource.CreateLinkedTokenSource(stop.Token);
                idle.CancelAfter(Heartbeat);
                try
                {
                    if (!await reader.WaitToReadAsync(idle.Token))
                    {
                        break;
                    }
                }
                catch (OperationCanceledException) when (!stop.IsCancellationRequested)
                {
                    // Idle: an empty text frame keeps proxies from closing the socket; clients ignore it.
                    await SendAsync(socket, string.Empty, aborted);
                    continue;
                }

                while (reader.TryRead(out var frame))
                {
                    if (frame.Sequence is { } sequence)
                    {
                        if (sequence <= sent)
                        {
                            continue;
                        }

                        sent = sequence;
                        await SendAsync(socket, ActivitySetJson.Build([frame.ActivityJson], sequence.ToString(CultureInfo.InvariantCulture)), aborted);
                    }
                    else
                    {
                        await SendAsync(socket, ActivitySetJson.Build([frame.ActivityJson], null), aborted);
                    }
                }
            }
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested && !aborted.IsCancellationRequested)
        {
            // Replaced by a newer stream, or the client sent its close: answer with a close frame below.
        }

        var reason = subscription.Replaced.IsCancellationRequested ? "collision" : "closing";
        if (socket.State is WebSocketState.Open or WebSocketState.CloseReceived)
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(5));
            await socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, reason, timeout.Token);
        }

        try
        {
            await receiving.WaitAsync(TimeSpan.FromSeconds(5), aborted);
        }
        catch (Exception exception) when (exception is TimeoutException or OperationCanceledException)
        {
            socket.Abort();
        }
    }

    /// <summary>
    /// Reads (and ignores) client frames until the client closes. Its receive is cancelled only by the
    /// request itself: cancelling a pending receive aborts a real WebSocket, after which no close frame can go out.
    /// </summary>
    private static async Task DrainClientFramesAsync(WebSocket socket, CancellationTokenSource stop, CancellationToken aborted)
    {
        var buffer = new byte[4096];
        try
        {
            while (socket.State is WebSocketState.Open or WebSocketState.CloseSent)
            {
                var result = await socket.ReceiveAsync(buffer, aborted);
                if (result.MessageType == WebSocketMessageType.Close)
                {
                    break;
                }
            }
        }
        catch (Exception exception) when (exception is WebSocketException or OperationCanceledException)
        {
            // The client went away; the sender loop notices through the cancellation below.
        }
        finally
        {
            await stop.CancelAsync();
        }
    }

    private static Task SendAsync(WebSocket socket, string json, CancellationToken cancellationToken) =>
        socket.SendAsync(Encoding.UTF8.GetBytes(json), WebSocketMessageType.Text, endOfMessage: true, cancellationToken);

    private static bool OriginAllowed(HttpRequest request, DirectLineOptions options)
    {
        var origin = request.Headers.Origin.ToString();
        if (string.IsNullOrEmpty(origin))
        {
            return true; // not a browser
        }

        var own = $"{request.Scheme}://{request.Host}";
        return string.Equals(origin, own, StringComparison.OrdinalIgnoreCase)
            || string.Equals(origin, PublicUrls.HttpBase(request, options), StringComparison.OrdinalIgnoreCase)
            || options.AllowedOrigins.Any(o => o == "*" || string.Equals(o.TrimEnd('/'), origin, StringComparison.OrdinalIgnoreCase));
    }
}
