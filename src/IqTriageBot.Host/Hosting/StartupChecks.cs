using IqTriageBot.Dialogs;
using IqTriageBot.Domain.Advisors;
using IqTriageBot.Host.Channels.DirectLine;

namespace IqTriageBot.Host.Hosting;

/// <summary>
/// Builds what must be valid before the first request: the dialog content (a broken catalog stops the
/// start with every problem listed) and the Direct Line secret (generated on first start if not configured).
/// </summary>
internal sealed partial class StartupChecks(IServiceProvider services, ILogger<StartupChecks> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        services.GetRequiredService<DialogContent>();
        services.GetRequiredService<DirectLineSecret>();
        if (!await services.GetRequiredService<IPortalStore>().AnyOperatorAsync(cancellationToken).ConfigureAwait(false))
        {
            NoOperator(logger);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "The advisor portal has no operator account yet; create one with: dotnet run --project src/IqTriageBot.Host -- portal create-operator <email>")]
    private static partial void NoOperator(ILogger logger);

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
