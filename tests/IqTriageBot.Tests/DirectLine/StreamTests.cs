using System.Net.WebSockets;
using IqTriageBot.Dialogs;
using IqTriageBot.Tests.Infrastructure;

namespace IqTriageBot.Tests.DirectLine;

/// <summary>Checklist 3.12 item 7 and section 3.5: the WebSocket at streamUrl.</summary>
public class StreamTests : IntegrationTest
{
    [Fact]
    public async Task Connecting_replays_the_whole_history_as_text_activity_sets()
    {
        var conversation = await Api.StartWithUserAsync();

        await using var stream = await StreamClient.ConnectAsync(Factory.Server, conversation.StreamUrl);
        var (type, text) = await stream.ReceiveFrameAsync();

        Assert.Equal(WebSocketMessageType.Text, type);
        var page = DirectLineApi.ParsePage(text);
        Assert.Equal("2", page.Watermark);
        Assert.Equal([TextKeys.Greeting, TextKeys.ChooseLanguage], ReplyKeys.KeysOf(page.Activities));
    }

    [Fact]
    public async Task Reconnect_stream_replays_only_what_follows_the_watermark()
    {
        var conversation = await Api.StartWithUserAsync();
        var id = await Api.PostMessageAsync(conversation.ConversationId, TriageBotFactory.Secret, "qwertz");
        var resumed = await Api.ReconnectAsync(conversation.ConversationId, TriageBotFactory.Secret, "2");

        await using var stream = await StreamClient.ConnectAsync(Factory.Server, resumed.StreamUrl);
        var page = await stream.ReceiveAsync();

        Assert.NotNull(page);
        Assert.Equal("4", page.Watermark);
        Assert.Equal([id, $"{conversation.ConversationId}|0000004"], page.Activities.Select(a => DirectLineApi.Str(a, "id")));
        Assert.Equal(TextKeys.RepromptLanguage, ReplyKeys.Identify(page.Activities[1]).Key);
    }

    [Fact]
    public async Task Message_posted_over_HTTP_arrives_live_with_its_reply()
    {
        var conversation = await Api.StartWithUserAsync();
        await using var stream = await StreamClient.ConnectAsync(Factory.Server, conversation.StreamUrl);
        await stream.ReceiveUntilAsync(a => DirectLineApi.Str(a, "id").EndsWith("|0000002", StringComparison.Ordinal));

        var id = await Api.PostMessageAsync(conversation.ConversationId, TriageBotFactory.Secret, "Українська");
        var live = await stream.ReceiveUntilAsync(a => a["replyToId"]?.GetValue<string>() == id);

        var echo = Assert.Single(live, a => DirectLineApi.Str(a, "id") == id);
        Assert.StartsWith("client-", echo["channelData"]?["clientActivityID"]?.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal(new ReplyKey("uk", TextKeys.LanguageSet), ReplyKeys.Identify(live[^1]));
    }

    [Fact]
    public async Task Live_frames_carry_the_watermark_of_their_activity()
    {
        var conversation = await Api.StartWithUserAsync();
        await using var stream = await StreamClient.ConnectAsync(Factory.Server, conversation.StreamUrl);
        await stream.ReceiveUntilAsync(a => DirectLineApi.Str(a, "id").EndsWith("|0000002", StringComparison.Ordinal));

        await Api.PostMessageAsync(conversation.ConversationId, TriageBotFactory.Secret, "hello");
        var echoFrame = await stream.ReceiveAsync();
        var replyFrame = await stream.ReceiveAsync();

        Assert.Equal("3", echoFrame?.Watermark);
        Assert.Equal("4", replyFrame?.Watermark);
    }

    [Fact]
    public async Task Empty_client_frames_are_ignored()
    {
        var conversation = await Api.StartWithUserAsync();
        await using var stream = await StreamClient.ConnectAsync(Factory.Server, conversation.StreamUrl);
        await stream.ReceiveAsync();

        await stream.SendTextAsync(string.Empty);
        await stream.SendTextAsync(string.Empty);
        var id = await Api.PostMessageAsync(conversation.ConversationId, TriageBotFactory.Secret, "hello");
        var live = await stream.ReceiveUntilAsync(a => a["replyToId"]?.GetValue<string>() == id);

        Assert.Equal(WebSocketState.Open, stream.Socket.State);
        Assert.Contains(live, a => DirectLineApi.Str(a, "id") == id);
    }

    [Fact]
    public async Task Client_typing_is_echoed_on_the_stream_with_the_id_the_post_returned()
    {
        var conversation = await Api.StartWithUserAsync();
        await using var stream = await StreamClient.ConnectAsync(Factory.Server, conversation.StreamUrl);
        await stream.ReceiveAsync();

        using var response = await Api.PostActivityRawAsync(conversation.ConversationId, TriageBotFactory.Secret,
            """{"type":"typing","from":{"id":"user-1"},"channelData":{"clientActivityID":"typing-1"}}""");
        var id = DirectLineApi.Str(await DirectLineApi.ReadObjectAsync(response), "id");
        var live = await stream.ReceiveUntilAsync(a => DirectLineApi.Str(a, "id") == id);

        Assert.Equal("typing", DirectLineApi.Str(live[^1], "type"));
        Assert.Equal("typing-1", live[^1]["channelData"]?["clientActivityID"]?.GetValue<string>());
    }

    [Fact]
    public async Task Tampered_stream_token_is_rejected_before_upgrade()
    {
        var conversation = await Api.StartWithUserAsync();
        var tampered = conversation.StreamUrl.Replace("t=", "t=x", StringComparison.Ordinal);

        var error = await Assert.ThrowsAnyAsync<Exception>(() => StreamClient.ConnectAsync(Factory.Server, tampered));

        Assert.Contains("401", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Missing_stream_token_is_rejected_before_upgrade()
    {
        var conversation = await Api.StartWithUserAsync();
        var url = conversation.StreamUrl[..conversation.StreamUrl.IndexOf('?', StringComparison.Ordinal)];

        var error = await Assert.ThrowsAnyAsync<Exception>(() => StreamClient.ConnectAsync(Factory.Server, url));

        Assert.Contains("401", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Expired_stream_token_is_rejected_before_upgrade()
    {
        var conversation = await Api.StartWithUserAsync();

        Factory.Clock.Advance(TimeSpan.FromSeconds(301));
        var error = await Assert.ThrowsAnyAsync<Exception>(() => StreamClient.ConnectAsync(Factory.Server, conversation.StreamUrl));

        Assert.Contains("403", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Stream_token_of_another_conversation_is_rejected()
    {
        var mine = await Api.StartWithUserAsync("user-1");
        var other = await Api.StartWithUserAsync("user-2");
        var query = new Uri(mine.StreamUrl).Query;
        var url = other.StreamUrl[..other.StreamUrl.IndexOf('?', StringComparison.Ordinal)] + query;

        var error = await Assert.ThrowsAnyAsync<Exception>(() => StreamClient.ConnectAsync(Factory.Server, url));

        Assert.Contains("403", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Stream_token_is_not_a_conversation_token()
    {
        var conversation = await Api.StartWithUserAsync();
        var streamToken = Uri.UnescapeDataString(new Uri(conversation.StreamUrl).Query.Split("t=")[1]);

        using var response = await Api.GetActivitiesRawAsync(conversation.ConversationId, streamToken);

        await DirectLineApi.AssertErrorAsync(response, System.Net.HttpStatusCode.Unauthorized, "Unauthorized");
    }

    [Fact]
    public async Task Foreign_browser_origin_may_not_open_the_stream()
    {
        var conversation = await Api.StartWithUserAsync();
        var client = Factory.Server.CreateWebSocketClient();
        client.ConfigureRequest = request => request.Headers.Origin = "https://evil.example";

        var error = await Assert.ThrowsAnyAsync<Exception>(() => client.ConnectAsync(new Uri(conversation.StreamUrl), CancellationToken.None));

        Assert.Contains("403", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Second_socket_for_the_conversation_closes_the_first()
    {
        var conversation = await Api.StartWithUserAsync();
        await using var first = await StreamClient.ConnectAsync(Factory.Server, conversation.StreamUrl);
        await first.ReceiveAsync();

        var resumed = await Api.ReconnectAsync(conversation.ConversationId, TriageBotFactory.Secret, "2");
        await using var second = await StreamClient.ConnectAsync(Factory.Server, resumed.StreamUrl);

        Assert.Null(await first.ReceiveAsync());
        Assert.Equal("collision", first.Socket.CloseStatusDescription);

        var id = await Api.PostMessageAsync(conversation.ConversationId, TriageBotFactory.Secret, "hello");
        var live = await second.ReceiveUntilAsync(a => DirectLineApi.Str(a, "id") == id);
        Assert.Equal(id, DirectLineApi.Str(live[^1], "id"));
    }
}
