using IqTriageBot.Host.Channels.DirectLine;
using IqTriageBot.Tests.Infrastructure;
using Microsoft.Extensions.Time.Testing;

namespace IqTriageBot.Tests.DirectLine;

public class DirectLineTokensTests
{
    private static readonly TimeSpan Lifetime = TimeSpan.FromSeconds(1800);
    private readonly FakeTimeProvider _clock = TestClock.Create();
    private readonly DirectLineTokens _tokens;

    public DirectLineTokensTests() => _tokens = new DirectLineTokens(new DirectLineSecret("secret-one"), _clock);

    [Fact]
    public void Issued_token_checks_valid_with_its_grant()
    {
        var token = _tokens.Issue(DirectLineTokens.ConversationKind, "conv1", "dl_user", Lifetime);

        var check = _tokens.Check(token, DirectLineTokens.ConversationKind);

        Assert.Equal(TokenStatus.Valid, check.Status);
        Assert.Equal("conv1", check.Grant!.ConversationId);
        Assert.Equal("dl_user", check.Grant.UserId);
        Assert.Equal(TestClock.Start + Lifetime, check.Grant.ExpiresUtc);
    }

    [Fact]
    public void Token_carries_the_user_claim_that_Web_Chat_reads()
    {
        var token = _tokens.Issue(DirectLineTokens.ConversationKind, "conv1", "dl_user", Lifetime);

        Assert.Equal("dl_user", Jwt.Payload(token)["user"]?.GetValue<string>());
    }

    [Fact]
    public void Tampered_payload_is_invalid()
    {
        var token = _tokens.Issue(DirectLineTokens.ConversationKind, "conv1", "dl_user", Lifetime);
        var payload = Jwt.Payload(token);
        payload["conv"] = "someone-elses-conversation";
        var forged = Jwt.WithPayload(token, payload);

        Assert.Equal(TokenStatus.Invalid, _tokens.Check(forged, DirectLineTokens.ConversationKind).Status);
    }

    [Fact]
    public void Tampered_signature_is_invalid()
    {
        var parts = _tokens.Issue(DirectLineTokens.ConversationKind, "conv1", null, Lifetime).Split('.');
        // The first character carries six full bits of the signature, unlike the last one.
        var signature = (parts[2][0] == 'A' ? 'B' : 'A') + parts[2][1..];

        Assert.Equal(TokenStatus.Invalid, _tokens.Check($"{parts[0]}.{parts[1]}.{signature}", DirectLineTokens.ConversationKind).Status);
    }

    [Theory]
    [InlineData("")]
    [InlineData("not-a-token")]
    [InlineData("a.b.c")]
    [InlineData("a.b")]
    public void Garbage_is_invalid(string token) =>
        Assert.Equal(TokenStatus.Invalid, _tokens.Check(token, DirectLineTokens.ConversationKind).Status);

    [Fact]
    public void Token_of_another_secret_is_invalid()
    {
        var other = new DirectLineTokens(new DirectLineSecret("secret-two"), _clock);
        var token = other.Issue(DirectLineTokens.ConversationKind, "conv1", "dl_user", Lifetime);

        Assert.Equal(TokenStatus.Invalid, _tokens.Check(token, DirectLineTokens.ConversationKind).Status);
    }

    [Fact]
    public void Token_is_valid_until_its_lifetime_ends_then_expired()
    {
        var token = _tokens.Issue(DirectLineTokens.ConversationKind, "conv1", "dl_user", Lifetime);

        _clock.Advance(Lifetime - TimeSpan.FromSeconds(1));
        Assert.Equal(TokenStatus.Valid, _tokens.Check(token, DirectLineTokens.ConversationKind).Status);

        _clock.Advance(TimeSpan.FromSeconds(1));
        var check = _tokens.Check(token, DirectLineTokens.ConversationKind);
        Assert.Equal(TokenStatus.Expired, check.Status);
        Assert.Equal("conv1", check.Grant!.ConversationId);
    }

    [Fact]
    public void Stream_token_is_not_accepted_as_conversation_token()
    {
        var stream = _tokens.Issue(DirectLineTokens.StreamKind, "conv1", null, Lifetime);

        Assert.Equal(TokenStatus.Invalid, _tokens.Check(stream, DirectLineTokens.ConversationKind).Status);
        Assert.Equal(TokenStatus.Valid, _tokens.Check(stream, DirectLineTokens.StreamKind).Status);
    }

    [Fact]
    public void Conversation_token_is_not_accepted_as_stream_token()
    {
        var token = _tokens.Issue(DirectLineTokens.ConversationKind, "conv1", "dl_user", Lifetime);

        Assert.Equal(TokenStatus.Invalid, _tokens.Check(token, DirectLineTokens.StreamKind).Status);
    }
}
