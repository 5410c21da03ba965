namespace IqTriageBot.Tests.Infrastructure;

/// <summary>One host per test (xunit makes a class instance per test), so clocks and data never leak between tests.</summary>
public abstract class IntegrationTest : IAsyncLifetime
{
    protected IntegrationTest(IReadOnlyDictionary<string, string?>? settings = null)
    {
        Factory = new TriageBotFactory(settings);
        Api = new DirectLineApi(Factory.CreateClient());
    }

    protected TriageBotFactory Factory { get; }

    protected DirectLineApi Api { get; }

    protected HttpClient Http => Api.Http;

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        Api.Http.Dispose();
        await Factory.DisposeAsync();
    }
}
