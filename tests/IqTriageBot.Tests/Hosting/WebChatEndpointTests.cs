using System.Net;
using System.Text.Json.Nodes;
using IqTriageBot.Tests.Infrastructure;

namespace IqTriageBot.Tests.Hosting;

/// <summary>What the chat page at / asks the server for: a token for its conversation and the language list.</summary>
public class WebChatEndpointTests : IntegrationTest
{
    [Fact]
    public async Task New_session_gets_a_token_with_a_reserved_user_for_a_new_conversation()
    {
        var session = await RequestTokenAsync(null);

        Assert.False(session["resumed"]!.GetValue<bool>());
        var token = DirectLineApi.Str(session, "token");
        Assert.StartsWith("dl_", Jwt.Payload(token)["user"]?.GetValue<string>(), StringComparison.Ordinal);
        Assert.True(session["expiresIn"]!.GetValue<int>() >= 1800);

        var started = await Api.StartAsync(token);
        Assert.Equal(HttpStatusCode.Created, started.Status);
        Assert.Equal(DirectLineApi.Str(session, "conversationId"), started.ConversationId);
    }

    [Fact]
    public async Task Resume_with_a_live_token_keeps_the_conversation_and_user()
    {
        var first = await RequestTokenAsync(null);
        var oldToken = DirectLineApi.Str(first, "token");

        var resumed = await RequestTokenAsync(oldToken);

        Assert.True(resumed["resumed"]!.GetValue<bool>());
        Assert.Equal(DirectLineApi.Str(first, "conversationId"), DirectLineApi.Str(resumed, "conversationId"));
        Assert.Equal(Jwt.Payload(oldToken)["user"]?.GetValue<string>(), Jwt.Payload(DirectLineApi.Str(resumed, "token"))["user"]?.GetValue<string>());
    }

    [Fact]
    public async Task Resume_with_a_token_expired_within_a_day_keeps_the_conversation()
    {
        var first = await RequestTokenAsync(null);
        var conversationId = DirectLineApi.Str(first, "conversationId");
        await Api.StartAsync(DirectLineApi.Str(first, "token"));

        Factory.Clock.Advance(TimeSpan.FromHours(20));
        var resumed = await RequestTokenAsync(DirectLineApi.Str(first, "token"));

        Assert.True(resumed["resumed"]!.GetValue<bool>());
        Assert.Equal(conversationId, DirectLineApi.Str(resumed, "conversationId"));
        var history = await Api.GetActivitiesAsync(conversationId, DirectLineApi.Str(resumed, "token"));
        Assert.Equal(2, history.Activities.Count);
    }

    [Fact]
    public async Task Token_expired_longer_than_a_day_starts_afresh()
    {
        var first = await RequestTokenAsync(null);

        Factory.Clock.Advance(TimeSpan.FromHours(26));
        var session = await RequestTokenAsync(DirectLineApi.Str(first, "token"));

        Assert.False(session["resumed"]!.GetValue<bool>());
        Assert.NotEqual(DirectLineApi.Str(first, "conversationId"), DirectLineApi.Str(session, "conversationId"));
    }

    [Theory]
    [InlineData("garbage")]
    [InlineData("a.b.c")]
    public async Task Garbage_token_gets_a_new_conversation(string garbage)
    {
        var first = await RequestTokenAsync(null);

        var session = await RequestTokenAsync(garbage);

        Assert.False(session["resumed"]!.GetValue<bool>());
        Assert.NotEqual(DirectLineApi.Str(first, "conversationId"), DirectLineApi.Str(session, "conversationId"));
    }

    [Fact]
    public async Task Token_request_with_malformed_json_is_a_bad_request()
    {
        using var response = await Http.PostAsync("/api/webchat/token", DirectLineApi.Json("{oops"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task Config_lists_every_language_with_its_direction()
    {
        var config = JsonNode.Parse(await Http.GetStringAsync("/api/webchat/config"))!;

        var languages = config["languages"]!.AsArray();
        Assert.Equal(ReplyKeys.Content.Languages.Count, languages.Count);
        Assert.Contains(languages, l => DirectLineApi.Str(l, "code") == "de-plain");
        Assert.Equal("en", DirectLineApi.Str(config, "defaultLanguage"));
        Assert.Equal(["ar", "fa"], languages.Where(l => DirectLineApi.Str(l, "dir") == "rtl").Select(l => DirectLineApi.Str(l, "code")));
        Assert.All(languages.Where(l => DirectLineApi.Str(l, "dir") != "rtl"), l => Assert.Equal("ltr", DirectLineApi.Str(l, "dir")));
        Assert.Equal("uk-UA", DirectLineApi.Str(languages.Single(l => DirectLineApi.Str(l, "code") == "uk"), "locale"));
        Assert.Equal("العربية", DirectLineApi.Str(languages.Single(l => DirectLineApi.Str(l, "code") == "ar"), "name"));
    }

    [Fact]
    public async Task Chat_page_and_Web_Chat_bundle_are_served()
    {
        using var page = await Http.GetAsync("/");
        using var bundle = await Http.GetAsync("/lib/webchat.js");

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Equal("text/html", page.Content.Headers.ContentType?.MediaType);
        Assert.Equal(HttpStatusCode.OK, bundle.StatusCode);
        Assert.Equal("nosniff", page.Headers.GetValues("X-Content-Type-Options").Single());
    }

    private async Task<JsonObject> RequestTokenAsync(string? previous)
    {
        var body = previous is null ? "{}" : new JsonObject { ["token"] = previous }.ToJsonString();
        using var response = await Http.PostAsync("/api/webchat/token", DirectLineApi.Json(body));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await DirectLineApi.ReadObjectAsync(response);
    }
}
