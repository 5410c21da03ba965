using System.Globalization;
using System.Net;
using System.Text.Json.Nodes;
using IqTriageBot.Dialogs;
using IqTriageBot.Tests.Infrastructure;

namespace IqTriageBot.Tests.DirectLine;

/// <summary>Checklist 3.12 items 4, 5 and 9: posting, the echo, bot replies and polling with watermarks.</summary>
public class ActivityTests : IntegrationTest
{
    private const string WebChatMessage = """
        {
          "type": "message",
          "text": "hello",
          "textFormat": "plain",
          "channelId": "webchat",
          "from": { "id": "user-1", "name": "Amal", "role": "user", "avatarColour": "teal" },
          "locale": "ar-SY",
          "localTimestamp": "2025-03-02T12:15:30.950+02:00",
          "localTimezone": "Asia/Damascus",
          "summary": "an unknown top-level field",
          "value": { "nested": [1, "two", { "three": null }] },
          "entities": [ { "type": "ClientCapabilities", "requiresBotState": true, "supportsTts": true } ],
          "channelData": { "clientActivityID": "1740910530950mx6wd1cknr", "attachmentSizes": [], "custom": { "x": 1 } }
        }
        """;

    [Fact]
    public async Task Posted_activity_gets_the_next_id_and_is_echoed_unchanged()
    {
        var conversation = await Api.StartWithUserAsync("user-1");

        using var response = await Api.PostActivityRawAsync(conversation.ConversationId, TriageBotFactory.Secret, WebChatMessage);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var id = DirectLineApi.Str(await DirectLineApi.ReadObjectAsync(response), "id");
        Assert.Equal($"{conversation.ConversationId}|0000003", id);

        var sent = JsonNode.Parse(WebChatMessage)!;
        var echo = (await Api.GetActivitiesAsync(conversation.ConversationId, TriageBotFactory.Secret)).Activities.Single(a => DirectLineApi.Str(a, "id") == id)!;
        foreach (var field in new[] { "channelData", "value", "entities", "summary", "locale", "localTimestamp", "localTimezone", "text", "from" })
        {
            Assert.True(JsonNode.DeepEquals(sent[field], echo[field]), $"'{field}' changed: {echo[field]?.ToJsonString()}");
        }

        Assert.Equal("directline", DirectLineApi.Str(echo, "channelId"));
        Assert.Equal(conversation.ConversationId, echo["conversation"]?["id"]?.GetValue<string>());
        Assert.Equal("iqtriagebot", echo["recipient"]?["id"]?.GetValue<string>());
        Assert.EndsWith("Z", DirectLineApi.Str(echo, "timestamp"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Bot_replies_point_at_the_echo_and_come_later()
    {
        var conversation = await Api.StartWithUserAsync("user-1");

        var id = await Api.PostMessageAsync(conversation.ConversationId, TriageBotFactory.Secret, "العربية");

        var history = (await Api.GetActivitiesAsync(conversation.ConversationId, TriageBotFactory.Secret)).Activities;
        var echo = history.Single(a => DirectLineApi.Str(a, "id") == id)!;
        var replies = history.Where(a => a?["replyToId"]?.GetValue<string>() == id).ToList();
        Assert.Equal([TextKeys.LanguageSet, "consent.intro", "consent.ask"], ReplyKeys.KeysOf(replies));
        var reply = replies[0]!;
        Assert.Equal(new ReplyKey("ar", TextKeys.LanguageSet), ReplyKeys.Identify(reply));
        Assert.Equal("ar-SA", DirectLineApi.Str(reply, "locale"));
        Assert.Equal("iqtriagebot", reply["from"]?["id"]?.GetValue<string>());
        Assert.Equal("user-1", reply["recipient"]?["id"]?.GetValue<string>());
        Assert.True(Timestamp(reply) > Timestamp(echo), "The reply is not later than the message it answers.");
        Assert.Equal($"{conversation.ConversationId}|0000004", DirectLineApi.Str(reply, "id"));
    }

    [Fact]
    public async Task History_timestamps_strictly_increase_while_the_clock_stands_still()
    {
        var conversation = await Api.StartWithUserAsync();
        await Api.PostMessageAsync(conversation.ConversationId, TriageBotFactory.Secret, "qwertz");
        await Api.PostMessageAsync(conversation.ConversationId, TriageBotFactory.Secret, "English");

        var history = (await Api.GetActivitiesAsync(conversation.ConversationId, TriageBotFactory.Secret)).Activities;

        // greeting, language question, qwertz, re-prompt, English, language set, consent intro and question
        Assert.Equal(8, history.Count);
        var stamps = history.Select(a => Timestamp(a!)).ToList();
        Assert.All(stamps.Zip(stamps.Skip(1)), pair => Assert.True(pair.Second > pair.First));
        Assert.Equal(Enumerable.Range(1, 8).Select(n => $"{conversation.ConversationId}|{n:D7}"), history.Select(a => DirectLineApi.Str(a, "id")));
    }

    [Fact]
    public async Task Suggested_actions_offer_every_language_as_imBack_to_the_user()
    {
        var conversation = await Api.StartWithUserAsync("user-1");

        var ask = (await Api.GetActivitiesAsync(conversation.ConversationId, TriageBotFactory.Secret)).Activities[1]!;

        Assert.Equal(TextKeys.ChooseLanguage, ReplyKeys.Identify(ask).Key);
        Assert.Equal("plain", DirectLineApi.Str(ask, "textFormat"));
        Assert.Equal(["user-1"], ask["suggestedActions"]!["to"]!.AsArray().Select(t => t!.GetValue<string>()));
        var actions = ask["suggestedActions"]!["actions"]!.AsArray();
        Assert.Equal(ReplyKeys.Content.Languages.Select(l => l.Name), actions.Select(a => DirectLineApi.Str(a, "title")));
        Assert.All(actions, a => Assert.Equal("imBack", DirectLineApi.Str(a, "type")));
        Assert.All(actions, a => Assert.Equal(DirectLineApi.Str(a, "title"), DirectLineApi.Str(a, "value")));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("null")]
    [InlineData("undefined")]
    public async Task Missing_or_placeholder_watermark_reads_from_the_start(string? watermark)
    {
        var conversation = await Api.StartWithUserAsync();
        await Api.PostMessageAsync(conversation.ConversationId, TriageBotFactory.Secret, "hello");

        var page = await Api.GetActivitiesAsync(conversation.ConversationId, TriageBotFactory.Secret, watermark);

        Assert.Equal(4, page.Activities.Count);
        Assert.Equal($"{conversation.ConversationId}|0000001", DirectLineApi.Str(page.Activities[0], "id"));
        Assert.Equal("4", page.Watermark);
    }

    [Fact]
    public async Task Watermark_advances_and_stays_when_nothing_is_new()
    {
        var conversation = await Api.StartWithUserAsync();
        var first = await Api.GetActivitiesAsync(conversation.ConversationId, TriageBotFactory.Secret, "");
        Assert.Equal("2", first.Watermark);

        var nothingNew = await Api.GetActivitiesAsync(conversation.ConversationId, TriageBotFactory.Secret, first.Watermark);
        Assert.Empty(nothingNew.Activities);
        Assert.Equal("2", nothingNew.Watermark);

        var id = await Api.PostMessageAsync(conversation.ConversationId, TriageBotFactory.Secret, "Deutsch");
        var next = await Api.GetActivitiesAsync(conversation.ConversationId, TriageBotFactory.Secret, first.Watermark);
        Assert.Equal("6", next.Watermark); // the echo, then language set, consent intro and consent question
        Assert.Equal(id, DirectLineApi.Str(next.Activities[0], "id"));
        Assert.Equal(new ReplyKey("de", TextKeys.LanguageSet), ReplyKeys.Identify(next.Activities[1]));

        var partial = await Api.GetActivitiesAsync(conversation.ConversationId, TriageBotFactory.Secret, "5");
        Assert.Equal("6", partial.Watermark);
        Assert.Equal($"{conversation.ConversationId}|0000006", DirectLineApi.Str(Assert.Single(partial.Activities), "id"));
    }

    [Fact]
    public async Task Empty_conversation_answers_an_empty_array()
    {
        var conversation = await Api.StartAsync(TriageBotFactory.Secret, """{"user":{}}""");

        var page = await Api.GetActivitiesAsync(conversation.ConversationId, TriageBotFactory.Secret);

        Assert.Empty(page.Activities);
        Assert.Equal("0", page.Watermark);
    }

    [Fact]
    public async Task Token_holder_reads_and_posts_in_its_own_conversation()
    {
        var generated = await Api.GenerateTokenAsync();
        var conversation = await Api.StartAsync(generated.Token);

        var id = await Api.PostMessageAsync(conversation.ConversationId, conversation.Token, "English");

        var history = await Api.GetActivitiesAsync(conversation.ConversationId, generated.Token);
        Assert.Contains(history.Activities, a => a?["replyToId"]?.GetValue<string>() == id);
    }

    [Fact]
    public async Task Client_typing_is_not_answered_and_stays_out_of_polled_history()
    {
        var conversation = await Api.StartWithUserAsync();

        using var response = await Api.PostActivityRawAsync(conversation.ConversationId, TriageBotFactory.Secret, """{"type":"typing","from":{"id":"user-1"}}""");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var history = await Api.GetActivitiesAsync(conversation.ConversationId, TriageBotFactory.Secret);
        Assert.DoesNotContain(history.Activities, a => a?["type"]?.GetValue<string>() == "typing");
        Assert.Equal(2, history.Activities.Count);
    }

    private static DateTimeOffset Timestamp(JsonNode activity) =>
        DateTimeOffset.Parse(DirectLineApi.Str(activity, "timestamp"), CultureInfo.InvariantCulture);
}
