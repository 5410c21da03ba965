using IqTriageBot.Tests.Infrastructure;

namespace IqTriageBot.Tests.DirectLine;

/// <summary>Checklist 3.12 item 10 and section 3.7: browsers on a partner site may call Direct Line.</summary>
public class CorsTests() : IntegrationTest(new Dictionary<string, string?> { ["DirectLine:AllowedOrigins:0"] = Partner })
{
    private const string Partner = "https://partner.example";
    private static readonly string[] ClientHeaders = ["authorization", "content-type", "x-ms-bot-agent", "x-requested-with"];

    [Theory]
    [InlineData("/v3/directline/conversations", "POST")]
    [InlineData("/v3/directline/conversations/abc/activities", "POST")]
    [InlineData("/v3/directline/conversations/abc/activities", "GET")]
    [InlineData("/v3/directline/tokens/refresh", "POST")]
    public async Task Preflight_from_an_allowed_origin_is_answered_with_the_client_headers(string path, string method)
    {
        using var response = await Http.SendAsync(Preflight(path, Partner, method));

        Assert.True(response.IsSuccessStatusCode, $"Preflight answered {(int)response.StatusCode}");
        Assert.Equal(Partner, Header(response, "Access-Control-Allow-Origin"));
        var allowed = Header(response, "Access-Control-Allow-Headers")!.Split(',').Select(h => h.Trim().ToLowerInvariant()).ToList();
        Assert.All(ClientHeaders, h => Assert.Contains(h, allowed));
        Assert.Contains(method, Header(response, "Access-Control-Allow-Methods")!, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Preflight_from_another_origin_gets_no_allow_origin()
    {
        using var response = await Http.SendAsync(Preflight("/v3/directline/conversations", "https://evil.example", "POST"));

        Assert.Null(Header(response, "Access-Control-Allow-Origin"));
    }

    [Fact]
    public async Task Actual_request_from_the_partner_is_allowed_and_from_others_not()
    {
        using var partner = new HttpRequestMessage(HttpMethod.Get, "/v3/directline/");
        partner.Headers.Add("Origin", Partner);
        using var other = new HttpRequestMessage(HttpMethod.Get, "/v3/directline/");
        other.Headers.Add("Origin", "https://evil.example");

        using var allowed = await Http.SendAsync(partner);
        using var refused = await Http.SendAsync(other);

        Assert.Equal(Partner, Header(allowed, "Access-Control-Allow-Origin"));
        Assert.Null(Header(refused, "Access-Control-Allow-Origin"));
    }

    [Fact]
    public async Task Partner_origin_may_open_the_stream()
    {
        var conversation = await Api.StartWithUserAsync();
        var client = Factory.Server.CreateWebSocketClient();
        client.ConfigureRequest = request => request.Headers.Origin = Partner;

        using var socket = await client.ConnectAsync(new Uri(conversation.StreamUrl), CancellationToken.None);

        Assert.Equal(System.Net.WebSockets.WebSocketState.Open, socket.State);
        socket.Abort();
    }

    private static HttpRequestMessage Preflight(string path, string origin, string method)
    {
        var request = new HttpRequestMessage(HttpMethod.Options, path);
        request.Headers.Add("Origin", origin);
        request.Headers.Add("Access-Control-Request-Method", method);
        request.Headers.Add("Access-Control-Request-Headers", string.Join(',', ClientHeaders));
        return request;
    }

    private static string? Header(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) ? string.Join(",", values) : null;
}
