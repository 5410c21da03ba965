using IqTriageBot.Domain.Advisors;
using IqTriageBot.Host.Hosting;
using IqTriageBot.Storage;

namespace IqTriageBot.Host.Advisors;

/// <summary>
/// Command line for the portal, run instead of the server:
/// <c>portal create-operator &lt;email&gt;</c> creates an operator account (the first one has to be made this way;
/// there is no default password), <c>portal set-password &lt;email&gt;</c> sets a new password and lifts a lockout.
/// The password comes from the environment variable IQ_PORTAL_PASSWORD, else from standard input
/// (typed twice, not echoed, when that is a terminal).
/// </summary>
public static class PortalCommands
{
    public const string PasswordVariable = "IQ_PORTAL_PASSWORD";

    public static bool Handles(string[] args) => args is ["portal", ..];

    public static async Task<int> RunAsync(string[] args)
    {
        if (args is not ["portal", var command, var email] || command is not ("create-operator" or "set-password"))
        {
            await Console.Error.WriteLineAsync("usage: portal create-operator <email> | portal set-password <email>   (password from " + PasswordVariable + " or standard input)");
            return 2;
        }

        var builder = Microsoft.Extensions.Hosting.Host.CreateApplicationBuilder(args[3..]);
        builder.Services.AddTriageStorage();
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddSingleton<IPortalStore, SqlitePortalStore>();
        builder.Services.AddSingleton<PortalAccounts>();
        using var host = builder.Build();
        var storage = host.Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<StorageOptions>>().Value;
        Directory.CreateDirectory(storage.DataDirectory);
        await host.Services.GetRequiredService<SqliteDatabase>().MigrateAsync(CancellationToken.None);

        var password = ReadPassword();
        if (password is null)
        {
            await Console.Error.WriteLineAsync("no password given: set " + PasswordVariable + " or type it on standard input");
            return 2;
        }

        var accounts = host.Services.GetRequiredService<PortalAccounts>();
        var problem = command == "create-operator"
            ? await accounts.CreateAsync(email, password, PortalRole.Operator, null, CancellationToken.None)
            : await accounts.SetPasswordAsync(email, password, CancellationToken.None);
        if (problem is not null)
        {
            await Console.Error.WriteLineAsync("not done: " + problem);
            return 1;
        }

        Console.WriteLine(command == "create-operator" ? $"operator account {email.Trim()} created; sign in at /portal/login" : $"password of {email.Trim()} set");
        return 0;
    }

    private static string? ReadPassword()
    {
        if (Environment.GetEnvironmentVariable(PasswordVariable) is { Length: > 0 } fromEnvironment)
        {
            return fromEnvironment;
        }

        if (Console.IsInputRedirected)
        {
            return Console.In.ReadLine()?.TrimEnd('\r', '\n') is { Length: > 0 } line ? line : null;
        }

        var first = Prompt("Password: ");
        var second = Prompt("Repeat password: ");
        if (first != second)
        {
            Console.Error.WriteLine("the two passwords differ");
            return null;
        }

        return first.Length > 0 ? first : null;
    }

    private static string Prompt(string label)
    {
        Console.Write(label);
        var typed = new System.Text.StringBuilder();
        while (Console.ReadKey(intercept: true) is var key && key.Key != ConsoleKey.Enter)
        {
            if (key.Key == ConsoleKey.Backspace)
            {
                typed.Length = Math.Max(0, typed.Length - 1);
            }
            else if (!char.IsControl(key.KeyChar))
            {
                typed.Append(key.KeyChar);
            }
        }

        Console.WriteLine();
        return typed.ToString();
    }
}
