using System.Net;
using IqTriageBot.Dialogs;
using IqTriageBot.Tests.Infrastructure;

namespace IqTriageBot.Tests.DirectLine;

/// <summary>Checklist 3.12 items 2, 3 and 8: starting, resuming and keeping a conversation's credentials.</summary>
public class StartConversationTests : IntegrationTest
{
    [Fact]
    public async Task Secret_with_user_starts_a_conversation_with_everything_a_client_needs()
    {
        var started = await Api.StartWithUserAsync("user-1");

        Assert.Equal(HttpStatusCode.Created, started.Status);
        AssertConversation(started);
        var history = await Api.GetActivitiesAsync(started.ConversationId, TriageBotFactory.Secret);
        Assert.Equal([TextKeys.Greeting, TextKeys.ChooseLanguage], ReplyKeys.KeysOf(history.Activities));
    }

    [Fact]
    public async Task Secret_without_user_starts_a_conversation_and_the_first_message_is_greeted()
    {
        var started = await Api.StartAsync(TriageBotFactory.Secret, """{"user":{}}""");

        Assert.Equal(HttpStatusCode.Created, started.Status);
        AssertConversation(started);
        var id = await Api.PostMessageAsync(started.ConversationId, TriageBotFactory.Secret, "hi", from: "r_abc");
        var history = await Api.GetActivitiesAsync(started.ConversationId, TriageBotFactory.Secret);
        Assert.Equal(id, DirectLineApi.Str(history.Activities[0], "id"));
        Assert.Equal([TextKeys.Greeting, TextKeys.ChooseLanguage], ReplyKeys.KeysOf(history.Activities.Skip(1)));
    }

    [Fact]
    public async Task Secret_without_any_body_starts_a_conversation()
    {
        using var response = await Api.SendAsync(HttpMethod.Post, $"{DirectLineApi.Base}/conversations", TriageBotFactory.Secret);

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
    }

    [Fact]
    public async Task PascalCase_user_is_accepted()
    {
        var started = await Api.StartAsync(TriageBotFactory.Secret, """{"User":{"Id":"user-7"},"Locale":"uk-UA"}""");

        var history = await Api.GetActivitiesAsync(started.ConversationId, TriageBotFactory.Secret);
        var greeting = ReplyKeys.Identify(history.Activities[0]);
        Assert.Equal(new ReplyKey("uk", TextKeys.Greeting), greeting);
        Assert.Equal("user-7", history.Activities[0]!["recipient"]?["id"]?.GetValue<string>());
    }

    [Fact]
    public async Task Generated_token_starts_its_conversation_once_then_answers_200()
    {
        var generated = await Api.GenerateTokenAsync();

        var first = await Api.StartAsync(generated.Token);
        var second = await Api.StartAsync(generated.Token);

        Assert.Equal(HttpStatusCode.Created, first.Status);
        Assert.Equal(HttpStatusCode.OK, second.Status);
        Assert.Equal(generated.ConversationId, first.ConversationId);
        Assert.Equal(generated.ConversationId, second.ConversationId);
        AssertConversation(first);
        AssertConversation(second);
        var history = await Api.GetActivitiesAsync(generated.ConversationId, generated.Token);
        Assert.Equal([TextKeys.Greeting, TextKeys.ChooseLanguage], ReplyKeys.KeysOf(history.Activities));
    }

    [Fact]
    public async Task Generated_token_carries_a_reserved_user_id()
    {
        var generated = await Api.GenerateTokenAsync();

        Assert.StartsWith("dl_", Jwt.Payload(generated.Token)["user"]?.GetValue<string>(), StringComparison.Ordinal);
        Assert.True(generated.ExpiresIn >= 1800);
    }

    [Fact]
    public async Task Generated_token_keeps_the_user_the_secret_holder_asked_for()
    {
        var generated = await Api.GenerateTokenAsync("dl_partner-user");

        Assert.Equal("dl_partner-user", Jwt.Payload(generated.Token)["user"]?.GetValue<string>());
    }

    [Fact]
    public async Task Token_cannot_generate_tokens()
    {
        var generated = await Api.GenerateTokenAsync();

        using var response = await Api.SendAsync(HttpMethod.Post, $"{DirectLineApi.Base}/tokens/generate", generated.Token, DirectLineApi.Json("{}"));

        await DirectLineApi.AssertErrorAsync(response, HttpStatusCode.Unauthorized, "Unauthorized");
    }

    [Fact]
    public async Task Reconnect_returns_a_new_token_and_a_stream_url_with_the_watermark()
    {
        var generated = await Api.GenerateTokenAsync();
        var started = await Api.StartAsync(generated.Token);

        var resumed = await Api.ReconnectAsync(started.ConversationId, started.Token, "2");

        Assert.Equal(started.ConversationId, resumed.ConversationId);
        Assert.NotEqual(started.Token, resumed.Token);
        Assert.NotEqual(started.StreamUrl, resumed.StreamUrl);
        AssertConversation(resumed);
        Assert.Contains("watermark=2", new Uri(resumed.StreamUrl).Query, StringComparison.Ordinal);
        Assert.Equal(2, (await Api.GetActivitiesAsync(resumed.ConversationId, resumed.Token)).Activities.Count);
    }

    [Fact]
    public async Task Reconnect_without_watermark_leaves_it_out_of_the_stream_url()
    {
        var started = await Api.StartWithUserAsync();

        var resumed = await Api.ReconnectAsync(started.ConversationId, TriageBotFactory.Secret, watermark: null);

        Assert.DoesNotContain("watermark", new Uri(resumed.StreamUrl).Query, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Reconnect_with_a_generated_token_starts_the_reserved_conversation()
    {
        var generated = await Api.GenerateTokenAsync();

        var resumed = await Api.ReconnectAsync(generated.ConversationId, generated.Token, watermark: null);

        AssertConversation(resumed);
        var history = await Api.GetActivitiesAsync(generated.ConversationId, generated.Token);
        Assert.Equal([TextKeys.Greeting, TextKeys.ChooseLanguage], ReplyKeys.KeysOf(history.Activities));
    }

    [Fact]
    public async Task Refresh_gives_a_new_token_for_the_same_conversation_and_user()
    {
        var generated = await Api.GenerateTokenAsync();
        await Api.StartAsync(generated.Token);
        Factory.Clock.Advance(TimeSpan.FromMinutes(15));

        using var response = await Api.SendAsync(HttpMethod.Post, $"{DirectLineApi.Base}/tokens/refresh", generated.Token);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var json = await DirectLineApi.ReadObjectAsync(response);
        var refreshed = DirectLineApi.Str(json, "token");
        Assert.NotEqual(generated.Token, refreshed);
        Assert.Equal(generated.ConversationId, DirectLineApi.Str(json, "conversationId"));
        Assert.True(json["expires_in"]!.GetValue<int>() >= 1800);
        Assert.Equal(Jwt.Payload(generated.Token)["user"]?.GetValue<string>(), Jwt.Payload(refreshed)["user"]?.GetValue<string>());

        // The refreshed token outlives the original one.
        Factory.Clock.Advance(TimeSpan.FromMinutes(50));
        await Api.PostMessageAsync(generated.ConversationId, refreshed, "English");
        using var old = await Api.GetActivitiesRawAsync(generated.ConversationId, generated.Token);
        Assert.Equal(HttpStatusCode.Forbidden, old.StatusCode);
    }

    [Fact]
    public async Task Secret_cannot_be_refreshed()
    {
        using var response = await Api.SendAsync(HttpMethod.Post, $"{DirectLineApi.Base}/tokens/refresh", TriageBotFactory.Secret);

        await DirectLineApi.AssertErrorAsync(response, HttpStatusCode.BadRequest, "BadArgument");
    }

    [Fact]
    public async Task Token_user_overrides_the_from_id_a_client_sends()
    {
        var generated = await Api.GenerateTokenAsync();
        await Api.StartAsync(generated.Token);

        var id = await Api.PostMessageAsync(generated.ConversationId, generated.Token, "hello", from: "somebody-else");

        var history = await Api.GetActivitiesAsync(generated.ConversationId, generated.Token);
        var echo = history.Activities.Single(a => DirectLineApi.Str(a, "id") == id);
        Assert.Equal(Jwt.Payload(generated.Token)["user"]!.GetValue<string>(), echo!["from"]?["id"]?.GetValue<string>());
    }

    [Fact]
    public async Task Version_root_and_session_id_answer_for_client_compatibility()
    {
        using var root = await Http.GetAsync(DirectLineApi.Base + "/");
        using var session = await Http.GetAsync(DirectLineApi.Base + "/session/getsessionid");

        Assert.Equal(HttpStatusCode.OK, root.StatusCode);
        Assert.Equal(HttpStatusCode.OK, session.StatusCode);
        Assert.Equal(string.Empty, DirectLineApi.Str(await DirectLineApi.ReadObjectAsync(session), "sessionId"));
    }

    private static void AssertConversation(ConversationInfo conversation)
    {
        Assert.Matches("^[A-Za-z0-9_-]+$", conversation.ConversationId);
        Assert.False(string.IsNullOrWhiteSpace(conversation.Token));
        Assert.True(conversation.ExpiresIn >= 1800, $"expires_in is {conversation.ExpiresIn}");
        var stream = new Uri(conversation.StreamUrl, UriKind.Absolute);
        Assert.Equal("ws", stream.Scheme);
        Assert.Equal($"/v3/directline/conversations/{conversation.ConversationId}/stream", stream.AbsolutePath);
        Assert.Contains("t=", stream.Query, StringComparison.Ordinal);
    }
}
