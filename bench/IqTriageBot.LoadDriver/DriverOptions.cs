using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace IqTriageBot.LoadDriver;

/// <summary>Command-line settings of one run.</summary>
internal sealed record DriverOptions(Uri Url, IReadOnlyList<int> Concurrency, TimeSpan Duration, TimeSpan Warmup, string Locale)
{
    public const string Usage = """
        Usage: IqTriageBot.LoadDriver [options]
          --url URL            base URL of the host, loopback only (default http://127.0.0.1:5080)
          --concurrency LIST   comma-separated numbers of concurrent conversations (default 1,8,64)
          --duration SECONDS   measured time per concurrency level (default 20)
          --warmup SECONDS     unmeasured time before each level (default 3)
          --locale LOCALE      locale sent on every activity (default en-US)
          --help               show this text
        Exit codes: 0 ok, 1 error rate above 1% (or the reference conversation failed),
                    2 bad arguments or non-loopback URL, 3 host unreachable.
        """;

    public static DriverOptions Parse(IReadOnlyList<string> args)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i < args.Count; i++)
        {
            var name = args[i];
            string value;
            var equals = name.IndexOf('=', StringComparison.Ordinal);
            if (name.StartsWith("--", StringComparison.Ordinal) && equals > 0)
            {
                value = name[(equals + 1)..];
                name = name[..equals];
            }
            else if (i + 1 < args.Count)
            {
                value = args[++i];
            }
            else
            {
                throw new UsageException($"Option {name} needs a value.");
            }

            if (name is not ("--url" or "--concurrency" or "--duration" or "--warmup" or "--locale"))
            {
                throw new UsageException($"Unknown option {name}.");
            }

            // A second --url could silently point the load somewhere else than the caller expects.
            if (!values.TryAdd(name, value))
            {
                throw new UsageException($"Option {name} is given twice.");
            }
        }

        var url = ParseUrl(values.GetValueOrDefault("--url", "http://127.0.0.1:5080"));
        var concurrency = ParseConcurrency(values.GetValueOrDefault("--concurrency", "1,8,64"));
        var duration = ParseSeconds("--duration", values.GetValueOrDefault("--duration", "20"), allowZero: false);
        var warmup = ParseSeconds("--warmup", values.GetValueOrDefault("--warmup", "3"), allowZero: true);
        var locale = values.GetValueOrDefault("--locale", "en-US").Trim();
        if (locale.Length == 0 || locale.Length > 35)
        {
            throw new UsageException("--locale must be a BCP-47 locale such as en-US.");
        }

        return new DriverOptions(url, concurrency, duration, warmup, locale);
    }

    /// <summary>
    /// Null when every address the URL can reach is loopback, else why not. Names other than localhost are
    /// refused outright, so a typo or a hosts-file entry can never aim the load at another machine.
    /// </summary>
    public static async Task<string?> CheckLoopbackAsync(Uri url, CancellationToken cancellationToken)
    {
        if (url.HostNameType is UriHostNameType.IPv4 or UriHostNameType.IPv6)
        {
            var address = IPAddress.Parse(url.Host.Trim('[', ']'));
            return IPAddress.IsLoopback(address) ? null : $"{url.Host} is not a loopback address.";
        }

        var host = url.Host.ToUpperInvariant();
        if (host != "LOCALHOST" && !host.EndsWith(".LOCALHOST", StringComparison.Ordinal))
        {
            return $"{url.Host} is not a loopback address; use 127.0.0.1, [::1] or localhost.";
        }

        IPAddress[] addresses;
        try
        {
            addresses = await Dns.GetHostAddressesAsync(url.Host, cancellationToken).ConfigureAwait(false);
        }
        catch (SocketException exception)
        {
            return $"{url.Host} does not resolve: {exception.Message}";
        }

        return addresses.Length > 0 && addresses.All(IPAddress.IsLoopback)
            ? null
            : $"{url.Host} resolves to non-loopback addresses ({string.Join(", ", addresses.Select(a => a.ToString()))}).";
    }

    private static Uri ParseUrl(string text)
    {
        if (!Uri.TryCreate(text, UriKind.Absolute, out var url) || url.Scheme is not ("http" or "https"))
        {
            throw new UsageException($"--url must be an absolute http(s) URL, not '{text}'.");
        }

        if (!string.IsNullOrEmpty(url.UserInfo) || !string.IsNullOrEmpty(url.Query) || !string.IsNullOrEmpty(url.Fragment))
        {
            throw new UsageException("--url must not carry user info, a query or a fragment.");
        }

        // A trailing slash makes relative paths append to a path base instead of replacing its last segment.
        return url.AbsolutePath.EndsWith('/') ? url : new Uri(url.GetLeftPart(UriPartial.Path) + "/");
    }

    private static int[] ParseConcurrency(string text)
    {
        var levels = new List<int>();
        foreach (var part in text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (!int.TryParse(part, NumberStyles.None, CultureInfo.InvariantCulture, out var level) || level < 1 || level > 4096)
            {
                throw new UsageException($"--concurrency takes numbers from 1 to 4096, not '{part}'.");
            }

            levels.Add(level);
        }

        return levels.Count > 0 ? [.. levels] : throw new UsageException("--concurrency needs at least one number.");
    }

    private static TimeSpan ParseSeconds(string option, string text, bool allowZero)
    {
        if (!double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds)
            || double.IsNaN(seconds) || seconds < 0 || (seconds == 0 && !allowZero) || seconds > 3600)
        {
            throw new UsageException($"{option} takes seconds ({(allowZero ? "0" : "above 0")} to 3600), not '{text}'.");
        }

        return TimeSpan.FromSeconds(seconds);
    }
}

internal sealed class UsageException(string message) : Exception(message);
