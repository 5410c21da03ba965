using System.Globalization;
using IqTriageBot.Dialogs;
using IqTriageBot.Tests.Infrastructure;

namespace IqTriageBot.Tests.Hosting;

/// <summary>Everything a conversation needs lives in the data folder: a restart loses nothing.</summary>
public sealed class RestartTests : IDisposable
{
    private readonly TempDirectory _data = new();

    public void Dispose() => _data.Dispose();

    [Fact]
    public async Task History_token_and_dialog_state_survive_a_restart()
    {
        string conversationId, token, historyBefore;
        await using (var before = new TriageBotFactory(dataDirectory: _data.Path))
        {
            using var http = before.CreateClient();
            var api = new DirectLineApi(http);
            var generated = await api.GenerateTokenAsync();
            var started = await api.StartAsync(generated.Token);
            (conversationId, token) = (started.ConversationId, started.Token);
            await api.PostMessageAsync(conversationId, token, "فارسی");
            historyBefore = (await api.GetActivitiesAsync(conversationId, token)).Raw;
        }

        await using var after = new TriageBotFactory(dataDirectory: _data.Path);
        using var client = after.CreateClient();
        var restarted = new DirectLineApi(client);

        var history = await restarted.GetActivitiesAsync(conversationId, token);
        Assert.Equal(historyBefore, history.Raw);
        Assert.Equal([TextKeys.Greeting, TextKeys.ChooseLanguage, TextKeys.LanguageSet, "consent.intro", "consent.ask"], ReplyKeys.KeysOf(history.Activities.Where(IsFromBot)));

        // The conversation goes on at the consent question, in Persian.
        var id = await restarted.PostMessageAsync(conversationId, token, "hello");
        var next = await restarted.GetActivitiesAsync(conversationId, token, history.Watermark);
        Assert.Equal($"{conversationId}|0000007", id);
        Assert.Equal([id, $"{conversationId}|0000008", $"{conversationId}|0000009"], next.Activities.Select(a => DirectLineApi.Str(a, "id")));
        Assert.Equal(new ReplyKey("fa", TextKeys.RepromptYesNo), ReplyKeys.Identify(next.Activities[1]));
        Assert.Equal(new ReplyKey("fa", "consent.ask"), ReplyKeys.Identify(next.Activities[2]));

        // The restarted clock starts where the first one did; the store still keeps time moving forward.
        var all = (await restarted.GetActivitiesAsync(conversationId, token)).Activities
            .Select(a => DateTimeOffset.Parse(DirectLineApi.Str(a, "timestamp"), CultureInfo.InvariantCulture)).ToList();
        Assert.All(all.Zip(all.Skip(1)), pair => Assert.True(pair.Second > pair.First));
    }

    [Fact]
    public async Task Token_from_before_the_restart_keeps_working_on_the_stream_and_refresh()
    {
        string conversationId, token;
        await using (var before = new TriageBotFactory(dataDirectory: _data.Path))
        {
            using var http = before.CreateClient();
            var started = await new DirectLineApi(http).StartAsync((await new DirectLineApi(http).GenerateTokenAsync()).Token);
            (conversationId, token) = (started.ConversationId, started.Token);
        }

        await using var after = new TriageBotFactory(dataDirectory: _data.Path);
        using var client = after.CreateClient();
        var api = new DirectLineApi(client);

        var resumed = await api.ReconnectAsync(conversationId, token, "0");
        await using var stream = await StreamClient.ConnectAsync(after.Server, resumed.StreamUrl);
        var page = await stream.ReceiveAsync();

        Assert.Equal("2", page?.Watermark);
        using var refresh = await api.SendAsync(HttpMethod.Post, $"{DirectLineApi.Base}/tokens/refresh", token);
        Assert.Equal(System.Net.HttpStatusCode.OK, refresh.StatusCode);
    }

    private static bool IsFromBot(System.Text.Json.Nodes.JsonNode? activity) =>
        activity?["from"]?["id"]?.GetValue<string>() == "iqtriagebot";
}
