using IqTriageBot.Host.Channels.Messengers;
using IqTriageBot.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace IqTriageBot.Tests.Messengers;

/// <summary>The real host with both messengers configured against one local fake platform.</summary>
[System.Diagnostics.CodeAnalysis.SuppressMessage("Design", "CA1001", Justification = "Disposed by xunit through IAsyncLifetime.DisposeAsync.")]
public abstract class MessengerTest : IAsyncLifetime
{
    public const string TelegramSecret = "tg-secret_0123456789";
    public const string BotToken = "123456:TEST-token";
    public const string AppSecret = "meta-app-secret-for-tests";
    public const string VerifyToken = "verify-me-please";
    public const string PhoneNumberId = "106540352242922";
    public const string AccessToken = "graph-access-token";

    private FakePlatform? _platform;
    private TriageBotFactory? _factory;
    private HttpClient? _http;

    protected FakePlatform Platform => _platform!;

    protected TriageBotFactory Factory => _factory!;

    protected HttpClient Http => _http!;

    public async Task InitializeAsync()
    {
        _platform = await FakePlatform.StartAsync();
        _factory = new TriageBotFactory(new Dictionary<string, string?>
        {
            ["Telegram:BotToken"] = BotToken,
            ["Telegram:SecretToken"] = TelegramSecret,
            ["Telegram:ApiBaseUrl"] = _platform.BaseUrl,
            ["WhatsApp:AccessToken"] = AccessToken,
            ["WhatsApp:AppSecret"] = AppSecret,
            ["WhatsApp:VerifyToken"] = VerifyToken,
            ["WhatsApp:PhoneNumberId"] = PhoneNumberId,
            ["WhatsApp:GraphBaseUrl"] = _platform.BaseUrl,
            ["WhatsApp:GraphVersion"] = "v23.0",
        });
        _http = _factory.CreateClient();
    }

    public async Task DisposeAsync()
    {
        _http?.Dispose();
        if (_factory is not null)
        {
            await _factory.DisposeAsync();
        }

        if (_platform is not null)
        {
            await _platform.DisposeAsync();
        }
    }

    /// <summary>Sends what is queued and due now (the outbox also runs by itself; this waits for it).</summary>
    protected Task<int> DrainAsync() => Factory.Services.GetRequiredService<MessengerOutbox>().DrainAsync(CancellationToken.None);
}
