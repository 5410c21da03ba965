using System.Net;
using IqTriageBot.Tests.Infrastructure;

namespace IqTriageBot.Tests.DirectLine;

/// <summary>
/// Checklist 3.12 item 6 and section 3.6: each mistake gets its status and {error:{code,message}},
/// and none of them touches the stored history.
/// </summary>
public class ErrorTests : IntegrationTest
{
    private const string Message = """{"type":"message","from":{"id":"user-1"},"text":"hello"}""";

    [Fact]
    public async Task Token_for_another_conversation_is_forbidden()
    {
        var mine = await Api.GenerateTokenAsync();
        var other = await Api.StartWithUserAsync("user-2");
        var before = await HistoryAsync(other.ConversationId);

        using var post = await Api.PostActivityRawAsync(other.ConversationId, mine.Token, Message);
        using var get = await Api.GetActivitiesRawAsync(other.ConversationId, mine.Token);
        using var reconnect = await Api.SendAsync(HttpMethod.Get, $"{DirectLineApi.Base}/conversations/{other.ConversationId}", mine.Token);

        await DirectLineApi.AssertErrorAsync(post, HttpStatusCode.Forbidden, "Forbidden");
        await DirectLineApi.AssertErrorAsync(get, HttpStatusCode.Forbidden, "Forbidden");
        await DirectLineApi.AssertErrorAsync(reconnect, HttpStatusCode.Forbidden, "Forbidden");
        Assert.Equal(before, await HistoryAsync(other.ConversationId));
    }

    [Fact]
    public async Task Expired_token_gets_TokenExpired_everywhere()
    {
        var generated = await Api.GenerateTokenAsync();
        var conversation = await Api.StartAsync(generated.Token);
        var before = await HistoryAsync(conversation.ConversationId);

        Factory.Clock.Advance(TimeSpan.FromSeconds(3601));
        using var post = await Api.PostActivityRawAsync(conversation.ConversationId, conversation.Token, Message);
        using var get = await Api.GetActivitiesRawAsync(conversation.ConversationId, conversation.Token);
        using var refresh = await Api.SendAsync(HttpMethod.Post, $"{DirectLineApi.Base}/tokens/refresh", conversation.Token);
        using var reconnect = await Api.SendAsync(HttpMethod.Get, $"{DirectLineApi.Base}/conversations/{conversation.ConversationId}", conversation.Token);

        await DirectLineApi.AssertErrorAsync(post, HttpStatusCode.Forbidden, "TokenExpired");
        await DirectLineApi.AssertErrorAsync(get, HttpStatusCode.Forbidden, "TokenExpired");
        await DirectLineApi.AssertErrorAsync(refresh, HttpStatusCode.Forbidden, "TokenExpired");
        await DirectLineApi.AssertErrorAsync(reconnect, HttpStatusCode.Forbidden, "TokenExpired");
        Assert.Equal(before, await HistoryAsync(conversation.ConversationId));
    }

    [Theory]
    [InlineData("wrong-secret")]
    [InlineData("a.b.c")]
    public async Task Wrong_credential_is_unauthorized(string credential)
    {
        var conversation = await Api.StartWithUserAsync();
        var before = await HistoryAsync(conversation.ConversationId);

        using var start = await Api.StartRawAsync(credential);
        using var post = await Api.PostActivityRawAsync(conversation.ConversationId, credential, Message);
        using var get = await Api.GetActivitiesRawAsync(conversation.ConversationId, credential);

        await DirectLineApi.AssertErrorAsync(start, HttpStatusCode.Unauthorized, "Unauthorized");
        await DirectLineApi.AssertErrorAsync(post, HttpStatusCode.Unauthorized, "Unauthorized");
        await DirectLineApi.AssertErrorAsync(get, HttpStatusCode.Unauthorized, "Unauthorized");
        Assert.Equal(before, await HistoryAsync(conversation.ConversationId));
    }

    [Fact]
    public async Task Missing_authorization_is_unauthorized()
    {
        var conversation = await Api.StartWithUserAsync();
        var before = await HistoryAsync(conversation.ConversationId);

        using var start = await Api.StartRawAsync(credential: null);
        using var post = await Api.PostActivityRawAsync(conversation.ConversationId, null, Message);
        using var get = await Api.GetActivitiesRawAsync(conversation.ConversationId, null);
        using var generate = await Api.SendAsync(HttpMethod.Post, $"{DirectLineApi.Base}/tokens/generate", null);

        await DirectLineApi.AssertErrorAsync(start, HttpStatusCode.Unauthorized, "Unauthorized");
        await DirectLineApi.AssertErrorAsync(post, HttpStatusCode.Unauthorized, "Unauthorized");
        await DirectLineApi.AssertErrorAsync(get, HttpStatusCode.Unauthorized, "Unauthorized");
        await DirectLineApi.AssertErrorAsync(generate, HttpStatusCode.Unauthorized, "Unauthorized");
        Assert.Equal(before, await HistoryAsync(conversation.ConversationId));
    }

    [Fact]
    public async Task Unknown_conversation_is_not_found()
    {
        using var post = await Api.PostActivityRawAsync("NoSuchConversation", TriageBotFactory.Secret, Message);
        using var get = await Api.GetActivitiesRawAsync("NoSuchConversation", TriageBotFactory.Secret);
        using var reconnect = await Api.SendAsync(HttpMethod.Get, $"{DirectLineApi.Base}/conversations/NoSuchConversation", TriageBotFactory.Secret);

        await DirectLineApi.AssertErrorAsync(post, HttpStatusCode.NotFound, "NotFound");
        await DirectLineApi.AssertErrorAsync(get, HttpStatusCode.NotFound, "NotFound");
        await DirectLineApi.AssertErrorAsync(reconnect, HttpStatusCode.NotFound, "NotFound");
    }

    [Theory]
    [InlineData("{not json")]
    [InlineData("""{"type":"message","from":{"id":"user-1"},"text":"unterminated}""")]
    [InlineData("[1,2,3]")]
    [InlineData("""{"type":"message","from":{"id":"user-1"},"timestamp":"yesterday"}""")]
    public async Task Malformed_json_is_a_bad_argument(string body)
    {
        var conversation = await Api.StartWithUserAsync();
        var before = await HistoryAsync(conversation.ConversationId);

        using var response = await Api.PostActivityRawAsync(conversation.ConversationId, TriageBotFactory.Secret, body);

        await DirectLineApi.AssertErrorAsync(response, HttpStatusCode.BadRequest, "BadArgument");
        Assert.Equal(before, await HistoryAsync(conversation.ConversationId));
    }

    [Theory]
    [InlineData("""{"from":{"id":"user-1"},"text":"no type"}""")]
    [InlineData("""{"type":"message","text":"no sender"}""")]
    [InlineData("")]
    public async Task Incomplete_activity_is_a_bad_argument(string body)
    {
        var conversation = await Api.StartWithUserAsync();
        var before = await HistoryAsync(conversation.ConversationId);

        using var response = await Api.PostActivityRawAsync(conversation.ConversationId, TriageBotFactory.Secret, body);

        await DirectLineApi.AssertErrorAsync(response, HttpStatusCode.BadRequest, "BadArgument");
        Assert.Equal(before, await HistoryAsync(conversation.ConversationId));
    }

    [Fact]
    public async Task Activity_over_256_KB_is_too_large()
    {
        var conversation = await Api.StartWithUserAsync();
        var before = await HistoryAsync(conversation.ConversationId);
        var huge = $$"""{"type":"message","from":{"id":"user-1"},"text":"{{new string('x', 257 * 1024)}}"}""";

        using var response = await Api.PostActivityRawAsync(conversation.ConversationId, TriageBotFactory.Secret, huge);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        await DirectLineApi.AssertErrorAsync(response, HttpStatusCode.RequestEntityTooLarge, "MessageSizeTooBig");
        Assert.Equal(before, await HistoryAsync(conversation.ConversationId));
    }

    [Fact]
    public async Task Activity_just_under_the_limit_is_accepted()
    {
        var conversation = await Api.StartWithUserAsync();
        var big = $$"""{"type":"message","from":{"id":"user-1"},"text":"{{new string('x', 200 * 1024)}}"}""";

        using var response = await Api.PostActivityRawAsync(conversation.ConversationId, TriageBotFactory.Secret, big);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Errors_are_json_with_the_direct_line_content_type()
    {
        using var response = await Api.GetActivitiesRawAsync("NoSuchConversation", TriageBotFactory.Secret);

        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
    }

    private async Task<string> HistoryAsync(string conversationId) =>
        (await Api.GetActivitiesAsync(conversationId, TriageBotFactory.Secret)).Raw;
}
