using System.Net;
using System.Text.RegularExpressions;
using IqTriageBot.Domain.Advisors;
using IqTriageBot.Host.Advisors;
using IqTriageBot.Tests.Infrastructure;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace IqTriageBot.Tests.Portal;

/// <summary>A browser-like client of the portal: keeps its cookies, does not follow redirects, posts forms with the page's anti-forgery token.</summary>
public sealed partial class PortalClient : IDisposable
{
    public const string Password = "a-long-enough-passphrase";

    private PortalClient(HttpClient http) => Http = http;

    public HttpClient Http { get; }

    public static PortalClient Anonymous(TriageBotFactory factory) =>
        new(factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true }));

    /// <summary>Creates the account (through the same service the portal uses) and signs in with it.</summary>
    public static async Task<PortalClient> AsNewAccountAsync(TriageBotFactory factory, string email, PortalRole role, string? centreId)
    {
        var problem = await factory.Services.GetRequiredService<PortalAccounts>().CreateAsync(email, Password, role, centreId, CancellationToken.None);
        Assert.Null(problem);
        var client = Anonymous(factory);
        using var response = await client.SignInAsync(email, Password);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return client;
    }

    public async Task<HttpResponseMessage> SignInAsync(string email, string password) =>
        await PostFormAsync("/portal/login", "/portal/login", new Dictionary<string, string> { ["email"] = email, ["password"] = password });

    /// <summary>Loads <paramref name="formPage"/>, takes its anti-forgery token and posts the fields to <paramref name="action"/>.</summary>
    public async Task<HttpResponseMessage> PostFormAsync(string formPage, string action, IReadOnlyDictionary<string, string> fields)
    {
        var token = await TokenAsync(formPage);
        var form = new Dictionary<string, string>(fields) { ["__RequestVerificationToken"] = token };
        using var content = new FormUrlEncodedContent(form);
        return await Http.PostAsync(action, content);
    }

    public async Task<string> TokenAsync(string page)
    {
        var html = await Http.GetStringAsync(page);
        return TokenField().Match(html) is { Success: true } match ? WebUtility.HtmlDecode(match.Groups[1].Value) : throw new InvalidOperationException($"{page} has no form token");
    }

    public async Task<(HttpStatusCode Status, string Body)> GetAsync(string path)
    {
        using var response = await Http.GetAsync(path);
        return (response.StatusCode, await response.Content.ReadAsStringAsync());
    }

    public void Dispose() => Http.Dispose();

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex TokenField();
}
