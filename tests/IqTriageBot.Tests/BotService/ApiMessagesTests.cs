using System.Net;
using System.Text.Json.Nodes;
using IqTriageBot.Dialogs;
using IqTriageBot.Tests.Infrastructure;

namespace IqTriageBot.Tests.BotService;

/// <summary>POST /api/messages (sections 1.6 and 2.1): the Emulator and test harnesses talk to the bot here.</summary>
public class ApiMessagesTests : IntegrationTest
{
    private static JsonObject ConversationUpdate(string conversation) => new()
    {
        ["type"] = "conversationUpdate",
        ["id"] = "update-1",
        ["channelId"] = "emulator",
        ["from"] = new JsonObject { ["id"] = "user-1" },
        ["recipient"] = new JsonObject { ["id"] = "bot" },
        ["conversation"] = new JsonObject { ["id"] = conversation },
        ["membersAdded"] = new JsonArray(new JsonObject { ["id"] = "bot" }, new JsonObject { ["id"] = "user-1" }),
        ["deliveryMode"] = "expectReplies",
    };

    private static JsonObject Message(string conversation, string id, string text) => new()
    {
        ["type"] = "message",
        ["id"] = id,
        ["channelId"] = "emulator",
        ["from"] = new JsonObject { ["id"] = "user-1" },
        ["recipient"] = new JsonObject { ["id"] = "bot" },
        ["conversation"] = new JsonObject { ["id"] = conversation },
        ["text"] = text,
        ["deliveryMode"] = "expectReplies",
    };

    [Fact]
    public async Task ExpectReplies_returns_the_greeting_then_the_language_confirmation()
    {
        using var greeted = await PostAsync(ConversationUpdate("conv-1").ToJsonString());

        Assert.Equal(HttpStatusCode.OK, greeted.StatusCode);
        var greeting = (await DirectLineApi.ReadObjectAsync(greeted))["activities"]!.AsArray();
        Assert.Equal([TextKeys.Greeting, TextKeys.ChooseLanguage], ReplyKeys.KeysOf(greeting));
        Assert.All(greeting, a => Assert.Equal("conv-1", a!["conversation"]?["id"]?.GetValue<string>()));
        Assert.All(greeting, a => Assert.Equal("user-1", a!["recipient"]?["id"]?.GetValue<string>()));
        Assert.Equal(ReplyKeys.Content.Languages.Count, greeting[1]!["suggestedActions"]?["actions"]?.AsArray().Count);

        using var chosen = await PostAsync(Message("conv-1", "m-1", "arabic").ToJsonString());

        Assert.Equal(HttpStatusCode.OK, chosen.StatusCode);
        var replies = (await DirectLineApi.ReadObjectAsync(chosen))["activities"]!.AsArray();
        Assert.Equal([TextKeys.LanguageSet, "consent.intro", "consent.ask"], ReplyKeys.KeysOf(replies));
        var reply = replies[0]!;
        Assert.Equal(new ReplyKey("ar", TextKeys.LanguageSet), ReplyKeys.Identify(reply));
        Assert.Equal("m-1", DirectLineApi.Str(reply, "replyToId"));
        Assert.Equal("ar-SA", DirectLineApi.Str(reply, "locale"));
    }

    [Fact]
    public async Task Conversations_on_different_channels_keep_separate_state()
    {
        using var first = await PostAsync(Message("shared-id", "m-1", "Deutsch").ToJsonString());
        var other = Message("shared-id", "m-1", "hello");
        other["channelId"] = "test";

        using var second = await PostAsync(other.ToJsonString());

        var keys = ReplyKeys.KeysOf((await DirectLineApi.ReadObjectAsync(second))["activities"]!.AsArray());
        Assert.Equal([TextKeys.Greeting, TextKeys.ChooseLanguage], keys);
    }

    [Fact]
    public async Task Without_expectReplies_the_call_is_acknowledged_with_an_empty_200()
    {
        var message = Message("conv-2", "m-1", "hello");
        message.Remove("deliveryMode");

        using var response = await PostAsync(message.ToJsonString());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(string.Empty, await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Remote_caller_without_channel_authentication_is_refused()
    {
        Factory.SimulateRemoteCaller = true;

        using var response = await PostAsync(ConversationUpdate("conv-3").ToJsonString());

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Theory]
    [InlineData("{not json", HttpStatusCode.BadRequest)]
    [InlineData("""{"text":"no type","conversation":{"id":"c"}}""", HttpStatusCode.BadRequest)]
    [InlineData("""{"type":"","conversation":{"id":"c"}}""", HttpStatusCode.BadRequest)]
    [InlineData("""{"type":"message","text":"no conversation"}""", HttpStatusCode.BadRequest)]
    [InlineData("", HttpStatusCode.BadRequest)]
    public async Task Malformed_or_incomplete_activity_is_a_bad_request(string body, HttpStatusCode expected)
    {
        using var response = await PostAsync(body);

        Assert.Equal(expected, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Body_over_256_KB_is_too_large()
    {
        var huge = Message("conv-4", "m-1", new string('x', 257 * 1024)).ToJsonString();

        using var response = await PostAsync(huge);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
    }

    [Fact]
    public async Task Unknown_activity_types_are_accepted_and_ignored()
    {
        var unknown = Message("conv-5", "m-1", "x");
        unknown["type"] = "messageReaction";

        using var response = await PostAsync(unknown.ToJsonString());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Empty((await DirectLineApi.ReadObjectAsync(response))["activities"]!.AsArray());
    }

    private Task<HttpResponseMessage> PostAsync(string body) => Http.PostAsync("/api/messages", DirectLineApi.Json(body));
}

/// <summary>With an app id configured, anonymous calls are refused even from this machine.</summary>
public class ApiMessagesWithAppIdTests() : IntegrationTest(new Dictionary<string, string?> { ["Bot:MicrosoftAppId"] = "00000000-0000-0000-0000-000000000001" })
{
    [Fact]
    public async Task Loopback_caller_is_refused_when_an_app_id_is_configured()
    {
        const string body = """{"type":"message","text":"hi","from":{"id":"u"},"conversation":{"id":"c"},"deliveryMode":"expectReplies"}""";

        using var response = await Http.PostAsync("/api/messages", DirectLineApi.Json(body));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }
}
