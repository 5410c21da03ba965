using System.Diagnostics;
using System.Net;
using IqTriageBot.Tests.Infrastructure;

namespace IqTriageBot.Tests.Portal;

/// <summary>The first operator account is made on the command line, with the host's own executable; there is no default password.</summary>
public sealed class PortalCommandTests : IDisposable
{
    private readonly TempDirectory _data = new();

    [Fact]
    public async Task The_operator_made_on_the_command_line_signs_in_to_the_portal()
    {
        var (code, output, _) = await RunAsync(["portal", "create-operator", "operator@example.org"], "a-long-enough-passphrase");
        Assert.Equal(0, code);
        Assert.Contains("operator@example.org", output, StringComparison.Ordinal);
        Assert.DoesNotContain("a-long-enough-passphrase", output, StringComparison.Ordinal);

        await using var factory = new TriageBotFactory(dataDirectory: _data.Path);
        using var client = PortalClient.Anonymous(factory);
        using var signedIn = await client.SignInAsync("operator@example.org", "a-long-enough-passphrase");
        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/portal/accounts")).Status);
    }

    [Fact]
    public async Task A_short_password_or_a_second_account_with_the_same_address_is_refused()
    {
        var (tooShort, _, error) = await RunAsync(["portal", "create-operator", "operator@example.org"], "short");
        Assert.Equal(1, tooShort);
        Assert.Contains("12", error, StringComparison.Ordinal);

        Assert.Equal(0, (await RunAsync(["portal", "create-operator", "operator@example.org"], "a-long-enough-passphrase")).Code);
        Assert.Equal(1, (await RunAsync(["portal", "create-operator", "OPERATOR@example.org"], "another-long-passphrase")).Code);
        Assert.Equal(2, (await RunAsync(["portal", "create-operator"], "a-long-enough-passphrase")).Code);

        // set-password replaces the password (and lifts a lockout).
        Assert.Equal(0, (await RunAsync(["portal", "set-password", "operator@example.org"], "the-new-long-passphrase")).Code);
        await using var factory = new TriageBotFactory(dataDirectory: _data.Path);
        using var client = PortalClient.Anonymous(factory);
        using var old = await client.SignInAsync("operator@example.org", "a-long-enough-passphrase");
        Assert.Equal(HttpStatusCode.Unauthorized, old.StatusCode);
        using var fresh = await client.SignInAsync("operator@example.org", "the-new-long-passphrase");
        Assert.Equal(HttpStatusCode.Redirect, fresh.StatusCode);
    }

    [Fact]
    public async Task A_signed_in_advisor_stays_signed_in_across_a_restart()
    {
        string cookie;
        await using (var first = new TriageBotFactory(dataDirectory: _data.Path))
        {
            using var client = await PortalClient.AsNewAccountAsync(first, "advisor@leipzig.example", IqTriageBot.Domain.Advisors.PortalRole.Advisor, "iq-sn-leipzig");
            using var again = PortalClient.Anonymous(first);
            using var signedIn = await again.SignInAsync("advisor@leipzig.example", PortalClient.Password);
            cookie = signedIn.Headers.GetValues("Set-Cookie").Single(v => v.StartsWith("iq.portal=", StringComparison.Ordinal)).Split(';')[0];
        }

        // The keys that protect the cookie are kept in the data folder, so the new process can read it.
        Assert.NotEmpty(Directory.GetFiles(Path.Combine(_data.Path, "keys"), "*.xml"));
        await using var second = new TriageBotFactory(dataDirectory: _data.Path);
        using var restarted = second.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        using var request = new HttpRequestMessage(HttpMethod.Get, "/portal/bookings");
        request.Headers.Add("Cookie", cookie);
        using var response = await restarted.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("advisor@leipzig.example", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    public void Dispose() => _data.Dispose();

    private async Task<(int Code, string Output, string Error)> RunAsync(string[] args, string password)
    {
        var host = Path.Combine(AppContext.BaseDirectory, "IqTriageBot.Host.dll");
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, RedirectStandardInput = true, WorkingDirectory = AppContext.BaseDirectory };
        start.ArgumentList.Add(host);
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        start.Environment["Storage__DataDirectory"] = _data.Path;
        start.Environment["DOTNET_ENVIRONMENT"] = "Testing";
        start.Environment["IQ_PORTAL_PASSWORD"] = password;
        using var process = Process.Start(start)!;
        process.StandardInput.Close();
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, await output, await error);
    }
}
