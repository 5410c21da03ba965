using IqTriageBot.Dialogs;
using IqTriageBot.Host.Channels.DirectLine;

namespace IqTriageBot.Host.Hosting;

/// <summary>
/// Builds what must be valid before the first request: the dialog content (a broken catalog stops the
/// start with every problem listed) and the Direct Line secret (generated on first start if not configured).
/// </summary>
internal sealed class StartupChecks(IServiceProvider services) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        services.GetRequiredService<DialogContent>();
        services.GetRequiredService<DirectLineSecret>();
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
