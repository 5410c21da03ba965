using System.Security.Cryptography;

namespace IqTriageBot.Host.Channels.DirectLine;

/// <summary>The Direct Line master secret, from configuration or generated once and kept in the data folder.</summary>
public sealed class DirectLineSecret(string value)
{
    public string Value { get; } = value;

    public static DirectLineSecret FromConfigurationOrFile(string? configured, string dataDirectory)
    {
        if (!string.IsNullOrWhiteSpace(configured))
        {
            return new DirectLineSecret(configured.Trim());
        }

        var file = Path.Combine(dataDirectory, "directline.secret");
        if (File.Exists(file))
        {
            return new DirectLineSecret(File.ReadAllText(file).Trim());
        }

        Directory.CreateDirectory(dataDirectory);
        var generated = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
        File.WriteAllText(file, generated);
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(file, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }

        return new DirectLineSecret(generated);
    }

    /// <summary>Constant-time comparison, so response timing reveals nothing about the secret.</summary>
    public bool Matches(string candidate) =>
        CryptographicOperations.FixedTimeEquals(
            System.Text.Encoding.UTF8.GetBytes(candidate),
            System.Text.Encoding.UTF8.GetBytes(Value));
}
