using IqTriageBot.Host.Channels.DirectLine;
using Microsoft.AspNetCore.Cors.Infrastructure;
using Microsoft.Extensions.Options;

namespace IqTriageBot.Host.Hosting;

/// <summary>
/// CORS for Direct Line, so pages on other websites (DirectLine:AllowedOrigins) can host the widget.
/// DirectLineJS sends x-ms-bot-agent and X-Requested-With, which must be allowed for its preflight to pass.
/// </summary>
internal sealed class DirectLineCors(IOptions<DirectLineOptions> directLine) : IConfigureOptions<CorsOptions>
{
    public void Configure(CorsOptions options) =>
        options.AddPolicy(DirectLineEndpoints.CorsPolicy, policy =>
        {
            var origins = directLine.Value.AllowedOrigins;
            if (origins.Contains("*"))
            {
                policy.AllowAnyOrigin();
            }
            else
            {
                policy.WithOrigins(origins.Select(o => o.TrimEnd('/')).ToArray());
            }

            policy.WithMethods("GET", "POST", "OPTIONS")
                .WithHeaders("Authorization", "Content-Type", "Accept", "x-ms-bot-agent", "X-Requested-With")
                .SetPreflightMaxAge(TimeSpan.FromHours(1));
        });
}
