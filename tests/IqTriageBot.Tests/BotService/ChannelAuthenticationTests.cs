using System.Net;
using IqTriageBot.Dialogs;
using IqTriageBot.Host.Channels.BotService;
using IqTriageBot.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.IdentityModel.Tokens;

namespace IqTriageBot.Tests.BotService;

/// <summary>
/// Channel → bot authentication on /api/messages (PROTOCOLS 2.4–2.6) against a fake Bot Connector whose
/// keys the tests sign with: a good token is served and answered through the Connector with the bot's own
/// token; every bad one is a 401 with nothing stored and nothing sent.
/// </summary>
public class ChannelAuthenticationTests : ConnectorTest
{
    public enum Spoiled
    {
        MissingHeader,
        WrongScheme,
        NotAJwt,
        Expired,
        NotYetValid,
        WrongAudience,
        WrongIssuer,
        UnknownKey,
        ForgedSignature,
        MissingEndorsement,
        MismatchedServiceUrl,
        MissingServiceUrlClaim,
        EmulatorTokenForAnotherApp,
        EmulatorIssuerSignedWithChannelKey,
        EmulatorTokenWithoutVersion,
    }

    [Fact]
    public async Task Valid_token_is_served_and_replies_reach_the_connector_with_the_bots_bearer_token()
    {
        const string conversation = "a:1Xy9|personal;messageid=17@thread.v2";
        using var greeted = await PostAsync(Activity("conversationUpdate", conversation), Fake.ChannelToken(Now));
        using var answered = await PostAsync(Activity("message", conversation, id: "1712|0001", text: "English"), Fake.ChannelToken(Now));

        Assert.Equal(HttpStatusCode.OK, greeted.StatusCode);
        Assert.Equal(HttpStatusCode.OK, answered.StatusCode);
        Assert.Equal(string.Empty, await answered.Content.ReadAsStringAsync());
        await DeliveredAsync();

        var received = Fake.Received.ToList();
        Assert.All(received, r => Assert.Equal("Bearer connector-token-1", r.Authorization));
        Assert.Equal([TextKeys.Greeting, TextKeys.ChooseLanguage, TextKeys.LanguageSet, "consent.intro", "consent.ask"], ReplyKeys.KeysOf(Fake.Messages()));

        // The greeting answers no message: sent to the conversation. The rest reply to the message, ids URL-encoded.
        var encoded = Uri.EscapeDataString(conversation);
        Assert.Equal($"/v3/conversations/{encoded}/activities", received[0].RawPath);
        var typing = received.Single(r => r.Activity["type"]!.GetValue<string>() == "typing");
        Assert.Equal($"/v3/conversations/{encoded}/activities/1712%7C0001", typing.RawPath);
        Assert.True(received.IndexOf(typing) < received.FindIndex(r => r.Activity["replyToId"]?.GetValue<string>() == "1712|0001" && r.Activity["type"]!.GetValue<string>() == "message"),
            "The typing indicator comes before the turn's replies.");
        var reply = Fake.Messages()[2];
        Assert.Equal("29:user-1", reply["recipient"]!["id"]!.GetValue<string>());
        Assert.Equal("28:" + FakeBotFramework.AppId, reply["from"]!["id"]!.GetValue<string>());
        Assert.Equal("msteams", DirectLineApi.Str(reply, "channelId"));

        // One client-credentials token, multi-tenant authority, cached for every reply.
        var tokenRequest = Assert.Single(Fake.TokenRequests);
        Assert.Equal("botframework.com", tokenRequest.Tenant);
        Assert.Equal("client_credentials", tokenRequest.Form["grant_type"]);
        Assert.Equal(FakeBotFramework.AppId, tokenRequest.Form["client_id"]);
        Assert.Equal(FakeBotFramework.AppPassword, tokenRequest.Form["client_secret"]);
        Assert.Equal("https://api.botframework.com/.default", tokenRequest.Form["scope"]);

        var address = await AddressAsync("msteams", conversation);
        Assert.NotNull(address);
        Assert.Equal(Fake.ServiceUrl, address.ServiceUrl);
        Assert.Equal("29:user-1", address.UserId);
        Assert.Equal("28:" + FakeBotFramework.AppId, address.BotId);
        Assert.Equal("tenant-1", address.TenantId);
    }

    [Theory]
    [InlineData(Spoiled.MissingHeader)]
    [InlineData(Spoiled.WrongScheme)]
    [InlineData(Spoiled.NotAJwt)]
    [InlineData(Spoiled.Expired)]
    [InlineData(Spoiled.NotYetValid)]
    [InlineData(Spoiled.WrongAudience)]
    [InlineData(Spoiled.WrongIssuer)]
    [InlineData(Spoiled.UnknownKey)]
    [InlineData(Spoiled.ForgedSignature)]
    [InlineData(Spoiled.MissingEndorsement)]
    [InlineData(Spoiled.MismatchedServiceUrl)]
    [InlineData(Spoiled.MissingServiceUrlClaim)]
    [InlineData(Spoiled.EmulatorTokenForAnotherApp)]
    [InlineData(Spoiled.EmulatorIssuerSignedWithChannelKey)]
    [InlineData(Spoiled.EmulatorTokenWithoutVersion)]
    public async Task Bad_or_missing_token_is_401_and_nothing_is_processed(Spoiled spoiled)
    {
        var activity = Activity("message", "conv-bad", text: "English", channel: spoiled == Spoiled.MissingEndorsement ? "telegram" : "msteams");
        using var unknown = new TestKey("not-published");
        var now = Now;
        var (token, scheme) = spoiled switch
        {
            Spoiled.MissingHeader => (null, "Bearer"),
            Spoiled.WrongScheme => (Fake.ChannelToken(now), "Basic"),
            Spoiled.NotAJwt => ("not-a-token", "Bearer"),
            Spoiled.Expired => (Fake.ChannelToken(now, change: d => (d.NotBefore, d.Expires) = (now.UtcDateTime.AddHours(-2), now.UtcDateTime.AddMinutes(-6))), "Bearer"),
            Spoiled.NotYetValid => (Fake.ChannelToken(now, change: d => (d.IssuedAt, d.NotBefore, d.Expires) = (now.UtcDateTime.AddMinutes(6), now.UtcDateTime.AddMinutes(6), now.UtcDateTime.AddHours(1))), "Bearer"),
            Spoiled.WrongAudience => (Fake.ChannelToken(now, change: d => d.Audience = "another-bot"), "Bearer"),
            Spoiled.WrongIssuer => (Fake.ChannelToken(now, change: d => d.Issuer = "https://api.botframework.example"), "Bearer"),
            Spoiled.UnknownKey => (Fake.ChannelToken(now, key: unknown), "Bearer"),
            Spoiled.ForgedSignature => (Fake.ChannelToken(now, change: d => d.SigningCredentials = new SigningCredentials(new RsaSecurityKey(System.Security.Cryptography.RSA.Create(2048)) { KeyId = Fake.ChannelKey.Id }, SecurityAlgorithms.RsaSha256)), "Bearer"),
            Spoiled.MissingEndorsement => (Fake.ChannelToken(now), "Bearer"),
            Spoiled.MismatchedServiceUrl => (Fake.ChannelToken(now, serviceUrl: "https://smba.trafficmanager.net/emea/"), "Bearer"),
            Spoiled.MissingServiceUrlClaim => (Fake.ChannelToken(now, change: d => d.Claims.Clear()), "Bearer"),
            Spoiled.EmulatorTokenForAnotherApp => (Fake.EmulatorToken(now, appId: "another-bot"), "Bearer"),
            Spoiled.EmulatorIssuerSignedWithChannelKey => (Fake.EmulatorToken(now, key: Fake.ChannelKey), "Bearer"),
            Spoiled.EmulatorTokenWithoutVersion => (Fake.EmulatorToken(now, version: "3.0"), "Bearer"),
            _ => throw new ArgumentOutOfRangeException(nameof(spoiled)),
        };

        using var response = await PostAsync(activity, token, scheme);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.DoesNotContain("Bearer", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        await DeliveredAsync();
        Assert.Empty(Fake.Received);
        Assert.False(await StateStoredAsync(activity["channelId"]!.GetValue<string>(), "conv-bad"));
        Assert.Null(await AddressAsync(activity["channelId"]!.GetValue<string>(), "conv-bad"));
    }

    [Fact]
    public async Task Five_minutes_of_clock_skew_are_tolerated_on_both_ends()
    {
        var now = Now;
        var justExpired = Fake.ChannelToken(now, change: d => (d.NotBefore, d.Expires) = (now.UtcDateTime.AddHours(-1), now.UtcDateTime.AddMinutes(-4)));
        var almostValid = Fake.ChannelToken(now, change: d => (d.IssuedAt, d.NotBefore, d.Expires) = (now.UtcDateTime.AddMinutes(4), now.UtcDateTime.AddMinutes(4), now.UtcDateTime.AddHours(1)));

        using var first = await PostAsync(Activity("conversationUpdate", "skew-1"), justExpired);
        using var second = await PostAsync(Activity("conversationUpdate", "skew-2"), almostValid);

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        Assert.True(await StateStoredAsync("msteams", "skew-2"));
    }

    [Theory]
    [InlineData("1.0")]
    [InlineData("2.0")]
    public async Task Emulator_token_is_validated_against_entra_keys_without_a_serviceurl_claim(string version)
    {
        var activity = Activity("conversationUpdate", "emu-1", channel: "emulator");

        using var response = await PostAsync(activity, Fake.EmulatorToken(Now, version: version));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        await DeliveredAsync();
        Assert.Equal([TextKeys.Greeting, TextKeys.ChooseLanguage], ReplyKeys.KeysOf(Fake.Messages()));
        Assert.True(await StateStoredAsync("emulator", "emu-1"));
    }

    [Fact]
    public async Task A_rotated_key_is_fetched_once_and_further_unknown_keys_wait_for_the_rate_limit()
    {
        using var first = await PostAsync(Activity("conversationUpdate", "rot-1"), Fake.ChannelToken(Now));
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(1, Fake.ChannelKeyFetches);

        using var rotated = new TestKey("channel-key-2");
        Fake.ChannelKeys[rotated.Id] = (rotated, ["msteams"]);
        using var second = await PostAsync(Activity("conversationUpdate", "rot-2"), Fake.ChannelToken(Now, key: rotated));
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        Assert.Equal(2, Fake.ChannelKeyFetches);

        using var later = new TestKey("channel-key-3");
        Fake.ChannelKeys[later.Id] = (later, ["msteams"]);
        using var third = await PostAsync(Activity("conversationUpdate", "rot-3"), Fake.ChannelToken(Now, key: later));
        Assert.Equal(HttpStatusCode.Unauthorized, third.StatusCode);
        Assert.Equal(2, Fake.ChannelKeyFetches);

        Factory.Clock.Advance(TimeSpan.FromMinutes(61));
        using var fourth = await PostAsync(Activity("conversationUpdate", "rot-4"), Fake.ChannelToken(Now, key: later));
        Assert.Equal(HttpStatusCode.OK, fourth.StatusCode);
        Assert.Equal(3, Fake.ChannelKeyFetches);
    }

    [Fact]
    public async Task Keys_are_fetched_again_after_a_day()
    {
        using var first = await PostAsync(Activity("conversationUpdate", "day-1"), Fake.ChannelToken(Now));
        Factory.Clock.Advance(TimeSpan.FromHours(25));

        using var second = await PostAsync(Activity("conversationUpdate", "day-2"), Fake.ChannelToken(Now));

        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        Assert.Equal(2, Fake.ChannelKeyFetches);
    }

    [Fact]
    public async Task Malformed_activity_with_a_token_is_400_and_nothing_is_stored()
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/messages") { Content = DirectLineApi.Json("{not json") };
        request.Headers.Authorization = new("Bearer", Fake.ChannelToken(Now));

        using var response = await Http.SendAsync(request);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Empty(Fake.Received);
    }

    [Fact]
    public async Task After_a_restart_stored_addresses_still_reach_the_person()
    {
        using (var greeted = await PostAsync(Activity("conversationUpdate", "restart-1"), Fake.ChannelToken(Now)))
        {
            Assert.Equal(HttpStatusCode.OK, greeted.StatusCode);
        }

        await DeliveredAsync();
        var before = Fake.Received.Count;
        await using var restarted = new TriageBotFactory(Fake.HostSettings(), Factory.DataDirectory);
        using var client = restarted.CreateClient();
        var engine = restarted.Services.GetRequiredService<IqTriageBot.Host.Hosting.LiveContent>().Engine;
        var address = new IqTriageBot.Domain.Bookings.ConversationAddress("msteams", "restart-1", "29:user-1", Fake.ServiceUrl, "en");

        var delivered = await restarted.Services.GetRequiredService<IqTriageBot.Host.Bookings.ProactiveMessages>().SendAsync(address, engine.Apology(null), CancellationToken.None);

        Assert.True(delivered);
        var sent = Fake.Received.Skip(before).Single();
        Assert.Equal("/v3/conversations/restart-1/activities", sent.RawPath);
        Assert.StartsWith("Bearer connector-token-", sent.Authorization, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Erasing_the_conversation_deletes_its_stored_address()
    {
        using var response = await PostAsync(Activity("conversationUpdate", "erase-1"), Fake.ChannelToken(Now));
        Assert.NotNull(await AddressAsync("msteams", "erase-1"));

        await Factory.Services.GetRequiredService<IqTriageBot.Host.Bot.PersonalDataEraser>().EraseAsync("msteams", "erase-1", CancellationToken.None);

        Assert.Null(await AddressAsync("msteams", "erase-1"));
    }
}

/// <summary>A single-tenant registration asks its own tenant's token endpoint.</summary>
public class SingleTenantConnectorTests() : ConnectorTest(new Dictionary<string, string?> { ["Bot:MicrosoftAppTenantId"] = "7d1c0a3e-1111-4222-8333-444455556666" })
{
    [Fact]
    public async Task Token_comes_from_the_tenants_endpoint()
    {
        using var response = await PostAsync(Activity("conversationUpdate", "st-1"), Fake.ChannelToken(Now));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        await DeliveredAsync();
        Assert.Equal("7d1c0a3e-1111-4222-8333-444455556666", Assert.Single(Fake.TokenRequests).Tenant);
        Assert.Equal(2, Fake.Messages().Count);
    }
}

/// <summary>When Entra ID refuses the bot's credentials, replies are held back rather than sent without a token.</summary>
public class RefusedCredentialsConnectorTests() : ConnectorTest(new Dictionary<string, string?> { ["Bot:MicrosoftAppPassword"] = "wrong-secret", ["Bot:SendAttempts"] = "2" })
{
    [Fact]
    public async Task No_reply_goes_out_without_the_bots_token()
    {
        using var response = await PostAsync(Activity("conversationUpdate", "nocred-1"), Fake.ChannelToken(Now));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        await DeliveredAsync();
        Assert.NotEmpty(Fake.TokenRequests);
        Assert.Empty(Fake.Received);
    }
}

/// <summary>The Connector refusing the bot's token once (revoked early): a new token is fetched and the reply sent with it.</summary>
public class RefusedBotTokenConnectorTests : ConnectorTest
{
    [Fact]
    public async Task A_401_from_the_connector_fetches_a_new_token_once()
    {
        Fake.Script((401, null));

        using var response = await PostAsync(Activity("conversationUpdate", "tok-1"), Fake.ChannelToken(Now));

        await DeliveredAsync();
        Assert.Equal(["Bearer connector-token-1", "Bearer connector-token-2", "Bearer connector-token-2"], Fake.Received.Select(r => r.Authorization));
        Assert.Equal([401, 200, 200], Fake.Received.Select(r => r.Status));
    }
}

/// <summary>Without an app id (local development) the Emulator on this machine is served unauthenticated, and answered without a token.</summary>
public class LocalEmulatorConnectorTests : ConnectorTest
{
    public LocalEmulatorConnectorTests()
        : base(new Dictionary<string, string?> { ["Bot:MicrosoftAppId"] = "", ["Bot:MicrosoftAppPassword"] = "" }) =>
        Factory.SimulateRemoteCaller = false;

    [Fact]
    public async Task Replies_go_to_the_emulators_service_url_without_authorization()
    {
        using var response = await PostAsync(Activity("message", "local-1", text: "hello", channel: "emulator"), token: null);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        await DeliveredAsync();
        Assert.NotEmpty(Fake.Messages());
        Assert.All(Fake.Received, r => Assert.Equal(string.Empty, r.Authorization));
        Assert.Empty(Fake.TokenRequests);
    }
}
