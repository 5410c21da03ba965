using System.Globalization;
using System.Net;
using System.Text;
using IqTriageBot.LoadDriver;

return await Driver.RunAsync(args).ConfigureAwait(false);

namespace IqTriageBot.LoadDriver
{
    internal static class Driver
    {
        private const double MaxErrorRate = 0.01;

        private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

        public static async Task<int> RunAsync(string[] args)
        {
            if (args.Any(a => a is "--help" or "-h"))
            {
                Console.WriteLine(DriverOptions.Usage);
                return 0;
            }

            DriverOptions options;
            try
            {
                options = DriverOptions.Parse(args);
            }
            catch (UsageException exception)
            {
                await Console.Error.WriteLineAsync($"error: {exception.Message}\n\n{DriverOptions.Usage}").ConfigureAwait(false);
                return 2;
            }

            using var interrupted = new CancellationTokenSource();
            Console.CancelKeyPress += (_, e) =>
            {
                e.Cancel = true;
                interrupted.Cancel();
            };

            if (await DriverOptions.CheckLoopbackAsync(options.Url, interrupted.Token).ConfigureAwait(false) is { } refusal)
            {
                await Console.Error.WriteLineAsync($"error: refusing to load {options.Url}: {refusal} This driver only targets the local machine.").ConfigureAwait(false);
                return 2;
            }

            var maxConcurrency = options.Concurrency.Max();
            using var handler = new SocketsHttpHandler
            {
                MaxConnectionsPerServer = maxConcurrency + 8,
                // Recycled now and then like a long-running channel would, but not within one level.
                PooledConnectionLifetime = TimeSpan.FromMinutes(5),
                PooledConnectionIdleTimeout = TimeSpan.FromMinutes(1),
                ConnectTimeout = TimeSpan.FromSeconds(5),
                // Only --url is ever contacted: no proxy from the environment, no redirects elsewhere.
                UseProxy = false,
                AllowAutoRedirect = false,
                UseCookies = false,
            };
            using var http = new HttpClient(handler, disposeHandler: false)
            {
                Timeout = TimeSpan.FromSeconds(30),
                DefaultRequestVersion = HttpVersion.Version11,
                DefaultVersionPolicy = HttpVersionPolicy.RequestVersionExact,
            };

            var client = new TurnClient(http, options.Url, options.Locale);
            var runner = new LoadRunner(client);

            Console.WriteLine(string.Create(Invariant, $"IqTriageBot load driver: {options.Url} | concurrency {string.Join(",", options.Concurrency)} | warm-up {options.Warmup.TotalSeconds:0.#} s + {options.Duration.TotalSeconds:0.#} s per level | locale {options.Locale} | {ConversationScript.Steps.Count} turns per conversation | {Environment.ProcessorCount} CPUs"));

            // One clean conversation first: proves the host is there and records the reply texts to compare against.
            try
            {
                var (texts, failure) = await runner.RunOnceAsync(interrupted.Token).ConfigureAwait(false);
                if (failure is { } failed)
                {
                    await Console.Error.WriteLineAsync(failed.Unreachable
                        ? $"error: host unreachable at {options.Url} ({failed.Error})."
                        : $"error: the reference conversation failed: {failed.Error}").ConfigureAwait(false);
                    return failed.Unreachable ? 3 : 1;
                }

                client.Reference = texts;
            }
            catch (OperationCanceledException)
            {
                return 130;
            }

            var results = new List<LevelResult>();
            foreach (var concurrency in options.Concurrency)
            {
                if (interrupted.IsCancellationRequested)
                {
                    break;
                }

                await Console.Error.WriteLineAsync(string.Create(Invariant, $"level {concurrency}: warm-up {options.Warmup.TotalSeconds:0.#} s, measuring {options.Duration.TotalSeconds:0.#} s ...")).ConfigureAwait(false);
                var result = await runner.RunLevelAsync(concurrency, options.Warmup, options.Duration, interrupted.Token).ConfigureAwait(false);
                results.Add(result);
                PrintLevel(result);
            }

            Console.WriteLine();
            Console.WriteLine(Table(results));

            if (interrupted.IsCancellationRequested)
            {
                await Console.Error.WriteLineAsync("interrupted").ConfigureAwait(false);
                return 130;
            }

            var failedLevels = results.Where(r => r.ErrorRate > MaxErrorRate).ToList();
            if (failedLevels.Count > 0)
            {
                await Console.Error.WriteLineAsync(string.Create(Invariant, $"FAIL: error rate above {MaxErrorRate:P0} at concurrency {string.Join(", ", failedLevels.Select(r => r.Concurrency))}")).ConfigureAwait(false);
                return results.All(r => r.Turns > 0 && r.Reasons.All(x => x.Key.EndsWith("connection failed", StringComparison.Ordinal))) ? 3 : 1;
            }

            return 0;
        }

        private static void PrintLevel(LevelResult r)
        {
            Console.WriteLine(string.Create(Invariant, $"concurrency {r.Concurrency,4}: {r.Turns,7} turns, {r.Errors} errors ({r.ErrorRate:P2}), {r.TurnsPerSecond,8:F1} turns/s, {r.Conversations} conversations | latency ms p50 {r.P50:F1} p90 {r.P90:F1} p99 {r.P99:F1} max {r.Max:F1}"));
            foreach (var (reason, count) in r.Reasons.Take(10))
            {
                Console.WriteLine(string.Create(Invariant, $"    {count,6} x {reason}"));
            }

            if (r.Reasons.Count > 10)
            {
                Console.WriteLine(string.Create(Invariant, $"    ... {r.Reasons.Count - 10} more reasons"));
            }
        }

        private static string Table(IEnumerable<LevelResult> results)
        {
            var table = new StringBuilder();
            table.AppendLine("| Concurrency | Turns | Errors | Error % | Turns/s | p50 ms | p90 ms | p99 ms | Max ms |");
            table.AppendLine("|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
            foreach (var r in results)
            {
                table.AppendLine(Invariant, $"| {r.Concurrency} | {r.Turns} | {r.Errors} | {r.ErrorRate * 100:F2} | {r.TurnsPerSecond:F1} | {r.P50:F1} | {r.P90:F1} | {r.P99:F1} | {r.Max:F1} |");
            }

            return table.ToString().TrimEnd();
        }
    }
}
